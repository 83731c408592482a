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
  /** The inner response's body, as bytes (a view into the answer, not a copy). */
  body: Buffer
}

const CRLF2 = Buffer.from('\r\n\r\n')
const LF2 = Buffer.from('\n\n')

/** Where a header block that starts at `from` ends: [end of headers, start of body]. */
function blankLine(buf: Buffer, from: number): [number, number] | null {
  const crlf = buf.indexOf(CRLF2, from)
  const lf = buf.indexOf(LF2, from)
  if (crlf < 0 && lf < 0) return null
  return lf >= 0 && (crlf < 0 || lf < crlf) ? [lf, lf + 2] : [crlf, crlf + 4]
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return out
}

/** Trailing CR, LF, spaces and tabs off a part, as String.trimEnd would. */
function trimEnd(buf: Buffer, start: number, end: number): number {
  while (
    end > start &&
    (buf[end - 1] === 13 || buf[end - 1] === 10 || buf[end - 1] === 32 || buf[end - 1] === 9)
  )
    end--
  return end
}

/**
 * The parts of a multipart/mixed batch answer (RFC 2046 §5.1 with application/http bodies).
 * Read as bytes: an answer of fifty messages is megabytes of base64, which never becomes one
 * JavaScript string here (the decode worker's largest cost otherwise).
 */
export function parseBatchResponse(contentType: string, answer: Uint8Array | string): Part[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]
  if (!boundary) return []
  const buf =
    typeof answer === 'string'
      ? Buffer.from(answer, 'utf8')
      : Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength)
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: Part[] = []
  let at = buf.indexOf(delimiter)
  while (at >= 0) {
    const start = at + delimiter.length
    if (buf[start] === 45 && buf[start + 1] === 45) break // "--": the closing delimiter
    const nextAt = buf.indexOf(delimiter, start)
    const end = nextAt < 0 ? buf.length : nextAt
    at = nextAt
    const outerEnd = blankLine(buf, start)
    if (!outerEnd || outerEnd[0] >= end) continue
    const outer = parseHeaders(buf.toString('latin1', start, outerEnd[0]))
    const innerEnd = blankLine(buf, outerEnd[1])
    const headEnd = innerEnd && innerEnd[0] < end ? innerEnd : null
    const head = buf.toString('latin1', outerEnd[1], headEnd ? headEnd[0] : end)
    const body = headEnd ? buf.subarray(headEnd[1], trimEnd(buf, headEnd[1], end)) : Buffer.alloc(0)
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

const RAW_KEY = Buffer.from('"raw"')

/**
 * A messages.get answer's JSON. The `raw` value (base64url: no quotes, no escapes) is decoded
 * straight from the bytes and only the small rest goes through JSON.parse.
 */
export function toRaw(id: string, body: Buffer): RawMessage {
  const key = body.indexOf(RAW_KEY)
  const open = key < 0 ? -1 : body.indexOf(34, body.indexOf(58, key + RAW_KEY.length)) // '"' after ':'
  const close = open < 0 ? -1 : body.indexOf(34, open + 1)
  if (close < 0) {
    return rawMessageOf(id, JSON.parse(body.toString('utf8')) as Parameters<typeof rawMessageOf>[1])
  }
  const rest = Buffer.concat([body.subarray(0, open + 1), body.subarray(close)])
  const data = JSON.parse(rest.toString('utf8')) as Parameters<typeof rawMessageOf>[1]
  return {
    ...rawMessageOf(id, data),
    raw: Buffer.from(body.toString('latin1', open + 1, close), 'base64url'),
  }
}

export function partFailure(
  p: Pick<Part, 'status' | 'headers'> & { body: string | Buffer },
  now: number,
): Failure {
  const text = typeof p.body === 'string' ? p.body : p.body.toString('utf8')
  let data: unknown = text
  try {
    data = JSON.parse(text)
  } catch {
    // not JSON: classified by status alone
  }
  return classifyFailure({ response: { status: p.status, headers: p.headers, data } }, now)
}
