// Reads and writes of "Rebuild pairs": the stored messages whose text an older decoder made,
// their new text, and new machine texts for reviewed pairs. What changes is decided in
// core/sync/rebuild-texts; these only read and write.
import type { Sqlite } from '../connection'
import { stmt } from '../statement-cache'

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`

/** Threads of an account that hold at least one live message, in a stable order. */
export function accountThreadIds(sqlite: Sqlite, accountId: number): string[] {
  return stmt<[number], { thread_id: string }>(
    sqlite,
    `SELECT DISTINCT thread_id FROM messages
     WHERE account_id = ? AND deleted_at IS NULL ORDER BY thread_id`,
  )
    .all(accountId)
    .map((r) => r.thread_id)
}

export interface StaleTextRow {
  id: number
  body_text: string
  body_html: string | null
  headers: string
}

/** A thread's decoded messages whose text was not made by the decoder form `form`. */
export function staleTextRows(
  sqlite: Sqlite,
  accountId: number,
  threadId: string,
  formHeader: string,
  form: string,
): StaleTextRow[] {
  return stmt<[string, string, number, string], StaleTextRow>(
    sqlite,
    `SELECT id, body_text, body_html, headers FROM messages
     WHERE coalesce(json_extract(headers, '$."' || ? || '"'), '') <> ?
       AND account_id = ? AND thread_id = ? AND parse_status = 'ok' AND deleted_at IS NULL`,
  ).all(formHeader, form, accountId, threadId)
}

/** Messages (of one account, or all) whose text an older decoder made. */
export function countStaleTexts(
  sqlite: Sqlite,
  accountId: number | null,
  formHeader: string,
  form: string,
): number {
  return stmt<[string, string, number | null, number | null], { n: number }>(
    sqlite,
    `SELECT count(*) AS n FROM messages
     WHERE coalesce(json_extract(headers, '$."' || ? || '"'), '') <> ?
       AND (? IS NULL OR account_id = ?) AND parse_status = 'ok' AND deleted_at IS NULL`,
  ).get(formHeader, form, accountId, accountId)!.n
}

/** A message's new text; the full-text index follows by trigger. */
export function setMessageText(
  sqlite: Sqlite,
  id: number,
  bodyText: string,
  headers: string,
): void {
  stmt(sqlite, 'UPDATE messages SET body_text = ?, headers = ? WHERE id = ?').run(
    bodyText,
    headers,
    id,
  )
}

/**
 * New machine texts for a reviewed pair: its status and the reviewer's edits stay. The
 * embedding of an approved pair whose client text changed is dropped by trigger (0003).
 */
export function refreshReviewedPairTexts(
  sqlite: Sqlite,
  id: number,
  clientText: string,
  replyText: string,
  language: string,
): void {
  stmt(
    sqlite,
    `UPDATE training_pairs SET client_text = ?, reply_text = ?, language = ?, updated_at = ${NOW}
     WHERE id = ?`,
  ).run(clientText, replyText, language, id)
}
