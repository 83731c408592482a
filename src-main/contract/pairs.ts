// Review of training pairs: the list (keyset pages, newest conversation first), the counts
// per status, one pair in full, and the writes a reviewer makes (status, edits, undo).
import { z } from 'zod'
import { method, rowId } from './define'

export const PAIR_STATUSES = ['new', 'approved', 'rejected'] as const
export type PairStatus = (typeof PAIR_STATUSES)[number]
/** A pair's language: an ISO 639-1 code ('en', 'ru', 'de', …), 'unknown' when the text is too
 * short to tell, or 'other', which older versions wrote for anything not English or Russian. */
export type PairLanguage = string
export const PAIR_LANGUAGE = /^(?:[a-z]{2}|other|unknown)$/

/** Page size bounds of pairs.list. */
export const PAIRS_PAGE_DEFAULT = 200
export const PAIRS_PAGE_MAX = 500
/** Most ids one bulk pairs.setStatus / pairs.restore call takes. */
export const PAIRS_BULK_MAX = 5000
/** Characters of each one-line preview in the list. */
export const PAIR_PREVIEW_CHARS = 120

/** Where a search matched in a text: [start, end) in UTF-16 code units of that very string. */
export type MarkRange = [number, number]

/** One row of the review list. Sorted by sentAt (when the client wrote), newest first by
 * default, then id. */
export interface PairListItem {
  id: number
  accountId: number
  accountEmail: string
  threadId: string
  /** Subject of the client message ('' when it has none). */
  subject: string
  /** The client text (edited if edited), whitespace folded to one line, ~120 chars with '…'. */
  clientPreview: string
  replyPreview: string
  status: PairStatus
  language: PairLanguage
  /** The reviewer changed the client or the reply text. */
  edited: boolean
  /** One of the pair's messages is gone from Gmail; the pair and its review are kept. */
  orphaned: boolean
  /** When sync created the pair. */
  createdAt: string
  /** When the client wrote: the Date of the pair's client message (ISO 8601). */
  sentAt: string
  /** With a search (`q`): the words it matched in the subject and the two previews. */
  marks?: { subject: MarkRange[]; client: MarkRange[]; reply: MarkRange[] }
}

export interface PairListPage {
  items: PairListItem[]
  /** Pass back as `cursor` for the next page; null when this page is the last. */
  nextCursor: string | null
}

export interface PairCounts {
  new: number
  approved: number
  rejected: number
}

/** A message of the pair, enough to label it and to open it with `messages.get`. */
export interface PairMessageRef {
  /** messages.id (the local id `messages.get` takes). */
  id: number
  /** Gmail's message id. */
  externalId: string
  fromAddress: string | null
  fromName: string | null
  toAddresses: string[]
  subject: string
  sentAt: string
  /** Gmail no longer has it (kept because a reviewed pair points at it). */
  deleted: boolean
}

export interface PairDetail {
  id: number
  accountId: number
  accountEmail: string
  threadId: string
  subject: string
  status: PairStatus
  language: PairLanguage
  labels: string[]
  /** The cleaned text sync produced; never changed by review. */
  clientText: string
  replyText: string
  /** The reviewer's version, or null when not edited. What is trained on: edited ?? original. */
  clientTextEdited: string | null
  replyTextEdited: string | null
  edited: boolean
  reviewedAt: string | null
  orphaned: boolean
  orphanedAt: string | null
  createdAt: string
  updatedAt: string
  /** When the client wrote (the client message's Date); the reply's is on replyMessage. */
  sentAt: string
  /** Every message of the client turn, oldest first (the last one is the pair's client message). */
  clientMessageIds: number[]
  replyMessageId: number
  /** The same messages with their headers; a message deleted from the knowledge base is left out. */
  clientMessages: PairMessageRef[]
  replyMessage: PairMessageRef | null
  /** When asked with a search (`q`): the words it matched in each text. */
  marks?: PairDetailMarks
}

export interface PairDetailMarks {
  subject: MarkRange[]
  clientText: MarkRange[]
  replyText: MarkRange[]
  clientTextEdited: MarkRange[]
  replyTextEdited: MarkRange[]
}

/** What pairs.restore puts back. setStatus's `previous` items fit as they are (texts left
 * alone); to undo an edit, pass the texts from the PairDetail shown before it. */
export interface PairSnapshot {
  id: number
  status: PairStatus
  reviewedAt: string | null
  clientTextEdited?: string | null
  replyTextEdited?: string | null
}

export interface SetStatusResult {
  /** Pairs whose status changed (a pair already in that status is left alone). */
  updated: number
  /** The state of every existing requested pair before the call: pass it to pairs.restore to undo. */
  previous: Array<{ id: number; status: PairStatus; reviewedAt: string | null }>
}

const id = rowId
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'an ISO 8601 date')
export const pairFilters = {
  accountId: id.optional(),
  language: z.string().regex(PAIR_LANGUAGE).optional(),
  /** Full text over client and reply; word forms match in Russian and English. */
  q: z.string().max(500).optional(),
  /** Inclusive bounds on sentAt (when the client wrote). A bare date (YYYY-MM-DD) in `to`
   * covers that whole day (UTC); the app and the command line send the bounds of the user's
   * local days (local-days.ts). */
  from: isoDate.optional(),
  to: isoDate.optional(),
}

/** Orders of the list by sentAt: newest first (the default) or oldest first. */
export const PAIR_ORDERS = ['newest', 'oldest'] as const
export type PairOrder = (typeof PAIR_ORDERS)[number]

export const pairsListInput = z
  .object({
    status: z.enum([...PAIR_STATUSES, 'all']).default('new'),
    ...pairFilters,
    /** By sentAt; newest first when omitted. */
    order: z.enum(PAIR_ORDERS).optional(),
    cursor: z.string().max(200).nullable().optional(),
    limit: z.number().int().min(1).max(PAIRS_PAGE_MAX).default(PAIRS_PAGE_DEFAULT),
  })
  .strict()
export type PairsListInput = z.input<typeof pairsListInput>
export type PairsListQuery = z.output<typeof pairsListInput>

export const pairsCountsInput = z.object(pairFilters).strict()
export type PairsCountsQuery = z.output<typeof pairsCountsInput>

const pairsGetInput = z
  .object({
    id,
    /** A search whose matches to mark in the texts (as in pairs.list's `q`). */
    q: pairFilters.q,
  })
  .strict()

/** One pair in full for the command line's `pairs list`: texts as cleaned, edits beside them. */
export interface PairRecord {
  id: number
  accountId: number
  threadId: string
  clientExternalId: string
  replyExternalId: string
  clientText: string
  replyText: string
  clientTextEdited: string | null
  replyTextEdited: string | null
  status: PairStatus
  language: PairLanguage
  labels: string[]
  /** When the client wrote (ISO 8601). */
  sentAt: string
  createdAt: string
  updatedAt: string
}

export interface PairRecordsPage {
  records: PairRecord[]
  /** Pass as afterId for the next page; null after the last. */
  nextAfterId: number | null
}

const pairsRecordsInput = z
  .object({
    status: z.enum(PAIR_STATUSES).optional(),
    accountId: id.optional(),
    from: pairFilters.from,
    to: pairFilters.to,
    afterId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict()

const pairsSetStatusInput = z
  .object({
    ids: z.array(id).min(1).max(PAIRS_BULK_MAX),
    status: z.enum(PAIR_STATUSES),
  })
  .strict()

/** A text edit: a string replaces, null clears the edit (back to the original); '' is refused. */
const editText = z.string().trim().min(1, 'an edited text cannot be empty').max(200_000).nullable()
const pairsEditInput = z
  .object({
    id,
    clientText: editText.optional(),
    replyText: editText.optional(),
    /** Also approve the pair in the same write (edit-before-approve). */
    approve: z.boolean().optional(),
    /** A search whose matches the returned detail marks (as pairs.get's `q`). */
    q: pairFilters.q,
  })
  .strict()

const pairsRestoreInput = z
  .object({
    items: z
      .array(
        z
          .object({
            id,
            status: z.enum(PAIR_STATUSES),
            reviewedAt: z.string().max(64).nullable(),
            /** Omitted: left as it is (undo of a status change); null: no edit. */
            clientTextEdited: z.string().max(200_000).nullable().optional(),
            replyTextEdited: z.string().max(200_000).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(PAIRS_BULK_MAX),
  })
  .strict()

/** Review by filter (the CLI's bulk actions): every pair matching the list's filter whose
 * status differs from `to`. With dryRun nothing changes and `matched` says how many would. */
const pairsSetStatusMatchingInput = z
  .object({
    status: z.enum([...PAIR_STATUSES, 'all']).default('all'),
    ...pairFilters,
    newStatus: z.enum(PAIR_STATUSES),
    dryRun: z.boolean().default(false),
    /** Keep what the pairs were (in main, for the latest such action) so that
     * pairs.restoreMatching can undo it: the Review page's "all matching this filter". */
    undoable: z.boolean().default(false),
  })
  .strict()
export type PairsSetStatusMatchingQuery = z.output<typeof pairsSetStatusMatchingInput>

export interface SetStatusMatchingResult {
  /** Pairs of the filter not already in `newStatus`. */
  matched: number
  /** Pairs changed (0 on a dry run). */
  updated: number
  /** With undoable and something changed: pass to pairs.restoreMatching to undo. */
  undoId: string | null
}

const pairsRestoreMatchingInput = z.object({ undoId: z.string().min(1).max(64) }).strict()

export const pairsContract = {
  'pairs.list': method<typeof pairsListInput, PairListPage>(pairsListInput),
  'pairs.counts': method<typeof pairsCountsInput, PairCounts>(pairsCountsInput),
  /** not_found when the pair is gone. */
  'pairs.get': method<typeof pairsGetInput, PairDetail>(pairsGetInput),
  /** Every pair of a status and account in full, in id order, a page at a time. */
  'pairs.records': method<typeof pairsRecordsInput, PairRecordsPage>(pairsRecordsInput),
  'pairs.setStatus': method<typeof pairsSetStatusInput, SetStatusResult>(pairsSetStatusInput),
  'pairs.edit': method<typeof pairsEditInput, PairDetail>(pairsEditInput),
  /** Undo: puts each pair back to the given snapshot (pairs that no longer exist are skipped). */
  'pairs.restore': method<typeof pairsRestoreInput, { restored: number }>(pairsRestoreInput),
  'pairs.setStatusMatching': method<typeof pairsSetStatusMatchingInput, SetStatusMatchingResult>(
    pairsSetStatusMatchingInput,
  ),
  /** Undo of the latest undoable setStatusMatching: every pair it changed gets its status and
   * review time back. not_found when that action is no longer the latest (or main restarted). */
  'pairs.restoreMatching': method<typeof pairsRestoreMatchingInput, { restored: number }>(
    pairsRestoreMatchingInput,
  ),
}
