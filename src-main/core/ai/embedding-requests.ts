// One embeddings request as the embedding job sends it: vectors asked for in base64 (float32
// bytes, a quarter of the JSON floats' size) and read in either encoding, since a compatible
// server may ignore the parameter; paced by the token pacer; a 429 rate limit waited out for
// as long as retry-after(-ms) asks, however often it comes; server errors and dropped
// connections retried with backoff up to the configured count. Nothing is dropped: a batch
// comes back with every vector or the job stops with the error, its pairs still pending.
import type OpenAI from 'openai'
import { AppError, isAppError } from '@contract/errors'
import { createLogger } from '../logging/logger'
import { classifyOpenAIError, openAIAppError } from './openai-client'
import type { RateHeaders, TokenPacer } from './token-pacer'

const log = createLogger('kb')

/** 429s in a row for one batch before the job gives up (each waits what it was told). */
const MAX_RATE_LIMITED = 30

export interface EmbeddingTarget {
  model: string
  dimensions: number
}

export interface Connection {
  api: OpenAI
  custom: boolean
}

/** A vector of an answer: base64 little-endian float32, or a JSON array of numbers. */
export function decodeEmbedding(value: unknown): Float32Array {
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'base64')
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const out = new Float32Array(Math.floor(bytes.byteLength / 4))
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true)
    return out
  }
  if (Array.isArray(value) && value.every((x) => typeof x === 'number')) {
    return Float32Array.from(value as number[])
  }
  return new Float32Array(0)
}

type Attempt =
  | { ok: true; vectors: Float32Array[]; headers: RateHeaders }
  | { ok: false; error: AppError; headers: RateHeaders | null }

/** One request with the SDK's own retries as given; the answer's rate-limit headers kept. */
async function attempt(
  conn: Connection,
  texts: string[],
  { model, dimensions }: EmbeddingTarget,
  maxRetries?: number,
): Promise<Attempt> {
  try {
    const { data: res, response } = await conn.api.embeddings
      .create(
        { model, input: texts, dimensions, encoding_format: 'base64' },
        maxRetries === undefined ? undefined : { maxRetries },
      )
      .withResponse()
    const data = [...res.data].sort((a, b) => a.index - b.index)
    const vectors = data.map((d) => decodeEmbedding(d.embedding))
    if (vectors.length !== texts.length || vectors.some((v) => v.length !== dimensions)) {
      const error = new AppError(
        'openai_server_error',
        'The embeddings answer did not match the request.',
      )
      return { ok: false, error, headers: response.headers }
    }
    return { ok: true, vectors, headers: response.headers }
  } catch (e) {
    const error = isAppError(e) ? e : openAIAppError(classifyOpenAIError(e, conn.custom), e)
    const h = (e as { headers?: unknown } | null)?.headers
    const headers = h && typeof (h as RateHeaders).get === 'function' ? (h as RateHeaders) : null
    return { ok: false, error, headers }
  }
}

/** The vectors of some texts (a search's query), retried as the connection's SDK retries. */
export async function requestEmbeddings(
  conn: Connection,
  texts: string[],
  target: EmbeddingTarget,
): Promise<Float32Array[]> {
  const r = await attempt(conn, texts, target)
  if (!r.ok) throw r.error
  return r.vectors
}

function retryAfterMs(headers: RateHeaders | null): number | null {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN)
  if (Number.isFinite(ms) && ms >= 0) return ms
  const s = Number(headers?.get('retry-after') ?? NaN)
  return Number.isFinite(s) && s >= 0 ? s * 1000 : null
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * The vectors of a batch, or 'smaller' when the provider's limit turned out lower than the
 * batch's tokens (the caller cuts it and asks again).
 */
export async function embedPaced(
  conn: Connection,
  pacer: TokenPacer,
  batch: { texts: string[]; tokens: number },
  target: EmbeddingTarget,
  maxRetries: number,
): Promise<Float32Array[] | 'smaller'> {
  let failures = 0
  let limited = 0
  for (;;) {
    const wait = pacer.delayFor(batch.tokens)
    if (wait === Infinity) return 'smaller'
    if (wait > 0) await sleep(wait)
    const r = await attempt(conn, batch.texts, target, 0)
    if (r.ok) {
      pacer.admitted(batch.tokens, r.headers)
      return r.vectors
    }
    const code = r.error.code
    const retry = r.headers?.get('x-should-retry') !== 'false'
    if (code === 'openai_rate_limited' && retry) {
      pacer.refused(r.headers)
      const limit = pacer.limit()
      if (limit !== null && batch.tokens > limit) return 'smaller'
      if (++limited > MAX_RATE_LIMITED) throw r.error
      const ms = retryAfterMs(r.headers) ?? Math.min(60_000, 1000 * 2 ** Math.min(limited, 6))
      log.info({ waitMs: Math.round(ms), tokens: batch.tokens }, 'rate limited; waiting')
      await sleep(ms)
      continue
    }
    const transient = ['openai_server_error', 'openai_offline', 'openai_timeout'].includes(code)
    if (transient && retry && failures < maxRetries) {
      failures++
      await sleep(Math.min(8000, 500 * 2 ** (failures - 1)))
      continue
    }
    throw r.error
  }
}
