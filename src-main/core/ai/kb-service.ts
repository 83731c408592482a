// The knowledge base index: OpenAI embeddings of approved pairs' client texts in SQLite, made
// in batches by a resumable job, and hybrid search (full text + vector neighbours merged by
// reciprocal rank fusion) that falls back to full text, and says why, without AI, a key, the
// network or vectors. Nothing is sent while AI features are off; texts sent are redacted.
import type {
  KbEmbedResult,
  KbEstimate,
  KbFallback,
  KbHit,
  KbSearchResult,
  KbStatus,
} from '@contract/kb'
import type { SimilarPair } from '@contract/ai'
import { AppError, isAppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import {
  countEmbeddings,
  deleteOtherEmbeddings,
  pendingForEmbedding,
  writeEmbeddings,
} from '../../db/queries/pair-embeddings'
import { ensureVectorExtension, probeVectorExtension } from '../../db/vector-extension'
import type { EventBus } from '../event-bus'
import { createLogger } from '../logging/logger'
import { readSetting } from '../settings/settings-store'
import type { AiService } from './ai-service'
import { assertAiEnabled, outgoing } from './ai-privacy'
import { embedPaced, requestEmbeddings } from './embedding-requests'
import { reciprocalRankFusion } from './rank-fusion'
import { findSimilarApproved } from './similar-pairs'
import { createTokenPacer } from './token-pacer'
import { createVectorSearch, servingIndex, type ServingIndex } from './vector-search'

const log = createLogger('kb')

/** Inputs per embeddings request; under a known rate limit up to OpenAI's 2048. */
const BATCH = 100
const MAX_BATCH = 2048
/** Tokens per embeddings request (OpenAI's cap: 300,000). */
const MAX_REQUEST_TOKENS = 300_000
/** Characters of a client text embedded (~8k tokens is the model's limit). */
const MAX_CHARS = 8000
/** Candidates each retriever contributes before fusion. */
const CANDIDATES = 20
/** Below this cosine similarity a vector neighbour is noise, not a similar case. */
export const SIMILARITY_FLOOR = 0.3

/** List prices per million input tokens (https://openai.com/api/pricing, 2026). */
const EMBEDDING_USD_PER_MILLION: Record<string, number> = {
  'text-embedding-3-small': 0.02,
  'text-embedding-3-large': 0.13,
  'text-embedding-ada-002': 0.1,
}

export interface KbService {
  status(): Promise<KbStatus>
  embed(): Promise<KbEmbedResult>
  estimate(): Promise<KbEstimate>
  search(text: string, k?: number): Promise<KbSearchResult>
}

function toBuffer(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength)
}

/** The embedding models' tokenizer, loaded on first use (estimates and embedding runs). */
async function tokenCounter(): Promise<(text: string) => number> {
  const { countTokens } = await import('gpt-tokenizer/encoding/cl100k_base')
  return countTokens
}

export function createKbService(deps: {
  dbh: DbHandle
  ai: AiService
  events: EventBus
  env: NodeJS.ProcessEnv
}): KbService {
  const { dbh, ai, events, env } = deps
  const nearestVectors = createVectorSearch(dbh)
  // Retries of a failed embeddings request (429, 5xx, network), each after the wait the
  // answer's retry-after asks for or an exponential backoff.
  const maxRetries = (): number => {
    const raw = env.REPLYBASE_OPENAI_MAX_RETRIES?.trim()
    const v = Number(raw)
    return raw && Number.isInteger(v) && v >= 0 ? v : 6
  }
  // The provider's rate limits are per minute; tests shorten the window.
  const rateWindowMs = (): number => {
    const v = Number(env.REPLYBASE_OPENAI_RATE_WINDOW_MS)
    return Number.isInteger(v) && v > 0 ? v : 60_000
  }
  const config = () => ({
    model: readSetting(dbh, 'embeddingModel'),
    dimensions: readSetting(dbh, 'embeddingDimensions'),
  })

  function serving(): ServingIndex {
    return servingIndex(dbh, config())
  }

  async function status(): Promise<KbStatus> {
    const { model, dimensions } = config()
    const c = countEmbeddings(dbh, model, dimensions)
    const answering = serving()
    const current = answering.model === model && answering.dimensions === dimensions
    return {
      model,
      dimensions,
      approved: c.approved,
      embedded: c.embedded,
      pending: Math.max(0, c.approved - c.embedded),
      vectorBytes: c.bytes,
      vectorSearch: (await probeVectorExtension()).ok,
      serving: current ? null : answering,
    }
  }

  return {
    status,

    async estimate() {
      const { model, dimensions } = config()
      const countTokens = await tokenCounter()
      const out = outgoing(dbh)
      let pairs = 0
      let tokens = 0
      for (let after = 0; ;) {
        const page = pendingForEmbedding(dbh, model, dimensions, 500, after)
        if (page.length === 0) break
        for (const p of page) {
          tokens += countTokens(out.prepare(p.clientText).slice(0, MAX_CHARS) || ' ')
          pairs++
        }
        after = page.at(-1)!.id
      }
      const price = EMBEDDING_USD_PER_MILLION[model]
      return {
        model,
        pairs,
        tokens,
        estimatedUsd: price === undefined ? null : (tokens / 1_000_000) * price,
      }
    },

    async embed() {
      assertAiEnabled(dbh)
      const conn = await ai.connect({ timeoutMs: 60_000 })
      if (!conn) {
        throw new AppError('openai_no_key', 'No OpenAI API key is stored for this base URL.')
      }
      const { model, dimensions } = config()
      const total = countEmbeddings(dbh, model, dimensions)
      const todo = Math.max(0, total.approved - total.embedded)
      const countTokens = await tokenCounter()
      const pacer = createTokenPacer({
        windowMs: rateWindowMs(),
        inputs: BATCH,
        maxInputs: MAX_BATCH,
        maxTokens: MAX_REQUEST_TOKENS,
      })
      let embedded = 0
      let requests = 0
      let tokens = 0
      // Each batch is committed before the next request: a crash or a closed laptop loses at
      // most one batch, and the next run starts where this one stopped.
      for (;;) {
        const budget = pacer.budget()
        const pending = pendingForEmbedding(dbh, model, dimensions, budget.inputs)
        if (pending.length === 0) break
        const out = outgoing(dbh)
        // As many pairs as the budget's tokens hold, at least one.
        const batch: Array<{ id: number; clientText: string; text: string }> = []
        let batchTokens = 0
        for (const p of pending) {
          const text = out.prepare(p.clientText).slice(0, MAX_CHARS) || ' '
          const n = countTokens(text)
          if (batch.length > 0 && batchTokens + n > budget.tokens) break
          batch.push({ ...p, text })
          batchTokens += n
        }
        const vectors = await embedPaced(
          conn,
          pacer,
          { texts: batch.map((b) => b.text), tokens: batchTokens },
          { model, dimensions },
          maxRetries(),
        )
        if (vectors === 'smaller') {
          if (batch.length === 1) {
            throw new AppError(
              'openai_rate_limited',
              'A client text is longer than the provider allows per minute for this key.',
            )
          }
          continue
        }
        requests++
        tokens += batchTokens
        const written = writeEmbeddings(
          dbh,
          model,
          dimensions,
          batch.map((p, i) => ({
            id: p.id,
            clientText: p.clientText,
            vector: toBuffer(vectors[i]!),
          })),
        )
        embedded += written
        events.emit('kb.progress', { embedded, total: todo })
        // A pair whose text changed meanwhile is skipped, not retried forever in this run.
        if (written === 0) break
      }
      log.info({ embedded, requests, tokens, model, dimensions }, 'embeddings written')
      // Complete: the previous model's index has served its time.
      const after = countEmbeddings(dbh, model, dimensions)
      if (after.embedded >= after.approved) {
        const dropped = deleteOtherEmbeddings(dbh, model, dimensions)
        if (dropped > 0) log.info({ dropped }, 'previous index dropped')
      }
      return { embedded, requests, status: await status() }
    },

    async search(text, k = 5) {
      const fulltext = findSimilarApproved(dbh, text, CANDIDATES)
      const { model, dimensions, embedded: stored } = serving()
      let fallback: KbFallback | null = null
      let vector: Array<SimilarPair & { similarity: number }> = []
      if (!readSetting(dbh, 'aiEnabled')) fallback = 'ai_off'
      else if (!(await probeVectorExtension()).ok) fallback = 'no_extension'
      if (!fallback && stored === 0) fallback = 'no_vectors'
      if (!fallback) {
        const conn = await ai.connect({ maxRetries: 0 }).catch(() => null)
        if (!conn) fallback = 'no_key'
        else {
          try {
            const [q] = await requestEmbeddings(
              conn,
              [outgoing(dbh).prepare(text).slice(0, MAX_CHARS)],
              { model, dimensions },
            )
            await ensureVectorExtension(dbh.sqlite)
            vector = nearestVectors(model, dimensions, q!, CANDIDATES, stored)
              .map((r) => ({
                id: r.id,
                score: 0,
                clientText: r.clientText,
                replyText: r.replyText,
                language: r.language as SimilarPair['language'],
                subject: r.subject ?? '',
                sentAt: r.sentAt,
                similarity: 1 - r.distance,
              }))
              .filter((r) => r.similarity >= SIMILARITY_FLOOR)
          } catch (e) {
            const code = isAppError(e) ? e.code : 'openai_server_error'
            fallback =
              code === 'openai_offline' || code === 'openai_timeout' ? 'offline' : 'provider_error'
            log.info({ code }, 'vector search unavailable; full text only')
          }
        }
      }
      const similarity = new Map(vector.map((v) => [v.id, v.similarity]))
      const fused = reciprocalRankFusion([
        { name: 'fulltext', items: fulltext },
        { name: 'vector', items: vector },
      ])
      const hits: KbHit[] = fused.slice(0, k).map(({ item, score, from }) => ({
        ...item,
        score: Number(score.toPrecision(4)),
        retrievers: from as KbHit['retrievers'],
        similarity: similarity.has(item.id) ? Number(similarity.get(item.id)!.toFixed(4)) : null,
      }))
      return {
        mode: fallback ? 'fulltext' : 'hybrid',
        fallback,
        hits,
        noCloseMatch: hits.length === 0,
      }
    },
  }
}
