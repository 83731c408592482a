// messages.get for many ids in one HTTP request: Gmail's batch endpoint takes up to 100 inner
// calls (50 or fewer recommended), each costing its own quota units
// (https://developers.google.com/gmail/api/guides/batch). The answer is a 200 multipart/mixed
// even when inner calls failed, so every part is checked on its own: 404 = gone, rate limits
// and 5xx are retried for those parts only, anything else stops the run.
import { randomBytes } from 'node:crypto'
import type { AccountOAuthClient } from '../google/oauth-client'
import { createLogger } from '../logging/logger'
import { GET_COST, partFailure } from '../gmail/batch-format'
import type { DecodePool } from './decode-pool'
import { GmailCallError, type GmailCallContext } from '../gmail/gmail-calls'
import type { PreparedMessage } from './message-prepare'
import { cancelled } from '../gmail/quota-limiter'
import { classifyFailure, nextDelay } from '../gmail/retry-policy'

const log = createLogger('sync')

export interface BatchContext {
  auth: Pick<AccountOAuthClient, 'request'>
  /** Gmail's API root, e.g. https://gmail.googleapis.com/ */
  apiRoot: string
  pool: DecodePool
  own: ReadonlySet<string>
  /** Forces a token refresh (the OAuth client's own; invalid_grant ends as token_revoked). */
  refresh?: () => Promise<void>
}

/** A fetched message, decoded; `prepared` is null when it sits in SPAM/TRASH/DRAFT by now. */
export interface Fetched {
  prepared: PreparedMessage | null
}

async function post(
  ctx: GmailCallContext,
  batch: BatchContext,
  ids: readonly string[],
): Promise<{ contentType: string; body: ArrayBuffer }> {
  const boundary = `batch_${randomBytes(12).toString('hex')}`
  const base = new URL('gmail/v1/users/me/messages/', batch.apiRoot).pathname
  const request =
    ids
      .map(
        (id, i) =>
          `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <item-${i}>\r\n\r\n` +
          `GET ${base}${encodeURIComponent(id)}?format=raw\r\n\r\n`,
      )
      .join('') + `--${boundary}--\r\n`
  const res = await batch.auth.request<ArrayBuffer>({
    url: new URL('batch/gmail/v1', batch.apiRoot).href,
    method: 'POST',
    headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
    data: request,
    // Bytes, not a string: they go to the decode worker without a copy, and a megabyte of
    // answer never becomes a large string on the main thread's heap.
    responseType: 'arraybuffer',
    signal: ctx.signal,
    timeout: ctx.timeoutMs,
    retry: false,
    // Node's own fetch (undici): less work per request than the node-fetch fallback.
    fetchImplementation: fetch,
  })
  const ct = res.headers.get('content-type') ?? ''
  const body =
    res.data instanceof ArrayBuffer
      ? res.data
      : (new TextEncoder().encode(String(res.data)).buffer as ArrayBuffer)
  return { contentType: ct, body }
}

/**
 * Fetches `ids` (format=raw) in one batch, retrying failed parts, and decodes the answers in
 * the pool; the map holds each message, or null when Gmail no longer has it.
 */
export async function batchFetch(
  ctx: GmailCallContext,
  batch: BatchContext,
  ids: readonly string[],
): Promise<Map<string, Fetched | null>> {
  const out = new Map<string, Fetched | null>()
  const attempts = new Map<string, number>()
  let pending = [...ids]
  let failures = 0
  let refreshed = false
  for (let round = 0; pending.length > 0; round++) {
    if (ctx.signal.aborted) throw cancelled()
    const current = pending
    let answer: { contentType: string; body: ArrayBuffer }
    try {
      answer = await ctx.limiter.run(
        GET_COST * current.length,
        () => post(ctx, batch, current),
        ctx.signal,
        ctx.priority,
      )
    } catch (e) {
      const now = ctx.clock.now()
      const failure = classifyFailure(e, now)
      if (failure.kind === 'cancelled' || ctx.signal.aborted) throw cancelled()
      const delay = nextDelay(failure, failures++, now, ctx.random)
      if (delay === null) throw new GmailCallError('batch', failure)
      if (failure.kind === 'rate_limit') ctx.limiter.backOff(now + delay)
      ctx.onRetry?.('batch', failure)
      await ctx.clock.sleep(delay, ctx.signal)
      continue
    }
    const parts = await batch.pool.decodeBatch(answer.contentType, answer.body, current, batch.own)
    const now = ctx.clock.now()
    const answered = new Set<number>()
    const retry: string[] = []
    let wait = 0
    let rateLimited = false
    // Inner calls answer 401 while the outer request got 200, so the client never refreshed:
    // refresh once here (a revoked grant ends the run as token_revoked), then ask again.
    const again = new Set<number>()
    if (!refreshed && batch.refresh && parts.some((p) => p.status === 401)) {
      refreshed = true
      await batch.refresh()
      for (const p of parts) if (p.status === 401) again.add(p.index)
    }
    for (const p of parts) {
      const id = current[p.index]
      if (id === undefined || answered.has(p.index) || again.has(p.index)) continue
      answered.add(p.index)
      if ('prepared' in p) {
        out.set(id, { prepared: p.prepared })
        continue
      }
      const failure = partFailure({ status: p.status, headers: p.headers, body: p.body }, now)
      if (failure.kind === 'not_found') {
        out.set(id, null)
        continue
      }
      const tries = attempts.get(id) ?? 0
      const delay = nextDelay(failure, tries, now, ctx.random)
      if (delay === null) {
        log.warn({ kind: failure.kind, status: p.status, tries }, 'batch part failed')
        throw new GmailCallError('messages.get', failure)
      }
      attempts.set(id, tries + 1)
      ctx.onRetry?.('messages.get', failure)
      rateLimited ||= failure.kind === 'rate_limit'
      wait = Math.max(wait, delay)
      retry.push(id)
    }
    // Parts the answer left out, or refused before the refresh, are asked again.
    current.forEach((id, i) => {
      if (!answered.has(i)) retry.push(id)
    })
    if (retry.length > 0 && round > 50) {
      throw new GmailCallError('batch', {
        kind: 'fatal',
        detail: 'batch answers kept leaving parts out',
      })
    }
    if (retry.length > 0 && wait > 0) {
      if (rateLimited) ctx.limiter.backOff(now + wait)
      await ctx.clock.sleep(wait, ctx.signal)
    }
    pending = retry
  }
  return out
}
