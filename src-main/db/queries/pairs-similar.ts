// Approved pairs whose client column matches an FTS5 expression, best bm25 first
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

export function searchApprovedByClientText(
  dbh: DbHandle,
  match: string,
  limit: number,
): SimilarPairRow[] {
  // The client column weighs most; the reply column is not searched.
  return stmt<[string, number], SimilarPairRow>(
    dbh.sqlite,
    `SELECT p.id AS id, -bm25(pairs_fts, 1.0, 0.3) AS score,
       coalesce(p.client_text_edited, p.client_text) AS clientText,
       coalesce(p.reply_text_edited, p.reply_text) AS replyText,
       p.language AS language, m.subject AS subject,
       coalesce(p.sent_at, p.created_at) AS sentAt
     FROM pairs_fts
     JOIN training_pairs p ON p.id = pairs_fts.rowid
     LEFT JOIN messages m ON m.id = p.client_message_id
     WHERE pairs_fts MATCH ? AND p.status = 'approved'
     ORDER BY bm25(pairs_fts, 1.0, 0.3)
     LIMIT ?`,
  ).all(match, limit)
}
