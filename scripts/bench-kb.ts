// npm run bench:kb: similar-case search over 100,000 approved pairs with 512-dimension vectors.
// Seeds the pairs (cached after the first run) and stores a vector for each (the fake OpenAI's
// deterministic embedding of the client text), then times, per query and on this machine:
// the exact float scan, the sign-bit candidates re-ranked exactly (what search uses above a
// few thousand vectors), full text, and the whole hybrid retrieval (full text + vectors +
// rank fusion; the provider's embedding call for the query is not ours and is left out). It
// also prints how many of the exact top 5 the approximate search finds, and what the vectors
// cost on disk per 1,000 pairs. Then, against the fake OpenAI (bench-kb-quality.ts): the
// embedding job's throughput under a tokens-per-minute limit (a 60 s sliding window, as
// OpenAI's), and precision@5 of hybrid search, full text and vectors on the labelled set.
//   npm run bench:kb -- [--pairs 100000] [--queries 40] [--skip-search]
//     [--tpm-limit 20000] [--tpm-window-s 60] [--tpm-pairs 1000] [--tpm-latency-ms 150]
//   OPENAI_API_KEY=… npm run bench:kb -- --skip-search --provider-url https://api.openai.com/v1
//     measures precision with the provider's own vectors (about 10,000 tokens) instead of the
//     fake's, and skips the throughput run, which needs the fake's limit.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../src-main/db/open-database'
import { sourceMigrationsFolder } from '../src-main/core/paths'
import { ensureVectorExtension } from '../src-main/db/vector-extension'
import { nearestApproved } from '../src-main/db/queries/pair-embeddings'
import { createVectorSearch, servingIndex } from '../src-main/core/ai/vector-search'
import { findSimilarApproved } from '../src-main/core/ai/similar-pairs'
import { reciprocalRankFusion } from '../src-main/core/ai/rank-fusion'
import { seededDataDir } from '../tests/helpers/seed-pairs'
import { fakeEmbedding } from '../tests/fakes/fake-openai/server'
import { embeddingThroughput, retrievalQuality } from './bench-kb-quality'
import { fmt, pct } from './bench-kit'

const MODEL = 'text-embedding-3-small'
const DIMS = 512
const TARGET_P95_MS = 50
const TARGET_TPM_SHARE = 0.9
const TARGET_PRECISION = 0.8

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '40' },
      'skip-search': { type: 'boolean', default: false },
      'tpm-limit': { type: 'string', default: '20000' },
      'tpm-window-s': { type: 'string', default: '60' },
      'tpm-pairs': { type: 'string', default: '1000' },
      'tpm-latency-ms': { type: 'string', default: '150' },
      'provider-url': { type: 'string' },
    },
  })
  const providerUrl = values['provider-url']
  const apiKey = process.env.OPENAI_API_KEY
  if (providerUrl && !apiKey) throw new Error('--provider-url needs OPENAI_API_KEY set')
  if (!values['skip-search']) await searchSpeed(Number(values.pairs), Number(values.queries))
  await quality(providerUrl ? { baseUrl: providerUrl, apiKey: apiKey! } : undefined, {
    limit: Number(values['tpm-limit']),
    windowMs: Number(values['tpm-window-s']) * 1000,
    pairs: Number(values['tpm-pairs']),
    latencyMs: Number(values['tpm-latency-ms']),
  })
}

async function quality(
  provider: { baseUrl: string; apiKey: string } | undefined,
  tpm: Parameters<typeof embeddingThroughput>[0],
): Promise<void> {
  process.stderr.write('retrieval on the labelled set…\n')
  const r = await retrievalQuality(provider)
  const p = (x: { all: number; en: number; ru: number }): string =>
    `${x.all.toFixed(3)} (en ${x.en.toFixed(2)}, ru ${x.ru.toFixed(2)})`
  const mark = (ok: boolean): string => (ok ? 'ok  ' : 'MISS')
  process.stdout.write(
    [
      `retrieval, labelled set: ${r.queries} queries (en + ru), ${r.pairs} approved pairs, precision@5`,
      provider
        ? `  vectors from ${provider.baseUrl} (${r.model}, ${r.dimensions} dimensions)`
        : `  vectors are the fake OpenAI's hashed character trigrams, not a language model's embeddings`,
      `  ${mark(r.precision.hybrid.all >= TARGET_PRECISION)} hybrid (full text + vectors, RRF)  ${p(r.precision.hybrid)} (target >= ${TARGET_PRECISION})`,
      `       full text alone                  ${p(r.precision.fulltext)}`,
      `       vectors alone                    ${p(r.precision.vector)}`,
      '',
    ].join('\n'),
  )
  if (provider) return // the throughput run needs the fake's limit
  process.stderr.write(
    `embedding ${tpm.pairs} pairs under ${tpm.limit} tokens per ${tpm.windowMs / 1000} s (takes a few windows)…\n`,
  )
  const t = await embeddingThroughput(tpm)
  const perWindow = (t.tokens / t.wallMs) * t.windowMs
  const share = t.utilisation
  process.stdout.write(
    [
      `embedding under a tokens-per-minute limit: ${t.limit.toLocaleString('en-US')} tokens per ${t.windowMs / 1000} s window (fake OpenAI, ${tpm.latencyMs} ms latency)`,
      `  ${mark(share !== null && share >= TARGET_TPM_SHARE)} share of the limit used    ${share === null ? 'n/a (run shorter than a window)' : `${(share * 100).toFixed(1)} %`} of the whole windows' allowance (target >= ${TARGET_TPM_SHARE * 100} %)`,
      `  ${mark(t.failedPairs === 0 && !t.error)} failed pairs              ${t.failedPairs} of ${t.pairs}${t.error ? ` (${t.error})` : ''} (target 0)`,
      `       tokens sent               ${t.tokens.toLocaleString('en-US')} in ${(t.wallMs / 1000).toFixed(1)} s, ${Math.round(perWindow).toLocaleString('en-US')} per ${t.windowMs / 1000} s over the whole run (its first window's burst included)`,
      `       requests                  ${t.requests} admitted, ${t.refused} refused with 429`,
      '',
    ].join('\n'),
  )
}

async function searchSpeed(n: number, queries: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-kb-'))
  try {
    const loadBefore = os.loadavg()[0]!.toFixed(1)
    process.stderr.write(`seeding ${n.toLocaleString('en-US')} approved pairs…\n`)
    seededDataDir(dir, n, { status: 'approved', seed: 21 })
    const dbh = openDatabase(dir, sourceMigrationsFolder())
    await ensureVectorExtension(dbh.sqlite)
    const dbFile = path.join(dir, 'replybase.db')
    const sizeBefore = fs.statSync(dbFile).size
    const pairs = dbh.sqlite
      .prepare('SELECT id, client_text AS text FROM training_pairs ORDER BY id')
      .all() as Array<{ id: number; text: string }>
    process.stderr.write(`embedding ${pairs.length.toLocaleString('en-US')} client texts…\n`)
    const insert = dbh.sqlite.prepare(
      'INSERT INTO pair_embeddings (pair_id, model, dimensions, vector) VALUES (?, ?, ?, ?)',
    )
    dbh.write(() => {
      for (const p of pairs) {
        const v = new Float32Array(fakeEmbedding(p.text, DIMS))
        insert.run(p.id, MODEL, DIMS, Buffer.from(v.buffer))
      }
    })
    dbh.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const growth = ((fs.statSync(dbFile).size - sizeBefore) / pairs.length) * 1000

    // Queries: real client texts reworded slightly (a word dropped), as a new message would be.
    const step = Math.max(1, Math.floor(pairs.length / queries))
    const asked = Array.from({ length: queries }, (_, i) => {
      const words = pairs[(i * step) % pairs.length]!.text.split(/\s+/)
      return words.filter((_, j) => j !== 2).join(' ')
    })
    const vectors = asked.map((q) => new Float32Array(fakeEmbedding(q, DIMS)))
    const search = createVectorSearch(dbh)

    const t0 = performance.now()
    search(MODEL, DIMS, vectors[0]!, 5, pairs.length) // builds the sign-bit index
    const buildMs = performance.now() - t0

    const exact: number[] = []
    const approx: number[] = []
    const fulltext: number[] = []
    const hybrid: number[] = []
    let found = 0
    for (let i = 0; i < queries; i++) {
      const v = vectors[i]!
      const bytes = Buffer.from(v.buffer)
      let t = performance.now()
      const truth = nearestApproved(dbh, MODEL, DIMS, bytes, 5)
      exact.push(performance.now() - t)
      t = performance.now()
      const near = search(MODEL, DIMS, v, 20, pairs.length)
      approx.push(performance.now() - t)
      const top = new Set(near.slice(0, 5).map((r) => r.id))
      found += truth.filter((r) => top.has(r.id)).length
      t = performance.now()
      const ft = findSimilarApproved(dbh, asked[i]!, 20)
      fulltext.push(performance.now() - t)
      // What kb.search runs, but for the provider's embedding of the query: full text, the
      // index that serves, its nearest vectors, the fusion.
      t = performance.now()
      const hits = findSimilarApproved(dbh, asked[i]!, 20)
      const serving = servingIndex(dbh, { model: MODEL, dimensions: DIMS })
      reciprocalRankFusion<{ id: number }>([
        { name: 'fulltext', items: hits },
        {
          name: 'vector',
          items: search(serving.model, serving.dimensions, v, 20, serving.embedded),
        },
      ])
      hybrid.push(performance.now() - t)
      void ft
    }
    dbh.close()
    const recall = found / (queries * 5)
    const ok = (v: number, target: number): string => (v < target ? 'ok  ' : 'MISS')
    process.stdout.write(
      [
        `bench:kb: ${pairs.length.toLocaleString('en-US')} approved pairs, ${DIMS}-dimension vectors, ${queries} queries, ${os.cpus().length} cores, load average ${loadBefore} before, ${os.loadavg()[0]!.toFixed(1)} after (a loaded machine slows SQLite reads most)`,
        `  exact float scan (baseline)       ${fmt(exact)}`,
        `  sign bits + exact re-rank          ${fmt(approx)} (index built in ${buildMs.toFixed(0)} ms, once per change)`,
        `  approximate top 5 vs exact top 5   ${(recall * 100).toFixed(1)} % found`,
        `  full text                          ${fmt(fulltext)}`,
        `  ${ok(pct(hybrid, 95), TARGET_P95_MS)} hybrid retrieval            ${fmt(hybrid)} (target p95 < ${TARGET_P95_MS} ms; ${(pct(exact, 95) / pct(hybrid, 95)).toFixed(1)}× faster than the exact scan alone)`,
        `  database growth                    ${(growth / 1024).toFixed(0)} KB per 1,000 pairs embedded`,
        '',
      ].join('\n'),
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
