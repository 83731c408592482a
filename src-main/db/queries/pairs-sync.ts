// training_pairs rows as sync rebuilds them, thread by thread, inside the caller's write
// transaction, and the message reads that rebuild needs. Which pair is kept, refreshed,
// orphaned or deleted is decided in core/sync/pair-store; these only read and write.
import type { Sqlite } from '../connection'
import { stmt } from '../statement-cache'

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`

export interface ThreadMessageRow {
  id: number
  external_id: string
  direction: 'incoming' | 'outgoing'
  sent_at: string
  from_address: string | null
  headers: string
  parse_status: 'ok' | 'failed'
  deleted_at: string | null
}

export function threadMessageRows(
  sqlite: Sqlite,
  accountId: number,
  threadId: string,
): ThreadMessageRow[] {
  return stmt<[number, string], ThreadMessageRow>(
    sqlite,
    `SELECT id, external_id, direction, sent_at, from_address, headers, parse_status, deleted_at
       FROM messages WHERE account_id = ? AND thread_id = ?`,
  ).all(accountId, threadId)
}

export function messageBodies(
  sqlite: Sqlite,
  id: number,
): { body_text: string; body_html: string | null } | undefined {
  return stmt<[number], { body_text: string; body_html: string | null }>(
    sqlite,
    'SELECT body_text, body_html FROM messages WHERE id = ?',
  ).get(id)
}

export interface ThreadPairRow {
  id: number
  client_message_id: number
  reply_message_id: number
  client_turn_ids: string
  client_text: string
  reply_text: string
  language: string
  status: 'new' | 'approved' | 'rejected'
  client_text_edited: string | null
  reply_text_edited: string | null
  orphaned_at: string | null
}

export function threadPairRows(
  sqlite: Sqlite,
  accountId: number,
  threadId: string,
): ThreadPairRow[] {
  return stmt<[number, string], ThreadPairRow>(
    sqlite,
    `SELECT id, client_message_id, reply_message_id, client_turn_ids, client_text, reply_text,
            language, status, client_text_edited, reply_text_edited, orphaned_at
       FROM training_pairs WHERE account_id = ? AND thread_id = ?`,
  ).all(accountId, threadId)
}

/** Reviewed pairs of a thread with every message id each refers to (JSON array). */
export function reviewedPairRefs(
  sqlite: Sqlite,
  accountId: number,
  threadId: string,
): Array<{ id: number; refs: string }> {
  return stmt<[number, string], { id: number; refs: string }>(
    sqlite,
    `SELECT id, json_insert(client_turn_ids, '$[#]', client_message_id, '$[#]', reply_message_id) AS refs
     FROM training_pairs WHERE account_id = ? AND thread_id = ?
     AND (status != 'new' OR client_text_edited IS NOT NULL OR reply_text_edited IS NOT NULL)`,
  ).all(accountId, threadId)
}

export interface NewPair {
  clientMessageId: number
  replyMessageId: number
  clientTurnIds: readonly number[]
  clientText: string
  replyText: string
  language: string
}

export function insertPair(sqlite: Sqlite, accountId: number, threadId: string, p: NewPair): void {
  stmt(
    sqlite,
    `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id,
         client_turn_ids, client_text, reply_text, language, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new')`,
  ).run(
    accountId,
    threadId,
    p.clientMessageId,
    p.replyMessageId,
    JSON.stringify(p.clientTurnIds),
    p.clientText,
    p.replyText,
    p.language,
  )
}

/** New texts for a pair nobody reviewed (and it is whole again). */
export function refreshPair(
  sqlite: Sqlite,
  id: number,
  p: Omit<NewPair, 'clientMessageId' | 'replyMessageId'>,
): void {
  stmt(
    sqlite,
    `UPDATE training_pairs SET client_text = ?, reply_text = ?, language = ?, client_turn_ids = ?,
       orphaned_at = NULL, updated_at = ${NOW} WHERE id = ?`,
  ).run(p.clientText, p.replyText, p.language, JSON.stringify(p.clientTurnIds), id)
}

export function deletePair(sqlite: Sqlite, id: number): void {
  stmt(sqlite, 'DELETE FROM training_pairs WHERE id = ?').run(id)
}

/** Marks a reviewed pair whose message left Gmail; a no-op when it already is. */
export function orphanPair(sqlite: Sqlite, id: number, nowIso: string): void {
  stmt(
    sqlite,
    `UPDATE training_pairs SET orphaned_at = ?, updated_at = ${NOW} WHERE id = ? AND orphaned_at IS NULL`,
  ).run(nowIso, id)
}

export function clearPairOrphan(sqlite: Sqlite, id: number): void {
  stmt(
    sqlite,
    `UPDATE training_pairs SET orphaned_at = NULL, updated_at = ${NOW} WHERE id = ?`,
  ).run(id)
}
