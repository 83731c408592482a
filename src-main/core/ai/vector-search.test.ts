// Vector search over a real SQLite file with sqlite-vec: past a few thousand vectors the
// sign-bit candidates re-ranked exactly give the same nearest pairs as the exact scan, follow
// the table when pairs leave it, and full-text search still finds approved pairs when the best
// text matches are not approved.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../db/open-database'
import { ensureVectorExtension } from '../../db/vector-extension'
import { nearestApproved } from '../../db/queries/pair-embeddings'
import { sourceMigrationsFolder } from '../paths'
import { seedAccounts, seedPair, seedPairs } from '../../../tests/helpers/seed-pairs'
import { hammingCandidates, signBits, type BinaryIndex } from './binary-index'
import { findSimilarApproved } from './similar-pairs'
import { EXACT_UP_TO, createVectorSearch } from './vector-search'

const MODEL = 'text-embedding-3-small'
const DIMS = 64

/** A deterministic pseudo-random unit vector. */
function vectorFor(seed: number): Float32Array {
  let a = seed * 2654435761
  const v = new Float32Array(DIMS)
  for (let i = 0; i < DIMS; i++) {
    a = (a ^ (a << 13)) >>> 0
    a = (a ^ (a >>> 17)) >>> 0
    a = (a ^ (a << 5)) >>> 0
    v[i] = a / 0xffffffff - 0.5
  }
  const norm = Math.hypot(...v)
  return v.map((x) => x / norm)
}

/** The vector of `seed`, moved a little: what a reworded message embeds to. */
function near(seed: number): Float32Array {
  const base = vectorFor(seed)
  const noise = vectorFor(seed + 1_000_000)
  return base.map((x, i) => x + 0.15 * noise[i]!)
}

describe('sign bits', () => {
  it('keep one bit per dimension, set where the value is positive', () => {
    const out = new Uint32Array(2)
    const v = new Float32Array(40)
    v[0] = 0.5
    v[31] = 0.1
    v[32] = 0.2
    v[33] = -0.3
    signBits(v, out, 0)
    expect(out[0]).toBe((1 | (1 << 31)) >>> 0)
    expect(out[1]).toBe(1)
  })

  it('find a slightly moved vector among 5,000 as a candidate', () => {
    const words = DIMS / 32
    const count = 5_000
    const index: BinaryIndex = {
      signature: '',
      words,
      ids: Int32Array.from({ length: count }, (_, i) => i + 1),
      bits: new Uint32Array(count * words),
    }
    for (let i = 0; i < count; i++) signBits(vectorFor(i + 1), index.bits, i * words)
    for (const target of [7, 1234, 4999]) {
      const candidates = hammingCandidates(index, near(target), 100)
      expect(candidates.length).toBe(100)
      expect(candidates).toContain(target)
    }
  })
})

describe('vector search on SQLite', () => {
  let dir: string
  let dbh: OpenedDatabase
  const ids: number[] = []

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-vectors-'))
    dbh = openDatabase(dir, sourceMigrationsFolder())
    await ensureVectorExtension(dbh.sqlite)
    ids.push(...seedPairs(dbh, EXACT_UP_TO + 500, { seed: 5, status: 'approved' }).pairIds)
    const insert = dbh.sqlite.prepare(
      'INSERT INTO pair_embeddings (pair_id, model, dimensions, vector) VALUES (?, ?, ?, ?)',
    )
    dbh.write(() => {
      for (const id of ids) insert.run(id, MODEL, DIMS, Buffer.from(vectorFor(id).buffer))
    })
  })
  afterAll(() => {
    dbh.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('answers as the exact scan does, past the size where it stops scanning', () => {
    const search = createVectorSearch(dbh)
    for (const target of [ids[3]!, ids[1500]!, ids.at(-1)!]) {
      const q = near(target)
      const exact = nearestApproved(dbh, MODEL, DIMS, Buffer.from(q.buffer), 5)
      const approx = search(MODEL, DIMS, q, 5, ids.length)
      expect(approx[0]!.id).toBe(target)
      expect(approx.map((r) => r.id)).toEqual(exact.map((r) => r.id))
      expect(approx[0]!.distance).toBeCloseTo(exact[0]!.distance, 6)
    }
  })

  it('drops a pair that is no longer approved at the next search', () => {
    const search = createVectorSearch(dbh)
    const target = ids[42]!
    expect(search(MODEL, DIMS, near(target), 1, ids.length)[0]!.id).toBe(target)
    dbh.sqlite.prepare("UPDATE training_pairs SET status = 'rejected' WHERE id = ?").run(target)
    const after = search(MODEL, DIMS, near(target), 5, ids.length - 1)
    expect(after.map((r) => r.id)).not.toContain(target)
  })
})

describe('full-text similar pairs', () => {
  it('finds the approved pair even when hundreds of unreviewed pairs match better', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-fts-'))
    const dbh = openDatabase(dir, sourceMigrationsFolder())
    try {
      const [a] = seedAccounts(dbh, ['support@shop.example'])
      for (let i = 0; i < 300; i++) {
        seedPair(dbh, {
          accountId: a!,
          client: 'Refund refund refund for the broken kettle, refund please',
          reply: 'Refunded.',
        })
      }
      const approved = seedPair(dbh, {
        accountId: a!,
        status: 'approved',
        client: 'I would like a refund for my order, it came late and the box was open.',
        reply: 'We have refunded the order to your card.',
      })
      const hits = findSimilarApproved(dbh, 'Can I get a refund for the kettle?', 5)
      expect(hits.map((h) => h.id)).toEqual([approved])
    } finally {
      dbh.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
