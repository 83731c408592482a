// Language label of a training pair: an ISO 639-1 code, or 'unknown'. The script decides
// first, because statistical detectors misread short support mail ("Спасибо, всё
// заработало." comes out Ukrainian or Bulgarian): letters only one Cyrillic language has,
// kana, hangul, Greek and the like, and English function words. Only Latin text that is not
// plainly English (and Arabic or Devanagari script) goes to tinyld. Under three words nothing is
// reliable: 'unknown', and the caller inherits the thread's language.
import { createRequire } from 'node:module'
import { FUNCTION_WORDS } from '../../db/stem-language'

/** ISO 639-1 code ('en', 'ru', 'de', …) or 'unknown'. Older versions also stored 'other'. */
export type PairLanguage = string

const MIN_WORDS = 3
const MIN_CJK_LETTERS = 4
// The script of a few thousand characters decides; the rest of a long message adds nothing.
const SAMPLE_CHARS = 4000
// Links, addresses and handles are Latin whatever the language of the sentence around them.
// Tested per whitespace-separated token, so the cost stays linear on any input.
const NOT_PROSE_TOKEN = /^(?:https?:\/\/|www\.)|@|^[\w-]+\.(?:com|ru|net|org|io)(?:\W|$)/iu
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu

const EN_WORDS = new Set([
  ...FUNCTION_WORDS.en!,
  ...'order refund invoice delivery account password payment received help issue problem'.split(
    ' ',
  ),
])
// Frequent function words of the Latin-script languages support mail also arrives in.
const OTHER_LATIN_WORDS = new Set(
  Object.entries(FUNCTION_WORDS)
    .filter(([lang]) => lang !== 'en')
    .flatMap(([, words]) => words),
)

// Letters that belong to one Cyrillic language only (or a small group).
const CYRILLIC_MARKS: Array<[RegExp, string]> = [
  // Belarusian and Kazakh write і too, so their own letters are looked for before Ukrainian's.
  [/ў/gu, 'be'],
  [/[әғқңөұүһ]/gu, 'kk'],
  [/[іїєґ]/gu, 'uk'],
  [/[ђћџ]/gu, 'sr'],
  [/[ѓќѕ]/gu, 'mk'],
  [/[јљњ]/gu, 'sr'], // Serbian and Macedonian share these; Serbian is the more frequent
  // Bulgarian writes ъ as a vowel ("поръчка", "към"); Russian only before е ё ю я ("подъезд").
  [/ъ[бвгджзклмнпрстфхцчшщ]/gu, 'bg'],
]
// ы, э and ё are Russian (and Belarusian, which has ў as well): uk, bg, sr and mk have none.
const RUSSIAN_ONLY = /[ыэё]/u
// Latin-script languages mail arrives in; tinyld chooses among them when English words do not.
const LATIN_CANDIDATES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'sv',
  'no',
  'da',
  'fi',
  'cs',
  'sk',
  'sl',
  'hr',
  'ro',
  'hu',
  'tr',
  'et',
  'lv',
  'lt',
  'id',
  'ms',
  'vi',
  'tl',
  'sq',
  'ca',
  'eu',
  'gl',
]

type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'han'
  | 'kana'
  | 'hangul'
  | 'thai'
  | 'armenian'
  | 'georgian'
  | 'devanagari'
  | 'other'
  | 'none'
const LETTER = /\p{L}/u

function scriptOf(code: number): Script {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'latin'
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic'
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return 'latin'
  if (code < 0x370) return 'none'
  if (code <= 0x3ff) return 'greek'
  if (code >= 0x530 && code <= 0x58f) return 'armenian'
  if (code >= 0x590 && code <= 0x5ff) return 'hebrew'
  if (code >= 0x600 && code <= 0x6ff) return 'arabic'
  if (code >= 0x900 && code <= 0x97f) return 'devanagari'
  if (code >= 0xe00 && code <= 0xe7f) return 'thai'
  if (code >= 0x10a0 && code <= 0x10ff) return 'georgian'
  if (code >= 0x3040 && code <= 0x30ff) return 'kana'
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return 'han'
  if (code >= 0xac00 && code <= 0xd7af) return 'hangul'
  return LETTER.test(String.fromCodePoint(code)) ? 'other' : 'none'
}

const SCRIPT_LANGUAGE: Partial<Record<Script, string>> = {
  greek: 'el',
  hebrew: 'he',
  thai: 'th',
  armenian: 'hy',
  georgian: 'ka',
  hangul: 'ko',
  kana: 'ja',
  han: 'zh',
}

type Detect = (text: string, options?: { only?: string[] }) => string
let tinyld: Detect | null = null

/**
 * tinyld, loaded on first use: it takes ~250 ms and ~50 MB to load, which only mail the
 * script cannot label pays for (English and Cyrillic mail never loads it).
 */
function statistical(text: string, only: string[]): string {
  tinyld ??= (createRequire(__filename)('tinyld') as { detect: Detect }).detect
  const code = tinyld(text, { only })
  return /^[a-z]{2}$/.test(code) ? code : 'unknown'
}

/**
 * Cyrillic text is Russian unless another language's own letters say otherwise. Ukrainian,
 * Bulgarian, Serbian, Macedonian, Belarusian and Kazakh use theirs in almost every sentence,
 * while a detector's guess on a few words of Russian ("Через СБП. Завтра после 14:00
 * удобно.") is wrong more often than that rule.
 */
function cyrillicLanguage(prose: string): string {
  const lower = prose.toLowerCase()
  const russian = RUSSIAN_ONLY.test(lower)
  for (const [letters, code] of CYRILLIC_MARKS) {
    // One stray letter can be a typo; these languages use their letters in most sentences.
    const hits = lower.match(letters)?.length ?? 0
    if (hits >= 2 || (hits === 1 && !russian)) return code
  }
  return 'ru'
}

function latinLanguage(prose: string, words: readonly string[]): string {
  let en = 0
  let foreign = 0
  for (const word of words) {
    const w = word.toLowerCase()
    if (EN_WORDS.has(w)) en++
    else if (OTHER_LATIN_WORDS.has(w)) foreign++
  }
  if (en > 0 && en >= foreign) return 'en'
  const code = statistical(prose, LATIN_CANDIDATES)
  return code === 'unknown' && foreign === 0 ? 'en' : code
}

export function detectLanguage(text: string): PairLanguage {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text
  const prose = sample
    .split(/\s+/)
    .filter((token) => !NOT_PROSE_TOKEN.test(token))
    .join(' ')
  const words = prose.match(WORD) ?? []
  const counts = new Map<Script, number>()
  for (const ch of prose) {
    const script = scriptOf(ch.codePointAt(0) ?? 0)
    if (script !== 'none') counts.set(script, (counts.get(script) ?? 0) + 1)
  }
  let top: Script = 'none'
  let topCount = 0
  for (const [script, n] of counts) {
    if (n > topCount) [top, topCount] = [script, n]
  }
  // Chinese and Japanese write no spaces, so their "words" are whole clauses; Japanese mixes
  // kana into Han text, and any kana marks it.
  if (top === 'han' || top === 'kana') {
    if (topCount + (counts.get('kana') ?? 0) < MIN_CJK_LETTERS) return 'unknown'
    return (counts.get('kana') ?? 0) > 0 ? 'ja' : 'zh'
  }
  if (words.length < MIN_WORDS) return 'unknown'
  const latin = counts.get('latin') ?? 0
  const cyrillic = counts.get('cyrillic') ?? 0
  if (cyrillic > 0 && cyrillic >= latin) {
    return cyrillicLanguage(prose)
  }
  if (top === 'latin') return latinLanguage(prose, words)
  const byScript = SCRIPT_LANGUAGE[top]
  if (byScript) return byScript
  // Arabic script also writes Persian and Urdu; Devanagari Hindi, Marathi and Nepali.
  return top === 'none' ? 'unknown' : statistical(prose, [])
}
