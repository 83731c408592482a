// node:http helpers shared by the fake's endpoints.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { ApiReply } from './google-errors'

const MAX_BODY = 64 * 1024 * 1024

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const b = chunk as Buffer
    size += b.length
    if (size > MAX_BODY) throw new Error('request body too large')
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}

/** Google pretty-prints JSON with two spaces. */
export function jsonBytes(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8')
}

const BASE_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=UTF-8',
  vary: 'Origin, X-Origin, Referer',
  server: 'ESF',
  'x-xss-protection': '0',
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'cache-control': 'private',
}

export function sendReply(
  req: IncomingMessage,
  res: ServerResponse,
  reply: ApiReply,
  gzip: boolean,
): void {
  if (res.headersSent || res.destroyed) return
  let payload = jsonBytes(reply.body)
  const headers: Record<string, string> = { ...BASE_HEADERS, ...reply.headers }
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  if (gzip && accepts && payload.length > 1024) {
    payload = gzipSync(payload, { level: 1 })
    headers['content-encoding'] = 'gzip'
  }
  headers['content-length'] = String(payload.length)
  res.writeHead(reply.status, headers)
  res.end(payload)
}

export function sendHtml(res: ServerResponse, status: number, title: string, detail: string): void {
  const esc = (s: string): string =>
    s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>Access blocked: authorization error</h1><p>${esc(title)}</p><p>${esc(detail)}</p></body></html>`
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
  res.end(html)
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, {
    location,
    'content-type': 'text/html; charset=UTF-8',
    'content-length': '0',
  })
  res.end()
}

export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'))
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
