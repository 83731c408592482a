// Retrieval quality held on the labelled English and Russian set (tests/fixtures/kb): hybrid
// search (the real kb.search over a real SQLite file, vectors made by the job through the fake
// OpenAI) returns pairs that answer the query. The fake's vectors are hashed character
// trigrams, not a language model's, so these floors hold the full-text side and the fusion;
// `npm run bench:kb` prints the figures, docs/performance.md records them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { startKbCore } from '../../../tests/helpers/kb-core'
import {
  evaluateRetrieval,
  indexRetrievalSet,
  loadRetrievalSet,
  type RetrievalReport,
} from '../../../tests/helpers/retrieval-eval'
import { tempDir } from '../../../tests/helpers/temp'
import { startFakeOpenAI, type FakeOpenAI } from '../../../tests/fakes/fake-openai'

const tmp = tempDir()
let fake: FakeOpenAI
let core: Core
let report: RetrievalReport

beforeAll(async () => {
  fake = await startFakeOpenAI()
  core = await startKbCore({ dataDir: tmp.dir, openai: fake })
  const set = loadRetrievalSet()
  report = await evaluateRetrieval(core, set, await indexRetrievalSet(core, set))
})
afterAll(async () => {
  await core?.close()
  await fake?.close()
  tmp.cleanup()
})

describe('retrieval on the labelled set', () => {
  it('is a set where precision@5 means something: every query has at least 5 answers', () => {
    const set = loadRetrievalSet()
    const ids = new Set(set.pairs.map((p) => p.id))
    expect(set.queries.length).toBeGreaterThanOrEqual(40)
    for (const q of set.queries) {
      expect(q.relevant.length).toBeGreaterThanOrEqual(5)
      for (const id of q.relevant) expect(ids.has(id)).toBe(true)
    }
    expect(new Set(set.queries.map((q) => q.language))).toEqual(new Set(['en', 'ru']))
  })

  it('keeps hybrid precision@5 at its measured level in both languages (0.70 on 2026-12-05)', () => {
    expect(report.precision.hybrid.all).toBeGreaterThanOrEqual(0.68)
    expect(report.precision.hybrid.en).toBeGreaterThanOrEqual(0.64)
    expect(report.precision.hybrid.ru).toBeGreaterThanOrEqual(0.64)
    // Full text alone, which also carries search offline.
    expect(report.precision.fulltext.all).toBeGreaterThanOrEqual(0.68)
  })
})
