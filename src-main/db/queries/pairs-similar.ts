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

const SIMILAR_SELECT = `SELECT p.id AS id, -r.rank AS score,
       coalesce(p.client_text_edited, p.client_text) AS clientText,
       coalesce(p.reply_text_edited, p.reply_text) AS replyText,
       p.language AS language, m.subject AS subject,
       coalesce(p.sent_at, p.created_at) AS sentAt`

export function searchApprovedByText(
  dbh: DbHandle,
  match: string,
  limit: number,
): SimilarPairRow[] {
  // Ranked inside FTS5 first, then only the best few hundred are joined to their pairs: sorting
  // every match with its texts attached cost ~150 ms over 100,000 pairs. When too few of those
  // are approved (a knowledge base mostly unreviewed), all matches are ranked.
  const window = Math.max(200, limit * RANKED_PER_RESULT)
  const ranked = stmt<[string, number, number], SimilarPairRow>(
    dbh.sqlite,
    `${SIMILAR_SELECT}
     FROM (SELECT rowid AS id, bm25(pairs_fts, 1.0, 0.3) AS rank FROM pairs_fts
           WHERE pairs_fts MATCH ? ORDER BY rank LIMIT ?) AS r
     JOIN training_pairs p ON p.id = r.id AND p.status = 'approved'
     LEFT JOIN messages m ON m.id = p.client_message_id
     ORDER BY r.rank
     LIMIT ?`,
  ).all(match, window, limit)
  if (ranked.length >= limit) return ranked
  // The client column weighs most, the reply a third as much.
  return stmt<[string, number], SimilarPairRow>(
    dbh.sqlite,
    `${SIMILAR_SELECT}
     FROM (SELECT rowid AS id, bm25(pairs_fts, 1.0, 0.3) AS rank FROM pairs_fts
           WHERE pairs_fts MATCH ?) AS r
     JOIN training_pairs p ON p.id = r.id AND p.status = 'approved'
     LEFT JOIN messages m ON m.id = p.client_message_id
     ORDER BY r.rank
     LIMIT ?`,
  ).all(match, limit)
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
