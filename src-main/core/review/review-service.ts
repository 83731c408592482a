// Reviewing training pairs: keyset-paged lists, counts, one pair in full, and the reviewer's
// writes (status, edit-before-approve, undo). Sync creates pairs; review never touches the
// cleaned originals, only status, reviewed_at and the separate *_edited texts.
import type {
  PairCounts,
  PairDetail,
  PairListItem,
  PairListPage,
  PairMessageRef,
  PairRecord,
  PairRecordsPage,
  PairSnapshot,
  PairStatus,
  PairsCountsQuery,
  PairsListQuery,
  PairsSetStatusMatchingQuery,
  SetStatusMatchingResult,
  SetStatusResult,
} from '@contract/pairs'
import { PAIR_PREVIEW_CHARS, PAIR_STATUSES } from '@contract/pairs'
import type { DbHandle } from '../../db/connection'
import {
  countPairsByStatus,
  getMessageRefs,
  getPairRow,
  pairRecordsAfter,
  listPairsPage,
  restoreSnapshot,
  reviewStates,
  updateEdits,
  updateStatus,
  type MessageRefRow,
  type PairCursor,
  type PairExportRow,
  type PairFilterSql,
  type PairListRow,
} from '../../db/queries/pairs-review'
import { AppError } from '@contract/errors'
import type { EventBus } from '../event-bus'
import { createMatchingReview } from './review-matching'
import { toFtsQuery } from '../../db/stem'
import { searchMatcher, type SearchMatcher } from './search-marks'

export interface PairEditInput {
  id: number
  clientText?: string | null
  replyText?: string | null
  approve?: boolean
  q?: string
}

export interface ReviewService {
  list(query: PairsListQuery): PairListPage
  counts(query: PairsCountsQuery): PairCounts
  /** With `q`, the detail marks where that search matched. */
  get(id: number, q?: string): PairDetail
  setStatus(ids: number[], status: PairStatus): SetStatusResult
  edit(input: PairEditInput): PairDetail
  restore(items: PairSnapshot[]): { restored: number }
  /** Bulk review by filter in one transaction (review-matching.ts), undoable on request. */
  setStatusMatching(q: PairsSetStatusMatchingQuery): SetStatusMatchingResult
  restoreMatching(undoId: string): { restored: number }
  /** Every pair matching, oldest first, in the CLI's export shape (streamed). */
  records(q: {
    status?: PairStatus
    accountId?: number
    from?: string
    to?: string
    afterId?: number
    limit?: number
  }): PairRecordsPage
}

export function encodeCursor(c: PairCursor): string {
  return Buffer.from(JSON.stringify([c.sentAt, c.id])).toString('base64url')
}

export function decodeCursor(raw: string): PairCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      Number.isInteger(v[1]) &&
      (v[1] as number) > 0
    ) {
      return { sentAt: v[0], id: v[1] as number }
    }
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'This list cursor is not one pairs.list returned.')
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/

/** ISO bounds on sent_at (when the client wrote): `from` inclusive; `to` inclusive of its
 * whole day when bare. */
export function dateBounds(
  from: string | undefined,
  to: string | undefined,
): { sentFrom?: string; sentBefore?: string } {
  const parse = (value: string, name: string): number => {
    const t = Date.parse(BARE_DATE.test(value) ? `${value}T00:00:00.000Z` : value)
    if (Number.isNaN(t)) throw new AppError('bad_request', `${name} is not a valid date.`)
    return t
  }
  const out: { sentFrom?: string; sentBefore?: string } = {}
  if (from) out.sentFrom = new Date(parse(from, 'from')).toISOString()
  if (to) {
    const t = parse(to, 'to')
    out.sentBefore = new Date(BARE_DATE.test(to) ? t + 86_400_000 : t + 1).toISOString()
  }
  return out
}

/** One line of about `max` characters: whitespace folded, cut at a word when possible. */
export function preview(text: string, max = PAIR_PREVIEW_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`
}

export function filterSql(q: PairsCountsQuery): PairFilterSql {
  const f: PairFilterSql = { ...dateBounds(q.from, q.to) }
  if (q.accountId !== undefined) f.accountId = q.accountId
  if (q.language) f.language = q.language
  const fts = q.q ? toFtsQuery(q.q) : null
  if (fts) f.fts = fts
  return f
}

function toItem(r: PairListRow, matcher: SearchMatcher | null): PairListItem {
  const item: PairListItem = {
    id: r.id,
    accountId: r.accountId,
    accountEmail: r.accountEmail,
    threadId: r.threadId,
    subject: r.subject ?? '',
    clientPreview: preview(r.clientHead),
    replyPreview: preview(r.replyHead),
    status: r.status,
    language: r.language,
    edited: r.edited === 1,
    orphaned: r.orphaned === 1,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  }
  if (matcher) {
    item.marks = {
      subject: matcher.marks(item.subject),
      client: matcher.marks(item.clientPreview, r.clientHead),
      reply: matcher.marks(item.replyPreview, r.replyHead),
    }
  }
  return item
}

/** Newest first: sentAt descending, then id descending (the order of the SQL). */
function newerFirst(a: PairListRow, b: PairListRow): number {
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? 1 : -1
  return b.id - a.id
}

const olderFirst = (a: PairListRow, b: PairListRow): number => newerFirst(b, a)

function jsonList(raw: string): unknown[] {
  try {
    const v: unknown = JSON.parse(raw)
    return Array.isArray(v) ? v : []
  } catch {
    return []
  }
}

function toRef(m: MessageRefRow): PairMessageRef {
  return {
    id: m.id,
    externalId: m.externalId,
    fromAddress: m.fromAddress,
    fromName: m.fromName,
    toAddresses: jsonList(m.toAddresses).filter((x): x is string => typeof x === 'string'),
    subject: m.subject,
    sentAt: m.sentAt,
    deleted: m.deletedAt !== null,
  }
}

export function createReviewService(deps: {
  dbh: DbHandle
  events: EventBus
  now?: () => Date
}): ReviewService {
  const { dbh, events } = deps
  const nowIso = (): string => (deps.now ? deps.now() : new Date()).toISOString()
  const matching = createMatchingReview({ dbh, events, nowIso })

  function get(id: number, q?: string): PairDetail {
    const p = getPairRow(dbh, id)
    if (!p) throw new AppError('not_found', `No pair with id ${id}.`)
    const turn = jsonList(p.clientTurnIds).filter((x): x is number => Number.isInteger(x))
    const clientIds = turn.length > 0 ? turn : [p.clientMessageId]
    const refs = new Map(
      getMessageRefs(dbh, [...clientIds, p.replyMessageId]).map((m) => [m.id, toRef(m)]),
    )
    const clientMessages = clientIds
      .map((mid) => refs.get(mid))
      .filter((m): m is PairMessageRef => m !== undefined)
    const replyMessage = refs.get(p.replyMessageId) ?? null
    const detail: PairDetail = {
      id: p.id,
      accountId: p.accountId,
      accountEmail: p.accountEmail,
      threadId: p.threadId,
      subject: refs.get(p.clientMessageId)?.subject ?? replyMessage?.subject ?? '',
      status: p.status,
      language: p.language,
      labels: jsonList(p.labels).filter((x): x is string => typeof x === 'string'),
      clientText: p.clientText,
      replyText: p.replyText,
      clientTextEdited: p.clientTextEdited,
      replyTextEdited: p.replyTextEdited,
      edited: p.clientTextEdited !== null || p.replyTextEdited !== null,
      reviewedAt: p.reviewedAt,
      orphaned: p.orphanedAt !== null,
      orphanedAt: p.orphanedAt,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      sentAt: p.sentAt ?? replyMessage?.sentAt ?? p.createdAt,
      clientMessageIds: clientIds,
      replyMessageId: p.replyMessageId,
      clientMessages,
      replyMessage,
    }
    const matcher = q ? searchMatcher(q) : null
    if (matcher) {
      detail.marks = {
        subject: matcher.marks(detail.subject),
        clientText: matcher.marks(p.clientText),
        replyText: matcher.marks(p.replyText),
        clientTextEdited: matcher.marks(p.clientTextEdited ?? ''),
        replyTextEdited: matcher.marks(p.replyTextEdited ?? ''),
      }
    }
    return detail
  }

  const changed = (ids: number[]): void => {
    if (ids.length > 0) events.emit('pairs.changed', { ids })
  }

  return {
    list(q) {
      const f = filterSql(q)
      const matcher = f.fts && q.q ? searchMatcher(q.q) : null
      const cursor = q.cursor ? decodeCursor(q.cursor) : null
      const statuses = q.status === 'all' ? PAIR_STATUSES : [q.status]
      // One index range per status; 'all' merges the three ordered pages.
      const all = statuses.flatMap((s) => listPairsPage(dbh, s, f, cursor, q.limit + 1, q.order))
      const byOrder = q.order === 'oldest' ? olderFirst : newerFirst
      const rows = statuses.length > 1 ? all.sort(byOrder).slice(0, q.limit + 1) : all
      const more = rows.length > q.limit
      const page = more ? rows.slice(0, q.limit) : rows
      const last = page.at(-1)
      return {
        items: page.map((r) => toItem(r, matcher)),
        nextCursor: more && last ? encodeCursor({ sentAt: last.sentAt, id: last.id }) : null,
      }
    },

    counts(q) {
      return countPairsByStatus(dbh, filterSql(q))
    },

    get,

    setStatus(ids, status) {
      const unique = [...new Set(ids)]
      const now = nowIso()
      const result = dbh.write(() => {
        const previous = reviewStates(dbh, unique)
        // 'new' is a reset: the pair is unreviewed again (its edits stay).
        const updated = updateStatus(dbh, unique, status, status === 'new' ? null : now, now)
        return { updated, previous }
      })
      changed(result.previous.filter((p) => p.status !== status).map((p) => p.id))
      return result
    },

    edit(input) {
      const now = nowIso()
      dbh.write(() => {
        const p = getPairRow(dbh, input.id)
        if (!p) throw new AppError('not_found', `No pair with id ${input.id}.`)
        // An edit equal to the original is no edit: the pair stays "not edited".
        const next = (
          given: string | null | undefined,
          original: string,
          current: string | null,
        ): string | null => {
          if (given === undefined) return current
          if (given === null) return null
          if (given.trim() === '') {
            throw new AppError('bad_request', 'An edited text cannot be empty; use null to clear.')
          }
          return given === original ? null : given
        }
        const edits = {
          clientTextEdited: next(input.clientText, p.clientText, p.clientTextEdited),
          replyTextEdited: next(input.replyText, p.replyText, p.replyTextEdited),
        }
        const review = input.approve
          ? { status: 'approved' as const, reviewedAt: now }
          : { status: p.status, reviewedAt: p.reviewedAt }
        updateEdits(dbh, input.id, edits, review, now)
      })
      changed([input.id])
      return get(input.id, input.q)
    },

    restore(items) {
      const now = nowIso()
      const done = dbh.write(() => items.filter((s) => restoreSnapshot(dbh, s, now) > 0))
      changed(done.map((s) => s.id))
      return { restored: done.length }
    },

    setStatusMatching: (q) => matching.setStatusMatching(q, filterSql(q)),
    restoreMatching: (undoId) => matching.restoreMatching(undoId),

    records({ status, accountId, from, to, afterId = 0, limit = 500 }) {
      const rows = pairRecordsAfter(
        dbh,
        { status, accountId, ...dateBounds(from, to) },
        afterId,
        limit,
      )
      return {
        records: rows.map(toRecord),
        nextAfterId: rows.length === limit ? rows[rows.length - 1]!.id : null,
      }
    },
  }
}

function labelsOf(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function toRecord(r: PairExportRow): PairRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    threadId: r.thread_id,
    clientExternalId: r.client_external_id,
    replyExternalId: r.reply_external_id,
    clientText: r.client_text,
    replyText: r.reply_text,
    clientTextEdited: r.client_text_edited,
    replyTextEdited: r.reply_text_edited,
    status: r.status,
    language: r.language,
    labels: labelsOf(r.labels),
    sentAt: r.sent_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}
