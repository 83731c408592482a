// Reads of stored messages: one message for the review pane, and lists for the CLI. Values are
// always bound parameters; the WHERE clause is built from fixed fragments only.
import type { AttachmentDto, MailAddressDto, MessageDto } from '@contract/messages'
import type { Sqlite } from '../connection'

interface MessageRowSql {
  id: number
  account_id: number
  external_id: string
  thread_id: string
  direction: 'incoming' | 'outgoing'
  from_address: string | null
  from_name: string | null
  to_addresses: string
  cc_addresses: string
  subject: string
  body_text: string
  has_html: 0 | 1
  sent_at: string
  labels: string
  headers: string
  attachments: string
  parse_status: 'ok' | 'failed'
  parse_error: string | null
  charset_fallback: number
  truncated: number
  deleted_at: string | null
}

function json<T>(raw: string, fallback: T): T {
  try {
    return JSON.parse(raw) as T
  } catch {
    return fallback
  }
}

function addresses(raw: string): MailAddressDto[] {
  const list = json<unknown[]>(raw, [])
  return list
    .map((a) =>
      typeof a === 'string'
        ? { name: '', address: a }
        : {
            name: String((a as MailAddressDto).name ?? ''),
            address: String((a as MailAddressDto).address ?? ''),
          },
    )
    .filter((a) => a.address)
}

export function formatAddress(a: MailAddressDto): string {
  return a.name ? `${a.name} <${a.address}>` : a.address
}

/** Synthetic keys the sync engine keeps beside the real headers. */
const INTERNAL_HEADER = /^x-replybase-/

function toDto(r: MessageRowSql): MessageDto {
  const to = addresses(r.to_addresses)
  const cc = addresses(r.cc_addresses)
  const headers = json<Record<string, string>>(r.headers, {})
  for (const key of Object.keys(headers)) if (INTERNAL_HEADER.test(key)) delete headers[key]
  return {
    id: r.id,
    accountId: r.account_id,
    externalId: r.external_id,
    threadId: r.thread_id,
    direction: r.direction,
    fromAddress: r.from_address,
    fromName: r.from_name,
    to,
    cc,
    toAddresses: to.map(formatAddress),
    ccAddresses: cc.map(formatAddress),
    subject: r.subject,
    sentAt: r.sent_at,
    bodyText: r.body_text,
    hasHtml: r.has_html === 1,
    attachments: json<AttachmentDto[]>(r.attachments, []),
    labels: json<string[]>(r.labels, []),
    headers,
    parseStatus: r.parse_status,
    parseError: r.parse_error,
    charsetFallback: r.charset_fallback === 1,
    truncated: r.truncated === 1,
    deletedAt: r.deleted_at,
  }
}

const COLUMNS = `id, account_id, external_id, thread_id, direction, from_address, from_name, to_addresses,
  cc_addresses, subject, body_text, body_html IS NOT NULL AS has_html, sent_at, labels, headers, attachments, parse_status,
  parse_error, charset_fallback, truncated, deleted_at`

export function getMessage(sqlite: Sqlite, id: number): MessageDto | null {
  const row = sqlite
    .prepare<[number], MessageRowSql>(`SELECT ${COLUMNS} FROM messages WHERE id = ?`)
    .get(id)
  return row ? toDto(row) : null
}

export interface MessageFilter {
  accountId?: number
  threadId?: string
  /** Tombstones (gone from Gmail, kept for a reviewed pair) are left out unless asked for. */
  includeDeleted?: boolean
  limit?: number
}

/** Messages in sent order (oldest first), as the CLI lists them. */
export function listMessages(sqlite: Sqlite, filter: MessageFilter = {}): MessageDto[] {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.accountId !== undefined) {
    where.push('account_id = ?')
    params.push(filter.accountId)
  }
  if (filter.threadId !== undefined) {
    where.push('thread_id = ?')
    params.push(filter.threadId)
  }
  if (!filter.includeDeleted) where.push('deleted_at IS NULL')
  let sql = `SELECT ${COLUMNS} FROM messages`
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`
  sql += ' ORDER BY sent_at, id'
  if (filter.limit !== undefined) {
    sql += ' LIMIT ?'
    params.push(filter.limit)
  }
  return sqlite
    .prepare<unknown[], MessageRowSql>(sql)
    .all(...params)
    .map(toDto)
}
