// Word-form folding for full-text search. FTS5's porter tokenizer stems English only, so
// both languages are stemmed here (Snowball) and the stemmed text is what FTS5 indexes:
// заказ / заказа / заказом and order / orders / ordered each meet in one term.
import * as snowball from 'snowball-stemmers'

const russian = snowball.newStemmer('russian')
const english = snowball.newStemmer('english')

const WORD = /[\p{L}\p{N}]+/gu
const CYRILLIC = /[\u0400-\u04ff]/
const MAX_CACHE = 200_000

// Mail vocabulary is Zipfian: a bounded cache makes stemming a map lookup for most words.
const cache = new Map<string, string>()

export function stemWord(raw: string): string {
  const word = raw.toLowerCase().replace(/ё/g, 'е')
  const hit = cache.get(word)
  if (hit !== undefined) return hit
  let stem = word
  if (word.length > 2 && !/\d/.test(word)) {
    stem = CYRILLIC.test(word) ? russian.stem(word) : english.stem(word)
  }
  if (cache.size >= MAX_CACHE) cache.clear()
  cache.set(word, stem)
  return stem
}

/** The text FTS5 indexes: every word replaced by its stem, separated by spaces. */
export function stemText(text: string | null | undefined, maxChars = 64_000): string {
  if (!text) return ''
  const input = text.length > maxChars ? text.slice(0, maxChars) : text
  const out: string[] = []
  for (const match of input.matchAll(WORD)) out.push(stemWord(match[0]))
  return out.join(' ')
}

/**
 * Turns what a user typed into a safe FTS5 MATCH expression: each word is stemmed and
 * quoted (so FTS5 operators in user input are inert), all words must match, and the last
 * word also matches as a prefix so results follow the typing. Returns null for no words.
 */
export function toFtsQuery(input: string): string | null {
  const words = [...input.matchAll(WORD)].map((m) => stemWord(m[0]))
  if (words.length === 0) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}
