// Approved pairs whose client text resembles a new message, ranked by FTS5's bm25 over the
// stemmed index (https://sqlite.org/fts5.html#the_bm25_function). Local: works offline.
// Words of the approved reply count too, at a third of the client text's weight: a reply
// names what the case was about ('refund', 'reset link') in the words clients often skip.
import type { SimilarPair } from '@contract/ai'
import type { DbHandle } from '../../db/connection'
import { stemText } from '../../db/stem'
import {
  indexedPairCount,
  searchApprovedByText,
  termPairCounts,
} from '../../db/queries/pairs-similar'

/** A long message would make a huge OR query; this many distinct terms rank well enough. */
const MAX_TERMS = 48

/** Short function words in both languages that only add noise to an OR query (stemmed forms). */
const STOP = new Set(
  stemText(
    'the and for you your our with this that have has are was were will would can could ' +
      'please thank thanks hello regards from not but all any there their they what when ' +
      'как что это для вас нам мне его она они там так уже или если при вот все ещё ' +
      'спасибо здравствуйте добрый день пожалуйста уважением',
  ).split(' '),
)

/** In a large base, a word found in more than this share of pairs tells them little apart (its
 * bm25 weight is near zero) and costs the most to read: it is left out of the query. */
const COMMON_SHARE = 0.1
/** Below this many pairs every word is kept: reading them all is cheap. */
const PRUNE_FROM = 5_000
/** However common, a query keeps at least its rarest few words. */
const MIN_TERMS = 4

/** Term counts per connection, dropped when the base has grown or shrunk by a tenth. */
const termCache = new WeakMap<object, { total: number; counts: Map<string, number> }>()

function commonTerms(dbh: DbHandle, stems: string[]): Set<string> {
  const total = indexedPairCount(dbh)
  if (total < PRUNE_FROM) return new Set()
  let cache = termCache.get(dbh.sqlite)
  if (!cache || Math.abs(total - cache.total) > cache.total / 10) {
    cache = { total, counts: new Map() }
    termCache.set(dbh.sqlite, cache)
  }
  const missing = stems.filter((s) => !cache.counts.has(s))
  for (const [term, n] of termPairCounts(dbh, missing)) cache.counts.set(term, n)
  const byRarity = [...stems].sort((a, b) => cache.counts.get(a)! - cache.counts.get(b)!)
  return new Set(
    byRarity.slice(MIN_TERMS).filter((s) => cache.counts.get(s)! > total * COMMON_SHARE),
  )
}

export function isStopStem(stem: string): boolean {
  return STOP.has(stem)
}

/**
 * An FTS5 expression matching any significant word of `text` in the client or reply column,
 * or null.
 * Words are stemmed and quoted, so nothing the mail says is read as FTS5 syntax.
 */
export function similarityQuery(text: string, dbh?: DbHandle): string | null {
  const stems: string[] = []
  const seen = new Set<string>()
  for (const stem of stemText(text).split(' ')) {
    if (stem.length < 3 || STOP.has(stem) || seen.has(stem) || /^\d+$/.test(stem)) continue
    seen.add(stem)
    stems.push(stem)
    if (stems.length >= MAX_TERMS) break
  }
  const common = dbh ? commonTerms(dbh, stems) : new Set<string>()
  const terms = stems.filter((s) => !common.has(s)).map((s) => `"${s}"`)
  return terms.length ? `{client reply} : (${terms.join(' OR ')})` : null
}

export function findSimilarApproved(dbh: DbHandle, text: string, limit: number): SimilarPair[] {
  const match = similarityQuery(text, dbh)
  if (!match) return []
  const rows = searchApprovedByText(dbh, match, limit)
  return rows.map((r) => ({
    id: r.id,
    score: Number(r.score.toPrecision(4)),
    clientText: r.clientText,
    replyText: r.replyText,
    language: r.language as SimilarPair['language'],
    subject: r.subject ?? '',
    sentAt: r.sentAt,
  }))
}
