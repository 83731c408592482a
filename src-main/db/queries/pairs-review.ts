// SQL of the review list, the counts and the review writes. Statements are prepared once per
// connection; the WHERE clause is assembled only from fixed fragments, and every value is a
// bound parameter (id lists travel as one JSON array through json_each).
// Plans (EXPLAIN QUERY PLAN, checked in review-service.test.ts): a page is one range scan of
// pairs_status_sent_idx / pairs_account_sent_idx / pairs_language_sent_idx in (sent_at, id)
// order, either way, stopping after `limit` rows. sent_at is when the client wrote.
import { stmt } from '../statement-cache'
import type { DbHandle } from '../connection'
import type { PairLanguage, PairOrder, PairStatus } from '@contract/pairs'

export interface PairFilterSql {
  accountId?: number
  language?: PairLanguage
  /** A MATCH expression from toFtsQuery(), never raw user text. */
  fts?: string
  /** Inclusive lower and exclusive upper bound on sent_at (ISO strings). */
  sentFrom?: string
  sentBefore?: string
}

export interface PairCursor {
  sentAt: string
  id: number
}

export interface PairListRow {
  id: number
  accountId: number
  accountEmail: string
  threadId: string
  subject: string | null
  clientHead: string
  replyHead: string
  status: PairStatus
  language: PairLanguage
  edited: 0 | 1
  orphaned: 0 | 1
  createdAt: string
  sentAt: string
}

export interface PairRowFull {
  id: number
  accountId: number
  accountEmail: string
  threadId: string
  clientMessageId: number
  replyMessageId: number
  clientTurnIds: string
  clientText: string
  replyText: string
  clientTextEdited: string | null
  replyTextEdited: string | null
  status: PairStatus
  language: PairLanguage
  labels: string
  reviewedAt: string | null
  orphanedAt: string | null
  createdAt: string
  updatedAt: string
  sentAt: string | null
}

export interface MessageRefRow {
  id: number
  externalId: string
  fromAddress: string | null
  fromName: string | null
  toAddresses: string
  subject: string
  sentAt: string
  deletedAt: string | null
}

/** Characters of each text read for a preview; the service folds and cuts them further. */
const HEAD_CHARS = 400

export function whereOf(
  status: PairStatus | null,
  f: PairFilterSql,
  cursor: PairCursor | null,
  order: PairOrder = 'newest',
): { clause: string; params: unknown[] } {
  const parts: string[] = []
  const params: unknown[] = []
  if (status) {
    parts.push('p.status = ?')
    params.push(status)
  }
  if (f.accountId !== undefined) {
    parts.push('p.account_id = ?')
    params.push(f.accountId)
  }
  if (f.language) {
    parts.push('p.language = ?')
    params.push(f.language)
  }
  if (f.sentFrom) {
    parts.push('p.sent_at >= ?')
    params.push(f.sentFrom)
  }
  if (f.sentBefore) {
    parts.push('p.sent_at < ?')
    params.push(f.sentBefore)
  }
  if (f.fts) {
    parts.push('p.id IN (SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ?)')
    params.push(f.fts)
  }
  if (cursor) {
    // Row-value comparison: SQLite uses it as the index range start (sqlite.org/rowvalue.html).
    parts.push(`(p.sent_at, p.id) ${order === 'newest' ? '<' : '>'} (?, ?)`)
    params.push(cursor.sentAt, cursor.id)
  }
  return { clause: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

const LIST_COLUMNS = `p.id AS id, p.account_id AS accountId, a.email AS accountEmail,
  p.thread_id AS threadId, m.subject AS subject,
  substr(coalesce(p.client_text_edited, p.client_text), 1, ${HEAD_CHARS}) AS clientHead,
  substr(coalesce(p.reply_text_edited, p.reply_text), 1, ${HEAD_CHARS}) AS replyHead,
  p.status AS status, p.language AS language,
  (p.client_text_edited IS NOT NULL OR p.reply_text_edited IS NOT NULL) AS edited,
  (p.orphaned_at IS NOT NULL) AS orphaned, p.created_at AS createdAt,
  coalesce(p.sent_at, p.created_at) AS sentAt`

/** SQL of one page for one status (the service merges statuses for 'all'). Exported for the
 * query-plan test. */
export function listSql(
  status: PairStatus | null,
  f: PairFilterSql,
  cursor: PairCursor | null,
  order: PairOrder = 'newest',
): { sql: string; params: unknown[] } {
  const { clause, params } = whereOf(status, f, cursor, order)
  const dir = order === 'newest' ? 'DESC' : 'ASC'
  // CROSS JOIN keeps the pair index as the outer loop: accounts and the client message are
  // point lookups for the rows of the page only.
  const sql = `SELECT ${LIST_COLUMNS}
FROM training_pairs p
CROSS JOIN accounts a ON a.id = p.account_id
CROSS JOIN messages m ON m.id = p.client_message_id
${clause}
ORDER BY p.sent_at ${dir}, p.id ${dir}
LIMIT ?`
  return { sql, params }
}

export function listPairsPage(
  dbh: DbHandle,
  status: PairStatus,
  f: PairFilterSql,
  cursor: PairCursor | null,
  limit: number,
  order: PairOrder = 'newest',
): PairListRow[] {
  const { sql, params } = listSql(status, f, cursor, order)
  return stmt(dbh.sqlite, sql).all(...params, limit) as PairListRow[]
}

/** SQL of the count for one status (no full-text filter); exported for the query-plan test. */
export function countSql(status: PairStatus, f: PairFilterSql): { sql: string; params: unknown[] } {
  const { clause, params } = whereOf(status, f, null)
  return { sql: `SELECT count(*) AS n FROM training_pairs p ${clause}`, params }
}

/** SQL of the counts of a full-text search: one pass over the matches, grouped by status. */
export function searchCountSql(f: PairFilterSql): { sql: string; params: unknown[] } {
  const { clause, params } = whereOf(null, { ...f, fts: undefined }, null)
  const rest = clause.replace(/^WHERE /, 'AND ')
  return {
    sql: `SELECT p.status AS status, count(*) AS n FROM pairs_fts
      CROSS JOIN training_pairs p ON p.id = pairs_fts.rowid
      WHERE pairs_fts MATCH ? ${rest} GROUP BY p.status`,
    params: [f.fts, ...params],
  }
}

/**
 * Pairs per status. Without a search each count is a covering index range with the status
 * fixed; with one, the matches are read once and grouped.
 */
export function countPairsByStatus(dbh: DbHandle, f: PairFilterSql): Record<PairStatus, number> {
  const out: Record<PairStatus, number> = { new: 0, approved: 0, rejected: 0 }
  if (f.fts) {
    const { sql, params } = searchCountSql(f)
    const rows = stmt(dbh.sqlite, sql).all(...params) as Array<{
      status: PairStatus
      n: number
    }>
    for (const r of rows) out[r.status] = r.n
    return out
  }
  for (const status of ['new', 'approved', 'rejected'] as const) {
    const { sql, params } = countSql(status, f)
    out[status] = (stmt(dbh.sqlite, sql).get(...params) as { n: number }).n
  }
  return out
}

const FULL_COLUMNS = `p.id AS id, p.account_id AS accountId, a.email AS accountEmail,
  p.thread_id AS threadId, p.client_message_id AS clientMessageId,
  p.reply_message_id AS replyMessageId, p.client_turn_ids AS clientTurnIds,
  p.client_text AS clientText, p.reply_text AS replyText,
  p.client_text_edited AS clientTextEdited, p.reply_text_edited AS replyTextEdited,
  p.status AS status, p.language AS language, p.labels AS labels,
  p.reviewed_at AS reviewedAt, p.orphaned_at AS orphanedAt,
  p.created_at AS createdAt, p.updated_at AS updatedAt, p.sent_at AS sentAt`

export function getPairRow(dbh: DbHandle, id: number): PairRowFull | undefined {
  return stmt(
    dbh.sqlite,
    `SELECT ${FULL_COLUMNS} FROM training_pairs p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
  ).get(id) as PairRowFull | undefined
}

export function getMessageRefs(dbh: DbHandle, ids: number[]): MessageRefRow[] {
  if (ids.length === 0) return []
  return stmt(
    dbh.sqlite,
    `SELECT id, external_id AS externalId, from_address AS fromAddress, from_name AS fromName,
       to_addresses AS toAddresses, subject, sent_at AS sentAt, deleted_at AS deletedAt
     FROM messages WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as MessageRefRow[]
}

export interface ReviewState {
  id: number
  status: PairStatus
  reviewedAt: string | null
}

export function reviewStates(dbh: DbHandle, ids: number[]): ReviewState[] {
  return stmt(
    dbh.sqlite,
    `SELECT id, status, reviewed_at AS reviewedAt FROM training_pairs
     WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(JSON.stringify(ids)) as ReviewState[]
}

/** Sets the status of the listed pairs not already in it; returns how many changed. */
export function updateStatus(
  dbh: DbHandle,
  ids: number[],
  status: PairStatus,
  reviewedAt: string | null,
  now: string,
): number {
  return stmt(
    dbh.sqlite,
    `UPDATE training_pairs SET status = ?, reviewed_at = ?, updated_at = ?
     WHERE id IN (SELECT value FROM json_each(?)) AND status <> ?`,
  ).run(status, reviewedAt, now, JSON.stringify(ids), status).changes
}

export function updateEdits(
  dbh: DbHandle,
  id: number,
  edits: { clientTextEdited: string | null; replyTextEdited: string | null },
  review: { status: PairStatus; reviewedAt: string | null },
  now: string,
): number {
  return stmt(
    dbh.sqlite,
    `UPDATE training_pairs SET client_text_edited = ?, reply_text_edited = ?, status = ?,
       reviewed_at = ?, updated_at = ? WHERE id = ?`,
  ).run(edits.clientTextEdited, edits.replyTextEdited, review.status, review.reviewedAt, now, id)
    .changes
}

/** Puts one pair back to a snapshot; an omitted text (undefined) is left as it is. */
export function restoreSnapshot(
  dbh: DbHandle,
  s: {
    id: number
    status: PairStatus
    reviewedAt: string | null
    clientTextEdited?: string | null
    replyTextEdited?: string | null
  },
  now: string,
): number {
  if (s.clientTextEdited === undefined && s.replyTextEdited === undefined) {
    // Status only: naming no text column keeps the full-text trigger (UPDATE OF the texts)
    // from re-indexing the pair, which makes undoing a bulk action of 5,000 pairs cheap.
    return stmt(
      dbh.sqlite,
      `UPDATE training_pairs SET status = ?, reviewed_at = ?, updated_at = ? WHERE id = ?`,
    ).run(s.status, s.reviewedAt, now, s.id).changes
  }
  return stmt(
    dbh.sqlite,
    `UPDATE training_pairs SET status = ?, reviewed_at = ?,
       client_text_edited = CASE WHEN ? THEN ? ELSE client_text_edited END,
       reply_text_edited = CASE WHEN ? THEN ? ELSE reply_text_edited END,
       updated_at = ?
     WHERE id = ?`,
  ).run(
    s.status,
    s.reviewedAt,
    s.clientTextEdited === undefined ? 0 : 1,
    s.clientTextEdited ?? null,
    s.replyTextEdited === undefined ? 0 : 1,
    s.replyTextEdited ?? null,
    now,
    s.id,
  ).changes
}

/** Rows of `pairs list` in the CLI (the README names the fields), oldest first. */
export interface PairExportRow {
  id: number
  account_id: number
  thread_id: string
  client_external_id: string
  reply_external_id: string
  client_text: string
  reply_text: string
  client_text_edited: string | null
  reply_text_edited: string | null
  status: PairStatus
  language: PairLanguage
  labels: string
  sent_at: string
  created_at: string
  updated_at: string
}

/** Pairs of a status, account and dates with their texts and edits, in id order, a page at a
 * time. */
export function pairRecordsAfter(
  dbh: DbHandle,
  f: { status?: PairStatus } & Pick<PairFilterSql, 'accountId' | 'sentFrom' | 'sentBefore'>,
  afterId: number,
  limit: number,
): PairExportRow[] {
  const { status, ...filter } = f
  const { clause, params } = whereOf(status ?? null, filter, null)
  const where = clause ? `${clause} AND p.id > ?` : 'WHERE p.id > ?'
  return stmt<unknown[], PairExportRow>(
    dbh.sqlite,
    `SELECT p.id, p.account_id, p.thread_id, c.external_id AS client_external_id,
       r.external_id AS reply_external_id, p.client_text, p.reply_text,
       p.client_text_edited, p.reply_text_edited, p.status, p.language, p.labels,
       coalesce(p.sent_at, p.created_at) AS sent_at, p.created_at, p.updated_at
     FROM training_pairs p
     JOIN messages c ON c.id = p.client_message_id
     JOIN messages r ON r.id = p.reply_message_id
     ${where} ORDER BY p.id LIMIT ?`,
  ).all(...params, afterId, limit)
}
