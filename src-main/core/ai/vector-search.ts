// Nearest approved pairs to a query vector. Up to a few thousand vectors an exact float scan
// in SQLite is fast enough; beyond that, sign-bit candidates from the in-memory binary index
// (binary-index.ts) are re-ranked by exact cosine distance, which keeps a query over 100,000
// pairs in milliseconds. Needs sqlite-vec loaded on the connection.
import type { DbHandle } from '../../db/connection'
import type { SimilarPairRow } from '../../db/queries/pairs-similar'
import {
  embeddingIndexes,
  nearestApproved,
  nearestApprovedAmong,
} from '../../db/queries/pair-embeddings'
import { createBinaryIndexCache, hammingCandidates } from './binary-index'

/** Below this many stored vectors every search is exact. */
export const EXACT_UP_TO = 2_000
/** Sign-bit candidates re-ranked exactly per query. */
export const RERANKED = 256

export type VectorHit = SimilarPairRow & { distance: number }

export type VectorSearch = (
  model: string,
  dimensions: number,
  query: number[] | Float32Array,
  k: number,
  stored: number,
) => VectorHit[]

export function createVectorSearch(dbh: DbHandle): VectorSearch {
  const indexFor = createBinaryIndexCache(dbh)
  return (model, dimensions, query, k, stored) => {
    const floats = query instanceof Float32Array ? query : new Float32Array(query)
    const bytes = Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength)
    if (stored <= EXACT_UP_TO) return nearestApproved(dbh, model, dimensions, bytes, k)
    const ids = hammingCandidates(indexFor(model, dimensions), floats, Math.max(RERANKED, k))
    return nearestApprovedAmong(dbh, model, dimensions, bytes, ids, k)
  }
}

export interface ServingIndex {
  model: string
  dimensions: number
  embedded: number
}

/**
 * The index that answers searches: the configured one, unless the model or size changed and an
 * older index still holds more pairs: that one keeps serving (queries are embedded with its
 * model) until the new one has caught up, so search never drops to full text meanwhile.
 * One small row per index (kept by triggers): this runs before every search.
 */
export function servingIndex(
  dbh: DbHandle,
  configured: { model: string; dimensions: number },
): ServingIndex {
  const { model, dimensions } = configured
  const indexes = embeddingIndexes(dbh)
  const own = indexes.find((i) => i.model === model && i.dimensions === dimensions)?.embedded ?? 0
  const best = indexes[0]
  return best && best.embedded > own ? best : { model, dimensions, embedded: own }
}
