// Word-form folding for full-text search. FTS5's porter tokenizer stems English only, so words
// are stemmed here (Snowball) and the stemmed text is what FTS5 indexes: заказ / заказа /
// заказом, order / orders / ordered, Bestellung / Bestellungen each meet in one term.
// Cyrillic words take the Russian stemmer. Latin words take the stemmer of the text's language,
// told by its function words (English unless another language's clearly outnumber them), so a
// German message is indexed with German stems. A query does not say its language: each of its
// words matches any of its stems under the stemmers mail is indexed with.
import * as snowball from 'snowball-stemmers'
import { latinStemLanguage } from './stem-language'

/** Snowball algorithms by ISO 639-1 code, for the Latin-script languages we tell apart. */
const LATIN_ALGORITHMS: Record<string, string> = {
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  nl: 'dutch',
  sv: 'swedish',
  da: 'danish',
  no: 'norwegian',
  cs: 'czech',
  tr: 'turkish',
}

interface Stemmer {
  stem(word: string): string
}
const stemmers = new Map<string, Stemmer>()
function stemmerFor(algorithm: string): Stemmer {
  let s = stemmers.get(algorithm)
  if (!s) {
    s = snowball.newStemmer(algorithm) as Stemmer
    stemmers.set(algorithm, s)
  }
  return s
}

const WORD = /[\p{L}\p{N}]+/gu
const CYRILLIC = /[\u0400-\u04ff]/
const DIGIT = /\d/
const MAX_CACHE = 200_000

// Mail vocabulary is Zipfian: a bounded cache makes stemming a map lookup for most words.
const cache = new Map<string, string>()

function normalise(raw: string): string {
  return raw.toLowerCase().replace(/ё/g, 'е')
}

/** One word's stem; Latin words under the given language's stemmer (English by default). */
export function stemWord(raw: string, latin = 'en'): string {
  const word = normalise(raw)
  const key = latin === 'en' ? word : `${latin}\0${word}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  let stem = word
  if (word.length > 2 && !DIGIT.test(word)) {
    stem = CYRILLIC.test(word)
      ? stemmerFor('russian').stem(word)
      : stemmerFor(LATIN_ALGORITHMS[latin] ?? 'english').stem(word)
  }
  if (cache.size >= MAX_CACHE) cache.clear()
  cache.set(key, stem)
  return stem
}

/** The text FTS5 indexes: every word replaced by its stem, separated by spaces. */
export function stemText(text: string | null | undefined, maxChars = 64_000): string {
  if (!text) return ''
  const input = text.length > maxChars ? text.slice(0, maxChars) : text
  const latin = latinStemLanguage(input)
  const out: string[] = []
  for (const match of input.matchAll(WORD)) out.push(stemWord(match[0], latin))
  return out.join(' ')
}

/** Every stem a typed word may have been indexed under, English's first. */
function stemsOf(raw: string): string[] {
  if (CYRILLIC.test(raw)) return [stemWord(raw)]
  const out = new Set<string>()
  for (const lang of Object.keys(LATIN_ALGORITHMS)) out.add(stemWord(raw, lang))
  return [...out]
}

/** One typed word of a search: the stems it matches, and whether as a prefix too. */
export interface QueryTerm {
  stems: string[]
  prefix: boolean
}

/** The words of what a user typed, each with its stems; the last one also matches as a
 * prefix, so results follow the typing. */
export function queryTerms(input: string): QueryTerm[] {
  const words = [...input.matchAll(WORD)].map((m) => m[0])
  return words.map((word, i) => ({ stems: stemsOf(word), prefix: i === words.length - 1 }))
}

/** Each word of a text with where it stands and the stem the index holds for it. */
export function stemmedWords(
  text: string,
  latin = latinStemLanguage(text),
): Array<{ start: number; end: number; stem: string }> {
  const out: Array<{ start: number; end: number; stem: string }> = []
  for (const m of text.matchAll(WORD)) {
    out.push({ start: m.index, end: m.index + m[0].length, stem: stemWord(m[0], latin) })
  }
  return out
}

/**
 * Turns what a user typed into a safe FTS5 MATCH expression: each word is stemmed and quoted
 * (so FTS5 operators in user input are inert), all words must match, each under any of its
 * stems, and the last word also matches as a prefix. Returns null for no words.
 */
export function toFtsQuery(input: string): string | null {
  const terms = queryTerms(input)
  if (terms.length === 0) return null
  return terms
    .map(({ stems, prefix }) => {
      const alternatives = stems.map((stem) => `"${stem}"${prefix ? '*' : ''}`)
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`
    })
    .join(' AND ')
}
