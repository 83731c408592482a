// Charset guessing for text that arrived without a usable label. Statistical detectors
// (chardet, jschardet) guess Shift_JIS or koi8-t for a short Russian "Спасибо", so we score
// each candidate decoding with Russian letter frequencies instead: the right decoding yields
// common lower-case letters, the wrong ones yield rare letters, capitals in mid-word, box
// drawing or Latin-1 symbols.
import { isAscii, isUtf8 } from 'node:buffer'
import { decoderFor } from './charset-labels'

/** Single-byte Cyrillic encodings we choose among, most common in Russian mail first. */
export const CYRILLIC_CANDIDATES = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5'] as const
export type CyrillicCandidate = (typeof CYRILLIC_CANDIDATES)[number]

// Letter frequencies per mille (Russian National Corpus); і/ї/є/ґ/ў for Ukrainian and
// Belarusian mail, kept low so that they do not pull iso-8859-5 over windows-1251.
// prettier-ignore
const LETTER_FREQ: Record<string, number> = {
  о: 109.7, е: 84.5, а: 80.1, и: 73.5, н: 67, т: 62.6, с: 54.7, р: 47.3, в: 45.4, л: 44,
  к: 34.9, м: 32.1, д: 29.8, п: 28.1, у: 26.2, я: 20.1, ы: 19, ь: 17.4, г: 17, з: 16.5,
  б: 15.9, ч: 14.4, й: 12.1, х: 9.7, ж: 9.4, ш: 7.3, ю: 6.4, ц: 4.8, щ: 3.6, э: 3.2,
  ф: 2.6, ъ: 0.4, ё: 1, і: 8, ї: 1.5, є: 1.5, ґ: 0.2, ў: 0.5,
}
// Punctuation that Cyrillic code pages place in the high half: « » – — … № NBSP quotes etc.
const COMMON_SYMBOLS = '\u00a0«»–—…№’‘“”„•·§©®°±€™'

const SCORE_LOWER_RARE = Math.log(0.00005) // other Cyrillic letters (Serbian, Macedonian...)
const SCORE_SYMBOL = Math.log(0.005)
const SCORE_OTHER = Math.log(0.00005) // box drawing, Latin-1 letters, C1 controls
const SCORE_REPLACEMENT = Math.log(0.000001)
const CAPITAL_FACTOR = Math.log(0.15) // capitals are rarer than lower case
const MID_WORD_CAPITAL = Math.log(0.02) // "ъДТБ": a capital right after a lower-case letter
const MIXED_SCRIPT = Math.log(0.01) // "cafй": Cyrillic glued to Latin letters

/** Per-byte lookup tables of one candidate encoding, built once at module load. */
interface ByteTables {
  encoding: string
  /** Score of the character each high byte decodes to. */
  score: Float64Array
  /** 0 other, 1 lower-case Cyrillic, 2 capital Cyrillic. */
  letterClass: Uint8Array
}

const OTHER = 0
const LOWER = 1
const UPPER = 2
const ASCII_LETTER = 3

function charScore(ch: string): { score: number; cls: number } {
  const cp = ch.charCodeAt(0)
  if (cp >= 0x400 && cp < 0x500) {
    const lower = ch.toLowerCase()
    const freq = LETTER_FREQ[lower]
    const letter = freq ? Math.log(freq / 1000) : SCORE_LOWER_RARE
    if (lower !== ch) return { score: letter + CAPITAL_FACTOR, cls: UPPER }
    if (ch.toUpperCase() !== ch) return { score: letter, cls: LOWER }
  }
  if (cp === 0xfffd) return { score: SCORE_REPLACEMENT, cls: OTHER }
  return { score: COMMON_SYMBOLS.includes(ch) ? SCORE_SYMBOL : SCORE_OTHER, cls: OTHER }
}

function buildTables(encoding: string): ByteTables {
  const score = new Float64Array(256)
  const letterClass = new Uint8Array(256)
  const high = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i)
  const chars = decoderFor(encoding).decode(high)
  for (let i = 0; i < 128; i++) {
    // Single-byte encodings map each byte to one UTF-16 unit; anything else counts as junk.
    const { score: s, cls } =
      chars.length === 128 ? charScore(chars[i] as string) : charScore('\ufffd')
    score[0x80 + i] = s
    letterClass[0x80 + i] = cls
  }
  return { encoding, score, letterClass }
}

const TABLES = CYRILLIC_CANDIDATES.map(buildTables)

const asciiClass = new Uint8Array(128)
for (let b = 0; b < 128; b++) {
  if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiClass[b] = ASCII_LETTER
}

function scoreWith(bytes: Uint8Array, t: ByteTables): number {
  let total = 0
  let count = 0
  let prev = OTHER
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b < 0x80) {
      prev = asciiClass[b] as number
      continue
    }
    count++
    let score = t.score[b] as number
    const cls = t.letterClass[b] as number
    if (cls === UPPER && prev === LOWER) score += MID_WORD_CAPITAL
    if (cls !== OTHER) {
      const next = bytes[i + 1] ?? 0
      if (prev === ASCII_LETTER || (next < 0x80 && asciiClass[next] === ASCII_LETTER)) {
        score += MIXED_SCRIPT
      }
    }
    total += score
    prev = cls
  }
  return count === 0 ? -Infinity : total / count
}

/**
 * Mean log-likelihood per non-ASCII byte of `bytes`, decoded with one of the single-byte
 * CYRILLIC_CANDIDATES, being Russian (or Ukrainian) prose: around -3 for the right decoding,
 * below -6 for a wrong one; -Infinity when there is nothing non-ASCII to judge.
 */
export function cyrillicScore(bytes: Uint8Array, encoding: CyrillicCandidate): number {
  const tables = TABLES.find((t) => t.encoding === encoding) as ByteTables
  return scoreWith(bytes, tables)
}

/** Below this mean score no Cyrillic decoding is believable (Western text, binary junk). */
export const PLAUSIBLE_CYRILLIC = -6

// Scoring looks at a prefix only: a few KB decide the charset as well as megabytes do.
const SAMPLE_BYTES = 8 * 1024

export interface CharsetGuess {
  /** WHATWG encoding name. */
  encoding: string
  /** Mean score of the chosen Cyrillic decoding; -Infinity for utf-8 / windows-1252. */
  score: number
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (RFC 3629 section 3). */
function utf8Counts(bytes: Uint8Array): { multi: number; bad: number } {
  let multi = 0
  let bad = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b < 0x80) continue
    const len =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (len > 0 && i + len > bytes.length) break // cut off by the sample, not invalid
    let ok = len > 0
    for (let j = 1; ok && j < len; j++) ok = ((bytes[i + j] as number) & 0xc0) === 0x80
    if (ok) {
      multi++
      i += len - 1
    } else {
      bad++
    }
  }
  return { multi, bad }
}

/** Invalid sequences rare enough to call it damaged UTF-8 rather than another charset. */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  const { multi, bad } = utf8Counts(bytes)
  return multi > 0 && bad * 50 <= multi
}

// A first look at 1 KB usually settles it: right and wrong decodings differ by 3+ per byte.
const FIRST_LOOK_BYTES = 1024
const DECISIVE_MARGIN = 1.5

/** The best single-byte Cyrillic decoding of `bytes` and its score. */
export function bestCyrillic(bytes: Uint8Array): CharsetGuess {
  let best: CharsetGuess = { encoding: CYRILLIC_CANDIDATES[0], score: -Infinity }
  for (const size of [FIRST_LOOK_BYTES, SAMPLE_BYTES]) {
    const sample = bytes.length > size ? bytes.subarray(0, size) : bytes
    best = { encoding: CYRILLIC_CANDIDATES[0], score: -Infinity }
    let second = -Infinity
    for (const tables of TABLES) {
      const score = scoreWith(sample, tables)
      if (score > best.score) {
        second = best.score
        best = { encoding: tables.encoding, score }
      } else if (score > second) {
        second = score
      }
    }
    if (sample.length === bytes.length || best.score - second >= DECISIVE_MARGIN) return best
  }
  return best
}

/**
 * Guesses the charset of unlabelled or mislabelled text bytes among utf-8, windows-1251,
 * koi8-r, ibm866 and iso-8859-5, falling back to windows-1252 when nothing Cyrillic is
 * plausible. Pure ASCII is reported as utf-8.
 */
export function guessCharset(bytes: Uint8Array): CharsetGuess {
  if (isAscii(bytes)) return { encoding: 'utf-8', score: -Infinity }
  // Real cp1251/koi8-r prose is practically never valid UTF-8: its letters are lead bytes
  // without the continuation bytes UTF-8 requires (RFC 3629 section 4).
  if (isUtf8(bytes)) return { encoding: 'utf-8', score: -Infinity }
  if (isMostlyUtf8(bytes.subarray(0, FIRST_LOOK_BYTES)))
    return { encoding: 'utf-8', score: -Infinity }
  const best = bestCyrillic(bytes)
  return best.score >= PLAUSIBLE_CYRILLIC ? best : { encoding: 'windows-1252', score: -Infinity }
}

/**
 * True when bytes read as Latin-1 look like Cyrillic mojibake ("Çäðàâñòâóéòå"): letters in
 * 0xC0-0xFF form whole words instead of sitting inside ASCII words as in "Grüße" or "café".
 */
export function looksLikeCyrillicAsLatin(bytes: Uint8Array): boolean {
  let high = 0
  let asciiNearHigh = 0
  let wordHigh = 0
  let wordAscii = 0
  const flush = (): void => {
    if (wordHigh > 0) {
      high += wordHigh
      asciiNearHigh += wordAscii
    }
    wordHigh = 0
    wordAscii = 0
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    // 0xA8/0xB8 are Ё/ё in windows-1251 and only diacritics in Latin-1
    if ((b >= 0xc0 && b !== 0xd7 && b !== 0xf7) || b === 0xa8 || b === 0xb8) wordHigh++
    else if (b < 0x80 && asciiClass[b] === ASCII_LETTER) wordAscii++
    else flush()
  }
  flush()
  return high >= 3 && high >= 0.8 * (high + asciiNearHigh)
}
