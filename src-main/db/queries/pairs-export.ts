// SQL behind exports and bulk review by filter. The WHERE clause is the review list's own
// (whereOf), so an export or a bulk change covers exactly the pairs the list shows for the
// same filter; pages walk the list's index ranges in its order (sent_at, id descending).
import { stmt } from '../statement-cache'
import type { DbHandle } from '../connection'
import type { PairLanguage, PairStatus } from '@contract/pairs'
import { whereOf, type PairCursor, type PairFilterSql } from './pairs-review'

/** A pair with everything an export writes. */
export interface PairExportSourceRow {
  id: number
  accountId: number
  accountEmail: string
  threadId: string
  language: PairLanguage
  subject: string | null
  sentAt: string
  clientText: string
  replyText: string
  clientTextEdited: string | null
  replyTextEdited: string | null
  status: PairStatus
}

function whereWithIds(
  status: PairStatus,
  f: PairFilterSql,
  cursor: PairCursor | null,
  ids: number[] | null,
): { clause: string; params: unknown[] } {
  const { clause, params } = whereOf(status, f, cursor)
  if (!ids) return { clause, params }
  const idPart = 'p.id IN (SELECT value FROM json_each(?))'
  return {
    clause: clause ? `${clause} AND ${idPart}` : `WHERE ${idPart}`,
    params: [...params, JSON.stringify(ids)],
  }
}

/** One page of full pairs for one status, newest first like the review list. */
export function exportPage(
  dbh: DbHandle,
  status: PairStatus,
  f: PairFilterSql,
  ids: number[] | null,
  cursor: PairCursor | null,
  limit: number,
): PairExportSourceRow[] {
  const { clause, params } = whereWithIds(status, f, cursor, ids)
  return stmt(
    dbh.sqlite,
    `SELECT p.id AS id, p.account_id AS accountId, a.email AS accountEmail,
       p.thread_id AS threadId, p.language AS language, m.subject AS subject,
       p.sent_at AS sentAt, p.client_text AS clientText, p.reply_text AS replyText,
       p.client_text_edited AS clientTextEdited, p.reply_text_edited AS replyTextEdited,
       p.status AS status
     FROM training_pairs p
     CROSS JOIN accounts a ON a.id = p.account_id
     CROSS JOIN messages m ON m.id = p.client_message_id
     ${clause}
     ORDER BY p.sent_at DESC, p.id DESC
     LIMIT ?`,
  ).all(...params, limit) as PairExportSourceRow[]
}

/** How many pairs of one status match (with an id list, those of the list that match). */
export function countMatching(
  dbh: DbHandle,
  status: PairStatus,
  f: PairFilterSql,
  ids: number[] | null,
): number {
  const { clause, params } = whereWithIds(status, f, null, ids)
  return (
    stmt(dbh.sqlite, `SELECT count(*) AS n FROM training_pairs p ${clause}`).get(...params) as {
      n: number
    }
  ).n
}

/** Sets the status of every pair of `from` matching the filter; returns how many changed. */
export function updateStatusMatching(
  dbh: DbHandle,
  from: PairStatus,
  f: PairFilterSql,
  to: PairStatus,
  reviewedAt: string | null,
  now: string,
): number {
  if (from === to) return 0
  const { clause, params } = whereOf(from, f, null)
  return stmt(
    dbh.sqlite,
    `UPDATE training_pairs AS p SET status = ?, reviewed_at = ?, updated_at = ? ${clause}`,
  ).run(to, reviewedAt, now, ...params).changes
}

/** What the pairs of `from` matching the filter are before a bulk change (for its undo). */
export function reviewStatesMatching(
  dbh: DbHandle,
  from: PairStatus,
  f: PairFilterSql,
): Array<{ id: number; status: PairStatus; reviewedAt: string | null }> {
  const { clause, params } = whereOf(from, f, null)
  return stmt(
    dbh.sqlite,
    `SELECT p.id AS id, p.status AS status, p.reviewed_at AS reviewedAt
     FROM training_pairs p ${clause}`,
  ).all(...params) as Array<{ id: number; status: PairStatus; reviewedAt: string | null }>
}

/**
 * Puts pairs back to the review states read by reviewStatesMatching, in one statement (the
 * states travel as one JSON array of [id, status, reviewedAt]); returns how many it found.
 * Only status columns are named, so the full-text triggers leave the pairs alone.
 */
export function restoreReviewStates(
  dbh: DbHandle,
  states: Array<{ id: number; status: PairStatus; reviewedAt: string | null }>,
  now: string,
): number {
  return stmt(
    dbh.sqlite,
    `UPDATE training_pairs AS p SET status = j.status, reviewed_at = j.reviewedAt, updated_at = ?
     FROM (SELECT value ->> 0 AS id, value ->> 1 AS status, value ->> 2 AS reviewedAt
           FROM json_each(?)) AS j
     WHERE p.id = j.id`,
  ).run(now, JSON.stringify(states.map((s) => [s.id, s.status, s.reviewedAt]))).changes
}
