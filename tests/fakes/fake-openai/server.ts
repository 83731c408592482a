// A fake OpenAI API on 127.0.0.1:0 speaking the real wire format: GET /v1/models(/{id}),
// POST /v1/chat/completions (whole or streamed: chat-stream.ts), POST /v1/embeddings
// (embeddings.ts, with a tokens-per-minute limit: token-rate-limit.ts), OpenAI's error bodies
// (401, 404, 429, 500), added latency and an offline mode (connections dropped). Every request is recorded so
// tests can assert what was sent. Answers are deterministic.
import crypto from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  badRequest,
  insufficientQuota,
  invalidApiKey,
  invalidUrl,
  missingApiKey,
  modelNotFound,
  rateLimited,
  serverError,
  type FakeReply,
} from './openai-errors'
import { embeddingsAnswer, type EmbeddingsRequest } from './embeddings'
import { chatChunks, writeEventStream } from './chat-stream'
import { createTokenWindow, type TokenWindow } from './token-rate-limit'

export { fakeEmbedding } from './embeddings'

export type FakeOpenAIMode =
  'ok' | 'rate_limited' | 'insufficient_quota' | 'server_error' | 'offline'

export interface RecordedRequest {
  method: string
  path: string
  authorization: string | null
  body: unknown
}

export interface FakeOpenAIOptions {
  /** Keys the fake accepts. Default: one, FAKE_OPENAI_KEY. */
  keys?: string[]
  models?: string[]
  mode?: FakeOpenAIMode
  latencyMs?: number
  retryAfterSeconds?: number
  /** 429s without `x-should-retry: false`, so the SDK retries them itself after retry-after. */
  sdkRetries?: boolean
  /** The text of a chat completion; default: a fixed draft naming the model and the message. */
  reply?: (request: ChatRequest) => string
  /** Embedding input tokens allowed per window (OpenAI's TPM); 0 (default): no limit. */
  tpmLimit?: number
  /** The limit's sliding window; 60,000 ms as OpenAI's, shorter in tests. */
  tpmWindowMs?: number
  /** Streamed completions: the model's time to its first word, and between words. */
  firstTokenDelayMs?: number
  tokenIntervalMs?: number
}

export interface ChatRequest {
  model: string
  messages: Array<{ role: string; content: string }>
  stream?: boolean
  stream_options?: { include_usage?: boolean }
}

export interface FakeOpenAI {
  /** The base URL to configure, ending in /v1. */
  readonly baseUrl: string
  readonly requests: RecordedRequest[]
  /** The tokens-per-minute window: what it admitted, and when. */
  readonly tpm: TokenWindow
  /** Changes behaviour at run time (mode, latency, keys, models, reply). */
  set(options: Partial<FakeOpenAIOptions>): void
  close(): Promise<void>
}

export const FAKE_OPENAI_KEY = 'sk-fake-0123456789abcdefghijklmnopqrstuvwxyzABCD'
export const FAKE_MODELS = [
  'gpt-4.1-mini',
  'gpt-4.1',
  'o3-mini',
  'text-embedding-3-small',
  'text-embedding-3-large',
  'whisper-1',
  'dall-e-3',
  'gpt-4o-mini',
  'tts-1',
]

const CREATED = 1_700_000_000

function defaultReply(req: ChatRequest): string {
  const last = req.messages.at(-1)?.content ?? ''
  const text =
    last
      .replace(/<\/?client_message>/g, '')
      .trim()
      .split('\n')[0] ?? ''
  return `Thank you for your message. [fake ${req.model}; ${req.messages.length} messages] Re: ${text.slice(0, 60)}`
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  const raw = Buffer.concat(chunks).toString('utf8')
  if (!raw) return null
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (res.headersSent || res.destroyed) return
  const payload = Buffer.from(JSON.stringify(reply.body, null, 2))
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': String(payload.length),
    'openai-processing-ms': '12',
    'x-request-id': `req_${crypto.randomBytes(8).toString('hex')}`,
    ...reply.headers,
  })
  res.end(payload)
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const state: Required<FakeOpenAIOptions> = {
    keys: options.keys ?? [FAKE_OPENAI_KEY],
    models: options.models ?? FAKE_MODELS,
    mode: options.mode ?? 'ok',
    latencyMs: options.latencyMs ?? 0,
    retryAfterSeconds: options.retryAfterSeconds ?? 20,
    sdkRetries: options.sdkRetries ?? false,
    reply: options.reply ?? defaultReply,
    tpmLimit: options.tpmLimit ?? 0,
    tpmWindowMs: options.tpmWindowMs ?? 60_000,
    firstTokenDelayMs: options.firstTokenDelayMs ?? 0,
    tokenIntervalMs: options.tokenIntervalMs ?? 0,
  }
  const requests: RecordedRequest[] = []
  const tpm = createTokenWindow(() => ({ limit: state.tpmLimit, windowMs: state.tpmWindowMs }))

  function answer(method: string, path: string, auth: string | null, body: unknown): FakeReply {
    const key = auth?.startsWith('Bearer ') ? auth.slice(7) : null
    if (!key) return missingApiKey()
    if (!state.keys.includes(key)) return invalidApiKey(key)
    const model = (body as { model?: unknown } | null)?.model
    if (state.mode === 'rate_limited') {
      return rateLimited(
        typeof model === 'string' ? model : 'gpt-4.1-mini',
        state.retryAfterSeconds,
        state.sdkRetries,
      )
    }
    if (state.mode === 'insufficient_quota') return insufficientQuota()
    if (state.mode === 'server_error') return serverError()

    if (method === 'GET' && path === '/v1/models') {
      return {
        status: 200,
        body: {
          object: 'list',
          data: state.models.map((id) => ({
            id,
            object: 'model',
            created: CREATED,
            owned_by: 'system',
          })),
        },
      }
    }
    const one = /^\/v1\/models\/([^/]+)$/.exec(path)
    if (method === 'GET' && one) {
      const id = decodeURIComponent(one[1]!)
      return state.models.includes(id)
        ? { status: 200, body: { id, object: 'model', created: CREATED, owned_by: 'system' } }
        : modelNotFound(id)
    }
    if (method === 'POST' && path === '/v1/chat/completions') {
      const req = body as Partial<ChatRequest> | null
      if (typeof req?.model !== 'string' || !Array.isArray(req.messages)) {
        return badRequest("Missing required parameter: 'messages'.")
      }
      if (!state.models.includes(req.model)) return modelNotFound(req.model)
      const content = state.reply(req as ChatRequest)
      const id = `chatcmpl-${crypto.createHash('sha1').update(JSON.stringify(req)).digest('hex').slice(0, 24)}`
      const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 }
      if (req.stream === true) {
        const chunks = chatChunks({
          id,
          created: CREATED,
          model: req.model,
          content,
          includeUsage: req.stream_options?.include_usage === true,
          usage,
        })
        return { status: 200, body: null, stream: chunks }
      }
      return {
        status: 200,
        body: {
          id,
          object: 'chat.completion',
          created: CREATED,
          model: req.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content, refusal: null, annotations: [] },
              logprobs: null,
              finish_reason: 'stop',
            },
          ],
          usage,
          system_fingerprint: 'fp_fake',
        },
      }
    }
    if (method === 'POST' && path === '/v1/embeddings') {
      const req = body as Partial<EmbeddingsRequest> | null
      if (typeof req?.model !== 'string' || req.input === undefined) {
        return badRequest("Missing required parameter: 'input'.")
      }
      if (!state.models.includes(req.model)) return modelNotFound(req.model)
      return embeddingsAnswer(req as EmbeddingsRequest, tpm)
    }
    return invalidUrl(method, path)
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET'
      const path = new URL(req.url ?? '/', 'http://fake').pathname
      const body = await readJson(req)
      requests.push({ method, path, authorization: req.headers.authorization ?? null, body })
      if (state.mode === 'offline') {
        // As a dropped network does: the connection closes without an answer.
        req.socket.destroy()
        return
      }
      if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs))
      const reply = answer(method, path, req.headers.authorization ?? null, body)
      if (reply.stream) {
        await writeEventStream(res, reply.stream, state, {
          'x-request-id': `req_${crypto.randomBytes(8).toString('hex')}`,
        })
      } else send(res, reply)
    })().catch(() => res.destroy())
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    tpm,
    set(patch) {
      Object.assign(
        state,
        Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      )
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
