// Approved pairs matching an FTS5 expression over their client and reply columns, best bm25 first
// (https://sqlite.org/fts5.html#the_bm25_function).
import type { DbHandle } from '../connection'
import { stmt } from '../statement-cache'

export interface SimilarPairRow {
  id: number
  score: number
  clientText: string
  replyText: string
  language: string
  subject: string | null
  sentAt: string
}

/** Best full-text matches ranked before the join: at most this many per result asked for. */
const RANKED_PER_RESULT = 20

/**
 * The best `limit` approved pairs among FTS5's ranked matches (the best `window` of them, or all),
 * then their texts. The status is checked in the (status, id) index, so only the pairs returned
 * are read: joining every candidate's row cost more than the ranking (~17 ms of ~42 over 100,000
 * pairs), as the texts come before the status in a row.
 */
const rankedApproved = (window: string) => `SELECT p.id AS id, -top.rank AS score,
       coalesce(p.client_text_edited, p.client_text) AS clientText,
       coalesce(p.reply_text_edited, p.reply_text) AS replyText,
       p.language AS language, m.subject AS subject,
       coalesce(p.sent_at, p.created_at) AS sentAt
  FROM (SELECT r.id AS id, r.rank AS rank
        FROM (SELECT rowid AS id, bm25(pairs_fts, 1.0, 0.3) AS rank FROM pairs_fts
              WHERE pairs_fts MATCH ? ORDER BY rank ${window}) AS r
        WHERE EXISTS (SELECT 1 FROM training_pairs a WHERE a.status = 'approved' AND a.id = r.id)
        ORDER BY r.rank LIMIT ?) AS top
  JOIN training_pairs p ON p.id = top.id
  LEFT JOIN messages m ON m.id = p.client_message_id
  ORDER BY top.rank`

export function searchApprovedByText(
  dbh: DbHandle,
  match: string,
  limit: number,
): SimilarPairRow[] {
  // Ranked inside FTS5 first, then only the best few hundred are checked for approval: sorting
  // every match cost ~150 ms over 100,000 pairs. When too few of those are approved (a
  // knowledge base mostly unreviewed), all matches are ranked. The client column weighs most,
  // the reply a third as much.
  const window = Math.max(200, limit * RANKED_PER_RESULT)
  const ranked = stmt<[string, number, number], SimilarPairRow>(
    dbh.sqlite,
    rankedApproved('LIMIT ?'),
  ).all(match, window, limit)
  if (ranked.length >= limit) return ranked
  return stmt<[string, number], SimilarPairRow>(dbh.sqlite, rankedApproved('')).all(match, limit)
}

/** Rows of the full-text index (every pair, any status). */
export function indexedPairCount(dbh: DbHandle): number {
  return stmt<[], { n: number }>(dbh.sqlite, 'SELECT count(*) AS n FROM training_pairs').get()!.n
}

const withTermTable = new WeakSet<object>()

/** In how many pairs each term appears (any column), from FTS5's own term table
 * (https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module). */
export function termPairCounts(dbh: DbHandle, terms: string[]): Map<string, number> {
  if (!withTermTable.has(dbh.sqlite)) {
    // A temp table: per connection, nothing written to the file.
    dbh.sqlite.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.pairs_fts_terms USING fts5vocab(main, pairs_fts, 'row')`,
    )
    withTermTable.add(dbh.sqlite)
  }
  const one = stmt<[string], { doc: number }>(
    dbh.sqlite,
    'SELECT doc FROM temp.pairs_fts_terms WHERE term = ?',
  )
  return new Map(terms.map((t) => [t, one.get(t)?.doc ?? 0]))
}
