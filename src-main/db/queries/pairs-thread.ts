// The messages of a pair's thread that came before its client turn (the review's thread
// context). Thread order is the pair builder's: sent_at, then Gmail's id (longer is later),
// then the local id; messages_thread_idx finds the thread, which is small.
import { stmt } from '../statement-cache'
import type { DbHandle } from '../connection'

export interface ThreadPoint {
  accountId: number
  threadId: string
  sentAt: string
  externalId: string
  id: number
}

export interface EarlierMessageRow {
  id: number
  direction: 'incoming' | 'outgoing'
  fromAddress: string | null
  fromName: string | null
  sentAt: string
  bodyText: string
  bodyHtml: string | null
  headers: string
}

const BEFORE = `account_id = ? AND thread_id = ? AND deleted_at IS NULL
  AND (sent_at, length(external_id), external_id, id) < (?, ?, ?, ?)`

const paramsOf = (p: ThreadPoint): unknown[] => [
  p.accountId,
  p.threadId,
  p.sentAt,
  p.externalId.length,
  p.externalId,
  p.id,
]

/** How many live messages of the thread come before `point`. */
export function countEarlierMessages(dbh: DbHandle, point: ThreadPoint): number {
  return (
    stmt(dbh.sqlite, `SELECT count(*) AS n FROM messages WHERE ${BEFORE}`).get(
      ...paramsOf(point),
    ) as { n: number }
  ).n
}

/** The latest `limit` live messages of the thread before `point`, oldest first. */
export function earlierMessages(
  dbh: DbHandle,
  point: ThreadPoint,
  limit: number,
): EarlierMessageRow[] {
  const rows = stmt(
    dbh.sqlite,
    `SELECT id, direction, from_address AS fromAddress, from_name AS fromName,
       sent_at AS sentAt, body_text AS bodyText, body_html AS bodyHtml, headers
     FROM messages WHERE ${BEFORE}
     ORDER BY sent_at DESC, length(external_id) DESC, external_id DESC, id DESC LIMIT ?`,
  ).all(...paramsOf(point), limit) as EarlierMessageRow[]
  return rows.reverse()
}
