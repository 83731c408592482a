// users.messages.list / get / attachments.get and users.threads.get, in Gmail's JSON shapes.
// https://developers.google.com/gmail/api/reference/rest/v1/users.messages

import { badRequest, notFound, type ApiReply } from './google-errors'
import { parseQuery } from './gmail-query'
import type { Mailbox, StoredMessage } from './mailbox'

const FORMATS = ['minimal', 'full', 'raw', 'metadata'] as const
export type MessageFormat = (typeof FORMATS)[number]

export function parseFormat(value: string | null): MessageFormat | ApiReply {
  const f = (value ?? 'full').toLowerCase()
  return (FORMATS as readonly string[]).includes(f)
    ? (f as MessageFormat)
    : badRequest(
        `Invalid value at 'format' (type.googleapis.com/caribou.api.proto.MessageFormat), "${value}"`,
      )
}

export function parseMaxResults(
  value: string | null,
  fallback: number,
  max: number,
): number | ApiReply {
  if (value === null) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    return badRequest(`Invalid value at 'max_results' (TYPE_UINT32), "${value}"`)
  return n === 0 ? fallback : Math.min(n, max)
}

export function messageResource(
  box: Mailbox,
  m: StoredMessage,
  format: MessageFormat,
  metadataHeaders: string[] = [],
): Record<string, unknown> {
  // Parse only when the payload is asked for; that also fills the cached snippet.
  const parsed = format === 'metadata' || format === 'full' ? box.parsed(m) : undefined
  const out: Record<string, unknown> = {
    id: m.id,
    threadId: m.threadId,
    labelIds: [...m.labels],
    snippet: box.snippet(m),
  }
  if (parsed) {
    const wanted = metadataHeaders.map((h) => h.toLowerCase())
    const headers = wanted.length
      ? parsed.headers.filter((h) => wanted.includes(h.name.toLowerCase()))
      : parsed.headers
    out['payload'] =
      format === 'full'
        ? parsed.payload
        : {
            partId: '',
            mimeType: parsed.payload.mimeType,
            filename: '',
            headers,
            body: { size: 0 },
          }
  }
  out['sizeEstimate'] = m.raw.length
  if (format === 'raw') out['raw'] = m.raw.toString('base64url')
  out['historyId'] = String(m.historyId)
  out['internalDate'] = String(m.internalDate)
  return out
}

const encodeToken = (m: StoredMessage): string =>
  Buffer.from(`${m.internalDate.toString(36)}.${m.id}`).toString('base64url')

function decodeToken(token: string): { date: number; id: string } | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8')
  const m = /^([0-9a-z]+)\.([0-9a-f]+)$/.exec(text)
  return m?.[1] && m[2] ? { date: parseInt(m[1], 36), id: m[2] } : undefined
}

/** True when `m` sorts after the page key in newest-first order. */
function isAfter(m: StoredMessage, key: { date: number; id: string }): boolean {
  if (m.internalDate !== key.date) return m.internalDate < key.date
  if (m.id.length !== key.id.length) return m.id.length < key.id.length
  return m.id < key.id
}

export interface ListParams {
  q: string | null
  labelIds: string[]
  includeSpamTrash: boolean
  maxResults: number
  pageToken: string | null
  now: number
}

/** Keyset pagination, so messages added while paging do not shift later pages. */
export function listMessages(box: Mailbox, p: ListParams): ApiReply & { listed: string[] } {
  const query = parseQuery(p.q ?? undefined, p.now)
  const includeHidden = p.includeSpamTrash || query.mentionsSpamTrash
  const sorted = box.sorted()
  const matches = (m: StoredMessage): boolean =>
    (includeHidden || (!m.labels.has('SPAM') && !m.labels.has('TRASH'))) &&
    p.labelIds.every((l) => m.labels.has(l)) &&
    query.matches({ labels: m.labels, internalDate: m.internalDate })
  let start = 0
  if (p.pageToken) {
    const key = decodeToken(p.pageToken)
    if (!key) return { ...badRequest('Invalid pageToken'), listed: [] }
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (isAfter(sorted[mid] as StoredMessage, key)) hi = mid
      else lo = mid + 1
    }
    start = lo
  }
  const page: StoredMessage[] = []
  let i = start
  for (; i < sorted.length && page.length < p.maxResults; i++) {
    const m = sorted[i] as StoredMessage
    if (matches(m)) page.push(m)
  }
  let more = false
  for (; i < sorted.length; i++)
    if (matches(sorted[i] as StoredMessage)) {
      more = true
      break
    }
  let estimate = 0
  for (const m of sorted) if (matches(m)) estimate++
  const body: Record<string, unknown> = {}
  if (page.length) body['messages'] = page.map((m) => ({ id: m.id, threadId: m.threadId }))
  const last = page[page.length - 1]
  if (more && last) body['nextPageToken'] = encodeToken(last)
  body['resultSizeEstimate'] = estimate
  return { status: 200, body, listed: page.map((m) => m.id) }
}

const HEX_ID = /^[0-9a-f]{1,24}$/i

export function getMessage(
  box: Mailbox,
  id: string,
  format: MessageFormat,
  metadataHeaders: string[],
): ApiReply {
  if (!HEX_ID.test(id)) return badRequest('Invalid id value')
  const m = box.messages.get(id)
  if (!m) return notFound()
  return { status: 200, body: messageResource(box, m, format, metadataHeaders) }
}

export function getAttachment(box: Mailbox, messageId: string, attachmentId: string): ApiReply {
  const m = box.messages.get(messageId)
  if (!m) return notFound()
  const ref = Buffer.from(attachmentId.replace(/^ANGjdJ/, ''), 'base64url').toString('utf8')
  const partId = ref.startsWith(`${m.id}:`) ? ref.slice(m.id.length + 1) : undefined
  const data = partId === undefined ? undefined : box.parsed(m).attachments.get(partId)
  if (!data) return badRequest('Invalid attachment token')
  return {
    status: 200,
    body: { attachmentId, size: data.length, data: data.toString('base64url') },
  }
}

export function getThread(
  box: Mailbox,
  id: string,
  format: MessageFormat,
  metadataHeaders: string[],
): ApiReply {
  if (!HEX_ID.test(id)) return badRequest('Invalid id value')
  const ids = box.threads.get(id)
  if (!ids?.size) return notFound()
  const members = [...ids]
    .map((x) => box.messages.get(x))
    .filter((m): m is StoredMessage => m !== undefined)
    .sort((a, b) => a.internalDate - b.internalDate)
  const historyId = Math.max(...members.map((m) => m.historyId))
  return {
    status: 200,
    body: {
      id,
      historyId: String(historyId),
      messages: members.map((m) => messageResource(box, m, format, metadataHeaders)),
    },
  }
}
