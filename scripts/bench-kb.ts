// npm run bench:kb: similar-case search over 100,000 approved pairs with 512-dimension vectors.
// Seeds the pairs (cached after the first run) and stores a vector for each (the fake OpenAI's
// deterministic embedding of the client text), then times, per query and on this machine:
// the exact float scan, the sign-bit candidates re-ranked exactly (what search uses above a
// few thousand vectors), full text, and the whole hybrid retrieval (full text + vectors +
// rank fusion; the provider's embedding call for the query is not ours and is left out). It
// also prints how many of the exact top 5 the approximate search finds, and what the vectors
// cost on disk per 1,000 pairs.
//   npm run bench:kb -- [--pairs 100000] [--queries 40]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../src-main/db/open-database'
import { sourceMigrationsFolder } from '../src-main/core/paths'
import { ensureVectorExtension } from '../src-main/db/vector-extension'
import { nearestApproved } from '../src-main/db/queries/pair-embeddings'
import { createVectorSearch } from '../src-main/core/ai/vector-search'
import { findSimilarApproved } from '../src-main/core/ai/similar-pairs'
import { reciprocalRankFusion } from '../src-main/core/ai/rank-fusion'
import { seededDataDir } from '../tests/helpers/seed-pairs'
import { fakeEmbedding } from '../tests/fakes/fake-openai/server'

const MODEL = 'text-embedding-3-small'
const DIMS = 512
const TARGET_P95_MS = 50

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
const fmt = (xs: number[]): string =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '40' },
    },
  })
  const n = Number(values.pairs)
  const queries = Number(values.queries)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-kb-'))
  try {
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
      'INSERT OR REPLACE INTO pair_embeddings (pair_id, model, dimensions, vector) VALUES (?, ?, ?, ?)',
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
      t = performance.now()
      reciprocalRankFusion<{ id: number }>([
        { name: 'fulltext', items: findSimilarApproved(dbh, asked[i]!, 20) },
        { name: 'vector', items: search(MODEL, DIMS, v, 20, pairs.length) },
      ])
      hybrid.push(performance.now() - t)
      void ft
    }
    dbh.close()
    const recall = found / (queries * 5)
    const ok = (v: number, target: number): string => (v < target ? 'ok  ' : 'MISS')
    process.stdout.write(
      [
        `bench:kb: ${pairs.length.toLocaleString('en-US')} approved pairs, ${DIMS}-dimension vectors, ${queries} queries, 2 cores`,
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
