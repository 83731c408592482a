// Client messages still waiting for an answer: the latest incoming message of a thread with no
// outgoing message at or after it, newest first.
import type { DbHandle } from '../connection'
import { stmt } from '../statement-cache'

export interface UnansweredRow {
  id: number
  accountId: number
  accountEmail: string
  fromAddress: string | null
  fromName: string | null
  subject: string
  sentAt: string
  bodyText: string
}

export function listUnanswered(
  dbh: DbHandle,
  accountId: number | null,
  limit: number,
): UnansweredRow[] {
  return stmt<[number | null, number | null, number], UnansweredRow>(
    dbh.sqlite,
    `SELECT m.id AS id, m.account_id AS accountId, a.email AS accountEmail,
       m.from_address AS fromAddress, m.from_name AS fromName, m.subject AS subject,
       m.sent_at AS sentAt, m.body_text AS bodyText
     FROM messages m JOIN accounts a ON a.id = m.account_id
     WHERE m.direction = 'incoming' AND m.deleted_at IS NULL
       AND (? IS NULL OR m.account_id = ?)
       AND NOT EXISTS (
         SELECT 1 FROM messages o
         WHERE o.account_id = m.account_id AND o.thread_id = m.thread_id AND o.id <> m.id
           AND o.deleted_at IS NULL AND o.sent_at >= m.sent_at
       )
     ORDER BY m.sent_at DESC, m.id DESC
     LIMIT ?`,
  ).all(accountId, accountId, limit)
}

export interface ClientMessageRow {
  id: number
  bodyText: string
}

/** A synced message by its id here or by Gmail's id; deleted ones are not offered. */
export function getClientMessage(
  dbh: DbHandle,
  ref: { id?: number; externalId?: string },
): ClientMessageRow | undefined {
  return stmt<[number | null, string | null], ClientMessageRow>(
    dbh.sqlite,
    `SELECT id, body_text AS bodyText FROM messages
     WHERE deleted_at IS NULL AND (id = ? OR external_id = ?)
     ORDER BY id LIMIT 1`,
  ).get(ref.id ?? null, ref.externalId ?? null)
}
