// The wire format of Gmail batch answers: multipart/mixed whose parts are HTTP responses
// (RFC 2046 section 5.1, https://developers.google.com/gmail/api/guides/batch). Pure, so the
// decode worker can run it too.
import type { RawMessage } from './gmail-calls'
import { classifyFailure, type Failure } from './retry-policy'

/** Inner calls per batch: Gmail takes up to 100 and recommends 50 or fewer. */
export const MAX_BATCH = 50
/** Quota units of one messages.get. */
export const GET_COST = 5

/** Batch size for a budget: the most messages.get calls one pacing window admits, at most 50. */
export function batchSizeFor(windowUnits: number): number {
  if (!Number.isFinite(windowUnits)) return MAX_BATCH
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(windowUnits / GET_COST)))
}

export interface Part {
  index: number
  status: number
  headers: Record<string, string>
  body: string
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return out
}

/** The parts of a multipart/mixed batch answer (RFC 2046 §5.1 with application/http bodies). */
export function parseBatchResponse(contentType: string, text: string): Part[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]
  if (!boundary) return []
  const parts: Part[] = []
  const chunks = text.split(`--${boundary}`)
  for (let i = 1; i < chunks.length; i++) {
    const chunk = chunks[i]!
    if (chunk.startsWith('--')) break
    const outerEnd = chunk.search(/\r?\n\r?\n/)
    if (outerEnd < 0) continue
    const outer = parseHeaders(chunk.slice(0, outerEnd))
    const http = chunk.slice(outerEnd).replace(/^\r?\n\r?\n/, '')
    const headEnd = http.search(/\r?\n\r?\n/)
    const head = headEnd < 0 ? http : http.slice(0, headEnd)
    const body =
      headEnd < 0
        ? ''
        : http
            .slice(headEnd)
            .replace(/^\r?\n\r?\n/, '')
            .trimEnd()
    const [statusLine = '', ...headerLines] = head.split(/\r?\n/)
    const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(statusLine)?.[1] ?? 0)
    const index = Number(/item-(\d+)>?$/.exec(outer['content-id'] ?? '')?.[1] ?? parts.length)
    parts.push({ index, status, headers: parseHeaders(headerLines.join('\n')), body })
  }
  return parts
}

/** A Gmail `messages.get?format=raw` answer as the sync uses it. */
export function rawMessageOf(
  id: string,
  data: {
    id?: string | null
    threadId?: string | null
    labelIds?: string[] | null
    internalDate?: string | null
    raw?: string | null
  },
): RawMessage {
  const internal = Number(data.internalDate)
  return {
    id: data.id ?? id,
    threadId: data.threadId ?? id,
    labelIds: data.labelIds ?? [],
    internalDate: Number.isFinite(internal) && internal > 0 ? internal : null,
    raw: Buffer.from(data.raw ?? '', 'base64url'),
  }
}

export function toRaw(id: string, body: string): RawMessage {
  return rawMessageOf(id, JSON.parse(body) as Parameters<typeof rawMessageOf>[1])
}

export function partFailure(p: Part, now: number): Failure {
  let data: unknown = p.body
  try {
    data = JSON.parse(p.body)
  } catch {
    // not JSON: classified by status alone
  }
  return classifyFailure({ response: { status: p.status, headers: p.headers, data } }, now)
}
