// POST /batch/gmail/v1: multipart/mixed of application/http parts, at most 100, each inner call
// gated and counted on its own; inner failures come back as parts of a 200 response.
// https://developers.google.com/gmail/api/guides/batch

import { randomBytes } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import { callGmail, type GmailContext } from './gmail-api'
import { badRequest, type ApiReply } from './google-errors'
import { jsonBytes } from './http-util'
import { parseParams } from './mime-tree'

export const MAX_BATCH_PARTS = 100

interface InnerRequest {
  contentId?: string
  method: string
  target: string
  headers: Map<string, string>
}

function splitParts(body: Buffer, boundary: string): string[] {
  const text = body.toString('utf8')
  const delim = `--${boundary}`
  const parts: string[] = []
  for (const chunk of text.split(delim).slice(1)) {
    if (chunk.startsWith('--')) break
    parts.push(chunk.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, ''))
  }
  return parts
}

function parseHeaderBlock(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

function parseInner(part: string): InnerRequest | undefined {
  const [outerHead = '', ...restParts] = part.split(/\r?\n\r?\n/)
  const outer = parseHeaderBlock(outerHead)
  const rest = restParts.join('\r\n\r\n')
  const [requestLine = '', ...headerLines] = (rest.split(/\r?\n\r?\n/)[0] ?? '').split(/\r?\n/)
  const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/.exec(requestLine.trim())
  if (!m?.[1] || !m[2]) return undefined
  return {
    contentId: outer.get('content-id'),
    method: m[1],
    target: m[2],
    headers: parseHeaderBlock(headerLines.join('\n')),
  }
}

function responsePart(boundary: string, contentId: string | undefined, reply: ApiReply): string {
  const id = contentId?.replace(/^<|>$/g, '')
  const json = jsonBytes(reply.body).toString('utf8')
  const extra = Object.entries(reply.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  return (
    `--${boundary}\r\nContent-Type: application/http\r\n` +
    (id ? `Content-ID: <response-${id}>\r\n` : '') +
    `\r\nHTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}\r\n` +
    `Content-Type: application/json; charset=UTF-8\r\nVary: Origin\r\nVary: X-Origin\r\nVary: Referer\r\n` +
    extra +
    `\r\n${json}\r\n`
  )
}

export interface BatchResult {
  status: number
  contentType: string
  body: Buffer
}

function errorResult(reply: ApiReply): BatchResult {
  return {
    status: reply.status,
    contentType: 'application/json; charset=UTF-8',
    body: jsonBytes(reply.body),
  }
}

export async function handleBatch(
  ctx: GmailContext,
  contentType: string | undefined,
  outerAuthorization: string | undefined,
  body: Buffer,
): Promise<BatchResult> {
  const ct = parseParams(contentType ?? '')
  const boundary = ct.params['boundary']
  if (ct.value !== 'multipart/mixed' || !boundary) {
    return errorResult(
      badRequest('Failed to parse batch request, error: missing multipart/mixed boundary.'),
    )
  }
  const parts = splitParts(body, boundary)
  if (parts.length === 0) {
    return errorResult(badRequest('Failed to parse batch request, error: 0 items.'))
  }
  if (parts.length > MAX_BATCH_PARTS) {
    return errorResult(
      badRequest(
        `Inner request count exceeds the limit. Received: ${parts.length}, Limit: ${MAX_BATCH_PARTS}`,
      ),
    )
  }
  ctx.traffic.stats.batchParts += parts.length
  // Google runs the inner calls concurrently, which is why big batches meet the
  // per-user concurrency limit.
  const replies = await Promise.all(
    parts.map(async (text) => {
      const inner = parseInner(text)
      if (!inner)
        return { contentId: undefined, reply: badRequest('Failed to parse inner request.') }
      const url = new URL(inner.target, 'http://batch.invalid')
      const { reply } = await callGmail(ctx, {
        method: inner.method,
        path: url.pathname,
        query: url.searchParams,
        authorization: inner.headers.get('authorization') ?? outerAuthorization,
      })
      return { contentId: inner.contentId, reply }
    }),
  )
  const out = `batch_${randomBytes(9).toString('base64url')}`
  const text =
    replies.map((r) => responsePart(out, r.contentId, r.reply)).join('') + `--${out}--\r\n`
  return {
    status: 200,
    contentType: `multipart/mixed; boundary=${out}`,
    body: Buffer.from(text, 'utf8'),
  }
}
