// The knowledge base index: embeddings of approved pairs' client texts (OpenAI embeddings in
// SQLite, searched with sqlite-vec) and hybrid search merging them with full text.
import { z } from 'zod'
import { method, noInput, type NoInput } from './define'
import type { SimilarPair } from './ai'

export interface KbStatus {
  model: string
  dimensions: number
  /** Approved pairs (not orphaned): what the index should hold. */
  approved: number
  embedded: number
  pending: number
  /** Bytes of the stored vectors of this model and size. */
  vectorBytes: number
  /** Whether sqlite-vec loads here; without it search is full text only. */
  vectorSearch: boolean
  /** While this index is being built after a change of model or size, the previous one keeps
   * answering searches: which one, and how many pairs it holds. Null when this one answers. */
  serving: { model: string; dimensions: number; embedded: number } | null
}

/** What embedding the pending pairs will send, before it is sent. */
export interface KbEstimate {
  model: string
  pairs: number
  /** Tokens of the (redacted) client texts, counted with the model's tokenizer. */
  tokens: number
  /** At the model's list price; null for a model whose price ReplyBase does not know. */
  estimatedUsd: number | null
}

export interface KbProgress {
  embedded: number
  total: number
}

export interface KbEmbedResult {
  /** Pairs embedded by this run. */
  embedded: number
  requests: number
  status: KbStatus
}

export type KbRetriever = 'fulltext' | 'vector'

/** Why a search used full text only. */
export type KbFallback =
  'ai_off' | 'no_key' | 'offline' | 'no_vectors' | 'no_extension' | 'provider_error'

export interface KbHit extends SimilarPair {
  /** Which retrievers found it (reciprocal rank fusion merges their ranks). */
  retrievers: KbRetriever[]
  /** Cosine similarity to the query when the vector retriever found it. */
  similarity: number | null
}

export interface KbSearchResult {
  mode: 'hybrid' | 'fulltext'
  /** Set when mode is 'fulltext': why vectors were not used. */
  fallback: KbFallback | null
  hits: KbHit[]
  /** Nothing approved is close enough: no full-text match and no vector above the floor. */
  noCloseMatch: boolean
}

const searchInput = z
  .object({
    text: z.string().trim().min(1).max(20_000),
    k: z.number().int().min(1).max(50).optional(),
  })
  .strict()

export const kbContract = {
  'kb.status': method<NoInput, KbStatus>(noInput),
  /** Embeds every approved pair not yet in the index, in batches; resumable (each batch is
   * committed). Progress as kb.progress events. Errors: ai_disabled, openai_<problem>. */
  'kb.embed': method<NoInput, KbEmbedResult>(noInput),
  /** Counts what kb.embed would send (pairs, tokens, price); sends nothing. */
  'kb.estimate': method<NoInput, KbEstimate>(noInput),
  /** Full text and vector neighbours merged by reciprocal rank fusion; full text alone (and
   * why) without AI, key, network or vectors. Default k 5. */
  'kb.search': method<typeof searchInput, KbSearchResult>(searchInput),
}
