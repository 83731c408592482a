// A whole conversation straight into SQLite: its messages (bodies as stored, with quoted
// history and signatures) and one pair on a later turn, for tests of the review's thread
// context. Texts of the pair are given as sync would have cleaned them.
import type { DbHandle } from '../../src-main/db/connection'

export interface ThreadMessageSpec {
  direction: 'incoming' | 'outgoing'
  fromName: string
  fromAddress: string
  sentAt: string
  body: string
  /** Stored as an HTML-only message (no text/plain part): cleaned from this HTML. */
  html?: string
  deleted?: boolean
}

export interface ThreadSpec {
  accountId: number
  threadId: string
  subject: string
  messages: ThreadMessageSpec[]
  /** Indexes into messages: the pair's client turn (in order) and its reply. */
  turn: number[]
  reply: number
  clientText: string
  replyText: string
  language?: string
  status?: 'new' | 'approved' | 'rejected'
}

export function seedThread(
  dbh: DbHandle,
  spec: ThreadSpec,
): { messageIds: number[]; pairId: number } {
  const insertMessage = dbh.sqlite.prepare(
    `INSERT INTO messages (account_id, external_id, thread_id, direction, from_address, from_name,
       subject, body_text, body_html, headers, sent_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertPair = dbh.sqlite.prepare(
    `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id,
       client_turn_ids, client_text, reply_text, status, language, sent_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  return dbh.write(() => {
    const messageIds = spec.messages.map(
      (m, i) =>
        insertMessage.run(
          spec.accountId,
          `${spec.threadId}-${String(i).padStart(3, '0')}`,
          spec.threadId,
          m.direction,
          m.fromAddress,
          m.fromName,
          i === 0 ? spec.subject : `Re: ${spec.subject}`,
          m.html ? '' : m.body,
          m.html ?? null,
          JSON.stringify(m.html ? { 'x-replybase-text-source': 'html' } : {}),
          m.sentAt,
          m.deleted ? m.sentAt : null,
        ).lastInsertRowid as number,
    )
    const turnIds = spec.turn.map((i) => messageIds[i]!)
    const pairId = insertPair.run(
      spec.accountId,
      spec.threadId,
      turnIds[turnIds.length - 1],
      messageIds[spec.reply],
      JSON.stringify(turnIds),
      spec.clientText,
      spec.replyText,
      spec.status ?? 'new',
      spec.language ?? 'en',
      spec.messages[spec.reply]!.sentAt,
    ).lastInsertRowid as number
    return { messageIds, pairId }
  })
}
