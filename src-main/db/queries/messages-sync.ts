// Message rows written by sync, through cached prepared statements (thousands per minute):
// upserts keyed by (account_id, external_id) that change nothing when nothing changed (so the
// full-text triggers do not fire), label updates, tombstones and removals. The policy (what is
// kept as a tombstone, which pairs get orphaned) is core/sync's; these only read and write.
import type { Sqlite } from '../connection'
import { stmt } from '../statement-cache'

/** One message as sync stores it; JSON columns are given as values and stringified here. */
export interface MessageRowInput {
  externalId: string
  threadId: string
  direction: 'incoming' | 'outgoing'
  fromAddress: string | null
  fromName: string | null
  to: readonly unknown[]
  cc: readonly unknown[]
  bcc: readonly unknown[]
  subject: string
  bodyText: string
  bodyHtml: string | null
  sentAt: string
  labels: readonly string[]
  rfcMessageId: string | null
  inReplyTo: string | null
  references: readonly string[]
  headers: Record<string, string>
  attachments: readonly unknown[]
  parseStatus: 'ok' | 'failed'
  parseError: string | null
  charsetFallback: boolean
  truncated: boolean
}

const COLUMNS = [
  'thread_id',
  'direction',
  'from_address',
  'from_name',
  'to_addresses',
  'cc_addresses',
  'bcc_addresses',
  'subject',
  'body_text',
  'body_html',
  'sent_at',
  'labels',
  'rfc_message_id',
  'in_reply_to',
  'references_json',
  'headers',
  'attachments',
  'parse_status',
  'parse_error',
  'charset_fallback',
  'truncated',
] as const

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`
const PLACEHOLDERS = COLUMNS.map(() => '?').join(', ')
const INSERT_SQL = `INSERT INTO messages (account_id, external_id, ${COLUMNS.join(', ')}) VALUES (?, ?, ${PLACEHOLDERS}) RETURNING id`
const UPDATE_SQL = `UPDATE messages SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, deleted_at = NULL, updated_at = ${NOW}
   WHERE id = ? AND (deleted_at IS NOT NULL OR ${COLUMNS.map((c) => `${c} IS NOT ?`).join(' OR ')})`

function values(m: MessageRowInput): unknown[] {
  return [
    m.threadId,
    m.direction,
    m.fromAddress,
    m.fromName,
    JSON.stringify(m.to),
    JSON.stringify(m.cc),
    JSON.stringify(m.bcc),
    m.subject,
    m.bodyText,
    m.bodyHtml,
    m.sentAt,
    JSON.stringify(m.labels),
    m.rfcMessageId,
    m.inReplyTo,
    JSON.stringify(m.references),
    JSON.stringify(m.headers),
    JSON.stringify(m.attachments),
    m.parseStatus,
    m.parseError,
    m.charsetFallback ? 1 : 0,
    m.truncated ? 1 : 0,
  ]
}

export interface StoredMessageKey {
  id: number
  deleted_at: string | null
  thread_id: string
}

export function messageByExternalId(
  sqlite: Sqlite,
  accountId: number,
  externalId: string,
): StoredMessageKey | undefined {
  return stmt<[number, string], StoredMessageKey>(
    sqlite,
    'SELECT id, deleted_at, thread_id FROM messages WHERE account_id = ? AND external_id = ?',
  ).get(accountId, externalId)
}

export interface UpsertOutcome {
  id: number
  /** 'inserted', 'updated' (something differed or it was a tombstone), or 'unchanged'. */
  change: 'inserted' | 'updated' | 'unchanged'
}

export function upsertMessage(
  sqlite: Sqlite,
  accountId: number,
  m: MessageRowInput,
): UpsertOutcome {
  const existing = messageByExternalId(sqlite, accountId, m.externalId)
  const vals = values(m)
  if (!existing) {
    const row = stmt<unknown[], { id: number }>(sqlite, INSERT_SQL).get(
      accountId,
      m.externalId,
      ...vals,
    )!
    return { id: row.id, change: 'inserted' }
  }
  const info = stmt<unknown[]>(sqlite, UPDATE_SQL).run(...vals, existing.id, ...vals)
  return { id: existing.id, change: info.changes > 0 ? 'updated' : 'unchanged' }
}

/** Which of these Gmail ids are stored (tombstones excluded: those are fetched again). */
export function liveExternalIds(
  sqlite: Sqlite,
  accountId: number,
  externalIds: readonly string[],
): Set<string> {
  const out = new Set<string>()
  const live = stmt<[number, string], { external_id: string }>(
    sqlite,
    `SELECT external_id FROM messages WHERE account_id = ? AND deleted_at IS NULL
     AND external_id IN (SELECT value FROM json_each(?))`,
  )
  for (let i = 0; i < externalIds.length; i += 500) {
    const chunk = JSON.stringify(externalIds.slice(i, i + 500))
    for (const r of live.all(accountId, chunk)) out.add(r.external_id)
  }
  return out
}

/** Gmail ids of live messages sent at or after `sinceIso`. */
export function liveExternalIdsSince(
  sqlite: Sqlite,
  accountId: number,
  sinceIso: string,
): string[] {
  return stmt<[number, string], { external_id: string }>(
    sqlite,
    'SELECT external_id FROM messages WHERE account_id = ? AND deleted_at IS NULL AND sent_at >= ?',
  )
    .all(accountId, sinceIso)
    .map((r) => r.external_id)
}

export interface LabelRow {
  id: number
  labels: string
  direction: 'incoming' | 'outgoing'
  from_address: string | null
  thread_id: string
}

export function liveLabelRow(
  sqlite: Sqlite,
  accountId: number,
  externalId: string,
): LabelRow | undefined {
  return stmt<[number, string], LabelRow>(
    sqlite,
    'SELECT id, labels, direction, from_address, thread_id FROM messages WHERE account_id = ? AND external_id = ? AND deleted_at IS NULL',
  ).get(accountId, externalId)
}

export function setMessageLabels(
  sqlite: Sqlite,
  id: number,
  labelsJson: string,
  direction: 'incoming' | 'outgoing',
): void {
  stmt(
    sqlite,
    `UPDATE messages SET labels = ?, direction = ?, updated_at = ${NOW} WHERE id = ?`,
  ).run(labelsJson, direction, id)
}

export function tombstoneMessage(sqlite: Sqlite, id: number, nowIso: string): void {
  stmt(
    sqlite,
    `UPDATE messages SET deleted_at = ?, updated_at = ${NOW} WHERE id = ? AND deleted_at IS NULL`,
  ).run(nowIso, id)
}

export function deleteMessage(sqlite: Sqlite, id: number): void {
  stmt(sqlite, 'DELETE FROM messages WHERE id = ?').run(id)
}
