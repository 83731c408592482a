// Message rows written by sync, through prepared statements (thousands per minute): upserts
// keyed by (account_id, external_id) that change nothing when nothing changed (so the full-text
// triggers do not fire), label updates from history, and removal of messages that left Gmail.
// A message referenced by a reviewed pair is kept as a tombstone (deleted_at) and the pair is
// marked orphaned: sync never destroys a reviewer's work. Call these inside DbHandle.write.
import type { Statement } from 'better-sqlite3'
import type { Sqlite } from '../../db/connection'
import { directionOf } from '../pairs/direction'
import type { MessageInput } from './message-row'

export {
  TEXT_SOURCE_HEADER,
  cleaningSource,
  messageInputFrom,
  textSource,
  type GmailMeta,
  type MessageInput,
} from './message-row'

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

interface Statements {
  find: Statement<[number, string], { id: number; deleted_at: string | null; thread_id: string }>
  insert: Statement<unknown[], { id: number }>
  update: Statement<unknown[]>
  live: Statement<[number, string], { external_id: string }>
  labels: Statement<
    [number, string],
    {
      id: number
      labels: string
      direction: string
      from_address: string | null
      thread_id: string
    }
  >
  setLabels: Statement<[string, string, number]>
  tombstone: Statement<[string, number]>
  remove: Statement<[number]>
}

const cache = new WeakMap<Sqlite, Statements>()

function statements(sqlite: Sqlite): Statements {
  let s = cache.get(sqlite)
  if (s) return s
  const placeholders = COLUMNS.map(() => '?').join(', ')
  const changed = COLUMNS.map((c) => `${c} IS NOT ?`).join(' OR ')
  s = {
    find: sqlite.prepare(
      'SELECT id, deleted_at, thread_id FROM messages WHERE account_id = ? AND external_id = ?',
    ),
    insert: sqlite.prepare(
      `INSERT INTO messages (account_id, external_id, ${COLUMNS.join(', ')}) VALUES (?, ?, ${placeholders}) RETURNING id`,
    ),
    update: sqlite.prepare(
      `UPDATE messages SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, deleted_at = NULL, updated_at = ${NOW}
       WHERE id = ? AND (deleted_at IS NOT NULL OR ${changed})`,
    ),
    live: sqlite.prepare(
      `SELECT external_id FROM messages WHERE account_id = ? AND deleted_at IS NULL
       AND external_id IN (SELECT value FROM json_each(?))`,
    ),
    labels: sqlite.prepare(
      'SELECT id, labels, direction, from_address, thread_id FROM messages WHERE account_id = ? AND external_id = ? AND deleted_at IS NULL',
    ),
    setLabels: sqlite.prepare(
      `UPDATE messages SET labels = ?, direction = ?, updated_at = ${NOW} WHERE id = ?`,
    ),
    tombstone: sqlite.prepare(
      `UPDATE messages SET deleted_at = ?, updated_at = ${NOW} WHERE id = ? AND deleted_at IS NULL`,
    ),
    remove: sqlite.prepare('DELETE FROM messages WHERE id = ?'),
  }
  cache.set(sqlite, s)
  return s
}

function values(m: MessageInput): unknown[] {
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

export interface UpsertOutcome {
  id: number
  /** 'inserted', 'updated' (something differed or it was a tombstone), or 'unchanged'. */
  change: 'inserted' | 'updated' | 'unchanged'
}

export function upsertMessage(sqlite: Sqlite, accountId: number, m: MessageInput): UpsertOutcome {
  const s = statements(sqlite)
  const existing = s.find.get(accountId, m.externalId)
  const vals = values(m)
  if (!existing) {
    const row = s.insert.get(accountId, m.externalId, ...vals)!
    return { id: row.id, change: 'inserted' }
  }
  const info = s.update.run(...vals, existing.id, ...vals)
  return { id: existing.id, change: info.changes > 0 ? 'updated' : 'unchanged' }
}

/** Which of these Gmail ids are stored (tombstones excluded: those are fetched again). */
export function storedIds(
  sqlite: Sqlite,
  accountId: number,
  externalIds: readonly string[],
): Set<string> {
  const out = new Set<string>()
  const s = statements(sqlite)
  for (let i = 0; i < externalIds.length; i += 500) {
    const chunk = JSON.stringify(externalIds.slice(i, i + 500))
    for (const r of s.live.all(accountId, chunk)) out.add(r.external_id)
  }
  return out
}

export interface LabelOutcome {
  threadId: string
  changed: boolean
  directionChanged: boolean
}

/** Applies labels from history to a stored message; null when it is not stored. */
export function updateLabels(
  sqlite: Sqlite,
  accountId: number,
  externalId: string,
  labels: string[],
  own: ReadonlySet<string>,
): LabelOutcome | null {
  const s = statements(sqlite)
  const row = s.labels.get(accountId, externalId)
  if (!row) return null
  const json = JSON.stringify(labels)
  const direction = directionOf(row.from_address, labels, own)
  if (json === row.labels && direction === row.direction) {
    return { threadId: row.thread_id, changed: false, directionChanged: false }
  }
  s.setLabels.run(json, direction, row.id)
  return { threadId: row.thread_id, changed: true, directionChanged: direction !== row.direction }
}

export interface RemoveOutcome {
  deleted: number
  tombstoned: number
  threads: Set<string>
}

/**
 * Removes messages that left Gmail (deleted, or moved to SPAM or TRASH). Messages a reviewed
 * pair refers to (as client, reply or any message of its client turn) stay as tombstones and
 * those pairs get orphaned_at; pairs nobody reviewed go (by cascade or by the thread rebuild).
 */
export function removeMessages(
  sqlite: Sqlite,
  accountId: number,
  externalIds: Iterable<string>,
  nowIso: string,
): RemoveOutcome {
  const s = statements(sqlite)
  const out: RemoveOutcome = { deleted: 0, tombstoned: 0, threads: new Set() }
  const reviewed = sqlite.prepare<[number, string], { id: number; refs: string }>(
    `SELECT id, json_insert(client_turn_ids, '$[#]', client_message_id, '$[#]', reply_message_id) AS refs
     FROM training_pairs WHERE account_id = ? AND thread_id = ?
     AND (status != 'new' OR client_text_edited IS NOT NULL OR reply_text_edited IS NOT NULL)`,
  )
  const orphan = sqlite.prepare<[string, number]>(
    `UPDATE training_pairs SET orphaned_at = ?, updated_at = ${NOW} WHERE id = ? AND orphaned_at IS NULL`,
  )
  for (const externalId of externalIds) {
    const row = s.find.get(accountId, externalId)
    if (!row || row.deleted_at !== null) continue
    out.threads.add(row.thread_id)
    const hits = reviewed
      .all(accountId, row.thread_id)
      .filter((p) => (JSON.parse(p.refs) as number[]).includes(row.id))
    if (hits.length > 0) {
      s.tombstone.run(nowIso, row.id)
      for (const p of hits) orphan.run(nowIso, p.id)
      out.tombstoned++
    } else {
      s.remove.run(row.id)
      out.deleted++
    }
  }
  return out
}

/** Messages still stored from a window that a complete listing did not return. */
export function unseenSince(
  sqlite: Sqlite,
  accountId: number,
  sinceIso: string,
  seen: ReadonlySet<string>,
): string[] {
  const rows = sqlite
    .prepare<[number, string], { external_id: string }>(
      'SELECT external_id FROM messages WHERE account_id = ? AND deleted_at IS NULL AND sent_at >= ?',
    )
    .all(accountId, sinceIso)
  return rows.map((r) => r.external_id).filter((id) => !seen.has(id))
}
