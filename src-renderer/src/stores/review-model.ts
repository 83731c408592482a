// Pure helpers of the review store: filters to API inputs, counts, previews, undo entries.
import type {
  PairCounts,
  PairDetail,
  PairLanguage,
  PairListItem,
  PairOrder,
  PairSnapshot,
  PairStatus,
  PairsListInput,
} from '@contract/pairs'
import { localDayBounds } from '@contract/local-days'

export interface ReviewFilters {
  status: PairStatus | 'all'
  accountId: number | null
  language: PairLanguage | null
  /** Full-text search; '' = none. */
  q: string
  /** Inclusive local days (YYYY-MM-DD) on when the client wrote; '' = open. */
  from: string
  to: string
  /** By when the client wrote. */
  order: PairOrder
}

export const DEFAULT_FILTERS: ReviewFilters = {
  status: 'new',
  accountId: null,
  language: null,
  q: '',
  from: '',
  to: '',
  order: 'newest',
}

/** The first page is small so the first rows show fast; later pages are larger. */
export const FIRST_PAGE = 100
export const NEXT_PAGE = 300
/** Characters of a list preview (the service cuts its previews the same way). */
export const PREVIEW_CHARS = 120

export type CountsInput = Omit<PairsListInput, 'status' | 'cursor' | 'limit'>

export function countsInput(f: ReviewFilters): CountsInput {
  const input: CountsInput = {}
  if (f.accountId !== null) input.accountId = f.accountId
  if (f.language !== null) input.language = f.language
  if (f.q.trim()) input.q = f.q.trim()
  // The user's days, not UTC's: the instants where the local days begin and end.
  const from = localDayBounds(f.from)
  const to = localDayBounds(f.to)
  if (from) input.from = from.start
  if (to) input.to = to.end
  return input
}

export function listInput(f: ReviewFilters, cursor: string | null, limit: number): PairsListInput {
  return { ...countsInput(f), status: f.status, order: f.order, cursor, limit }
}

export function countFor(counts: PairCounts, status: ReviewFilters['status']): number {
  return status === 'all' ? counts.new + counts.approved + counts.rejected : counts[status]
}

/** Counts after moving pairs from their old statuses to `status` (shown before main confirms). */
export function shiftCounts(
  counts: PairCounts,
  moves: Array<{ from: PairStatus; to: PairStatus }>,
): PairCounts {
  const next = { ...counts }
  for (const m of moves) {
    if (m.from === m.to) continue
    next[m.from] = Math.max(0, next[m.from] - 1)
    next[m.to] += 1
  }
  return next
}

export function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS - 1)}…` : line
}

/** What pairs.restore needs to put a pair back as the detail shows it (texts included). */
export function snapshotOf(d: PairDetail): PairSnapshot {
  return {
    id: d.id,
    status: d.status,
    reviewedAt: d.reviewedAt,
    clientTextEdited: d.clientTextEdited,
    replyTextEdited: d.replyTextEdited,
  }
}

/** A list row brought in line with a pair's detail after an edit. */
export function itemFromDetail(item: PairListItem, d: PairDetail): PairListItem {
  const clientPreview = preview(d.clientTextEdited ?? d.clientText)
  const replyPreview = preview(d.replyTextEdited ?? d.replyText)
  const next: PairListItem = {
    ...item,
    status: d.status,
    edited: d.edited,
    clientPreview,
    replyPreview,
  }
  // Search marks point into the old previews: a changed preview keeps none.
  if (item.marks) {
    next.marks = {
      subject: item.marks.subject,
      client: clientPreview === item.clientPreview ? item.marks.client : [],
      reply: replyPreview === item.replyPreview ? item.marks.reply : [],
    }
  }
  return next
}

/**
 * The edit to send: an unchanged text stays as it is (undefined), a text equal to the
 * original clears the edit (null), anything else replaces it.
 */
export function editPatch(
  original: string,
  edited: string | null,
  draft: string,
): string | null | undefined {
  const value = draft.trim()
  if (value === (edited ?? original).trim()) return undefined
  if (value === original.trim()) return null
  return value
}

export type UndoEntry =
  | { kind: 'status'; status: PairStatus; previous: PairSnapshot[] }
  | { kind: 'edit'; approved: boolean; previous: PairSnapshot[] }
  /** Over a whole filter: main keeps what the pairs were (undoId); `loaded` is what the loaded
   * rows showed, to put back on screen. */
  | {
      kind: 'matching'
      status: PairStatus
      undoId: string
      count: number
      loaded: Array<{ id: number; status: PairStatus }>
    }
