// The two figures of npm run bench:kb that need the provider: embedding throughput under a
// tokens-per-minute limit and retrieval precision on the labelled set. Both run the real core
// (SQLite file in a temp folder, the key in an in-memory keychain) against the fake OpenAI in
// this process, whose vectors are hashed character trigrams, not a language model's; precision
// can also be measured against a real provider (its base URL and key), where there is a network.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startFakeOpenAI } from '../tests/fakes/fake-openai/server'
import { windowUtilisation } from '../tests/fakes/fake-openai/token-rate-limit'
import { startKbCore } from '../tests/helpers/kb-core'
import {
  evaluateRetrieval,
  indexRetrievalSet,
  loadRetrievalSet,
  type RetrievalReport,
} from '../tests/helpers/retrieval-eval'
import { seedPairs } from '../tests/helpers/seed-pairs'

export interface ThroughputResult {
  limit: number
  windowMs: number
  pairs: number
  tokens: number
  failedPairs: number
  error: string | null
  requests: number
  refused: number
  wallMs: number
  /** Tokens admitted in whole windows over what they allow (npm run bench:kb's figure). */
  utilisation: number | null
}

/** Embeds `pairs` approved pairs under a limit of `limit` tokens per `windowMs`. */
export async function embeddingThroughput(opts: {
  limit: number
  windowMs: number
  pairs: number
  latencyMs: number
}): Promise<ThroughputResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-tpm-'))
  const fake = await startFakeOpenAI({
    tpmLimit: opts.limit,
    tpmWindowMs: opts.windowMs,
    latencyMs: opts.latencyMs,
  })
  const core = await startKbCore({
    dataDir: dir,
    openai: fake,
    env: { REPLYBASE_OPENAI_RATE_WINDOW_MS: String(opts.windowMs) },
    transport: 'cli',
  })
  try {
    seedPairs(core.dbh, opts.pairs, { seed: 31, status: 'approved' })
    const { pairs, tokens } = await core.kb.estimate()
    const started = performance.now()
    let requests = 0
    let error: string | null = null
    try {
      requests = (await core.kb.embed()).requests
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
    }
    const wallMs = performance.now() - started
    const status = await core.kb.status()
    const calls = fake.requests.filter((r) => r.path === '/v1/embeddings').length
    return {
      limit: opts.limit,
      windowMs: opts.windowMs,
      pairs,
      tokens,
      failedPairs: status.approved - status.embedded,
      error,
      requests,
      refused: calls - requests,
      wallMs,
      utilisation: windowUtilisation(fake.tpm.admitted(), opts),
    }
  } finally {
    await core.close()
    await fake.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Precision@5 on the labelled set, with vectors from the fake OpenAI or from `provider`. */
export async function retrievalQuality(provider?: {
  baseUrl: string
  apiKey: string
}): Promise<RetrievalReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-p5-'))
  const fake = provider ? null : await startFakeOpenAI()
  const core = await startKbCore({ dataDir: dir, openai: provider ?? fake!, transport: 'cli' })
  try {
    const set = loadRetrievalSet()
    return await evaluateRetrieval(core, set, await indexRetrievalSet(core, set))
  } finally {
    await core.close()
    await fake?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
