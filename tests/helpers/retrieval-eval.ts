// Retrieval quality on the labelled set (tests/fixtures/kb/retrieval-set.json): its pairs are
// stored approved in a real database, embedded through the fake OpenAI by the real job, and
// each query is asked of hybrid search (kb.search), of full text alone and of the vector
// neighbours alone, as search runs them. Precision@5: of the five pairs returned, the share
// labelled as answering the query (a missing result counts as a wrong one).
import fs from 'node:fs'
import path from 'node:path'
import type { Core } from '../../src-main/core/core'
import { findSimilarApproved } from '../../src-main/core/ai/similar-pairs'
import { SIMILARITY_FLOOR } from '../../src-main/core/ai/kb-service'
import { createVectorSearch } from '../../src-main/core/ai/vector-search'
import { ensureVectorExtension } from '../../src-main/db/vector-extension'
import { requestEmbeddings } from '../../src-main/core/ai/embedding-requests'
import { seedAccounts, seedPair } from './seed-pairs'

export interface RetrievalSet {
  pairs: Array<{ id: string; topic: string; language: 'en' | 'ru'; client: string; reply: string }>
  queries: Array<{ id: string; language: 'en' | 'ru'; text: string; relevant: string[] }>
}

export type Retriever = 'hybrid' | 'fulltext' | 'vector'

export interface RetrievalReport {
  queries: number
  pairs: number
  /** The embedding model and size the vectors came from. */
  model: string
  dimensions: number
  /** Mean precision@5 per retriever, overall and per language of the query. */
  precision: Record<Retriever, { all: number; en: number; ru: number }>
  /** Per query: the labelled ids each retriever returned in its top 5, in order. */
  perQuery: Array<{ id: string; found: Record<Retriever, string[]> }>
}

const K = 5

export function loadRetrievalSet(): RetrievalSet {
  const file = path.join(__dirname, '..', 'fixtures', 'kb', 'retrieval-set.json')
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RetrievalSet
}

/** Stores the set's pairs as approved pairs of one account and embeds them (AI on, fake). */
export async function indexRetrievalSet(
  core: Core,
  set: RetrievalSet,
): Promise<Map<number, string>> {
  const [account] = seedAccounts(core.dbh, ['support@shop.example'])
  const labels = new Map<number, string>()
  for (const p of set.pairs) {
    const id = seedPair(core.dbh, {
      accountId: account!,
      status: 'approved',
      language: p.language,
      client: p.client,
      reply: p.reply,
    })
    labels.set(id, p.id)
  }
  const r = await core.kb.embed()
  if (r.status.pending !== 0) throw new Error(`${r.status.pending} pairs left unembedded`)
  return labels
}

export async function evaluateRetrieval(
  core: Core,
  set: RetrievalSet,
  labels: Map<number, string>,
): Promise<RetrievalReport> {
  const status = await core.kb.status()
  await ensureVectorExtension(core.dbh.sqlite)
  const nearest = createVectorSearch(core.dbh)
  const conn = await core.ai.connect()
  if (!conn) throw new Error('no OpenAI key stored')
  const perQuery: RetrievalReport['perQuery'] = []
  const sums = {} as Record<Retriever, { all: number; en: number; ru: number }>
  for (const r of ['hybrid', 'fulltext', 'vector'] as const) sums[r] = { all: 0, en: 0, ru: 0 }
  const counts = { en: 0, ru: 0 }
  for (const q of set.queries) {
    const hybrid = await core.kb.search(q.text, K)
    if (hybrid.mode !== 'hybrid')
      throw new Error(`search fell back to full text: ${hybrid.fallback}`)
    const fulltext = findSimilarApproved(core.dbh, q.text, K)
    // The vector retriever as search runs it: the provider's vector of the query, its nearest
    // stored neighbours, none below the similarity floor.
    const [queryVector] = await requestEmbeddings(conn, [q.text], status)
    const vector = nearest(
      status.model,
      status.dimensions,
      queryVector!,
      K,
      status.embedded,
    ).filter((v) => 1 - v.distance >= SIMILARITY_FLOOR)
    const found = {
      hybrid: hybrid.hits.map((h) => labels.get(h.id)!),
      fulltext: fulltext.map((h) => labels.get(h.id)!),
      vector: vector.map((h) => labels.get(h.id)!),
    }
    const relevant = new Set(q.relevant)
    counts[q.language]++
    for (const r of ['hybrid', 'fulltext', 'vector'] as const) {
      const p = found[r].slice(0, K).filter((id) => relevant.has(id)).length / K
      sums[r].all += p
      sums[r][q.language] += p
    }
    perQuery.push({ id: q.id, found })
  }
  const mean = (s: { all: number; en: number; ru: number }) => ({
    all: s.all / set.queries.length,
    en: counts.en ? s.en / counts.en : 0,
    ru: counts.ru ? s.ru / counts.ru : 0,
  })
  return {
    queries: set.queries.length,
    pairs: set.pairs.length,
    model: status.model,
    dimensions: status.dimensions,
    precision: {
      hybrid: mean(sums.hybrid),
      fulltext: mean(sums.fulltext),
      vector: mean(sums.vector),
    },
    perQuery,
  }
}
