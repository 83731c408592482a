// Language label of a training pair, decided from the script: Cyrillic vs Latin letters, with
// Ukrainian/Belarusian/Serbian/Kazakh letters (і ї є ґ ў ђ ј …) and non-English Latin function
// words pointing to 'other'. Statistical detectors misread short support mail ("Спасибо, всё
// заработало." comes out Ukrainian or Bulgarian), and under three words nothing is reliable, so
// such text is 'unknown' and the caller inherits the thread's language.

export type PairLanguage = 'en' | 'ru' | 'other' | 'unknown'

const MIN_WORDS = 3
const MIN_CJK_LETTERS = 4
// The script of a few thousand characters decides; the rest of a long message adds nothing.
const SAMPLE_CHARS = 4000
// Links, addresses and handles are Latin whatever the language of the sentence around them.
// Tested per whitespace-separated token, so the cost stays linear on any input.
const NOT_PROSE_TOKEN = /^(?:https?:\/\/|www\.)|@|^[\w-]+\.(?:com|ru|net|org|io)(?:\W|$)/iu
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu

const EN_WORDS = new Set(
  (
    'the a an and or but to of in on at for from with by is are was were be been have has had ' +
    'do does did not no yes i you he she we they it my your our this that these those there ' +
    'please can could would will should hi hello dear thanks thank order refund invoice ' +
    'delivery account password payment received help issue problem'
  ).split(' '),
)
// Frequent function words of the Latin-script languages support mail also arrives in.
const OTHER_LATIN_WORDS = new Set(
  (
    'le la les des et est une je vous pas pour avec dans mais bonjour merci ' + // fr
    'der die das und ist ich nicht sie mit ein eine bitte danke hallo ' + // de
    'el los las que y es por para una pero hola gracias ' + // es
    'il che di non sono ciao grazie ' + // it
    'os não obrigado olá você ' + // pt
    'het een niet ik je dank ' + // nl
    'nie jest się czy dziękuję dzień dobry ' + // pl
    've bir bu için teşekkürler merhaba'
  ).split(' '), // tr
)

type Script = 'latin' | 'russian' | 'other-cyrillic' | 'other' | 'none'
const LETTER = /\p{L}/u

function scriptOf(code: number): Script {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'latin'
  if ((code >= 0x410 && code <= 0x44f) || code === 0x401 || code === 0x451) return 'russian'
  // The rest of the Cyrillic blocks: і ї є ґ (uk), ў (be), ђ ј љ њ ћ џ (sr), ә ғ қ ң ө ұ (kk).
  if (code >= 0x400 && code <= 0x52f) return 'other-cyrillic'
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return 'latin'
  return code > 0x24f && LETTER.test(String.fromCodePoint(code)) ? 'other' : 'none'
}

export function detectLanguage(text: string): PairLanguage {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text
  const prose = sample
    .split(/\s+/)
    .filter((token) => !NOT_PROSE_TOKEN.test(token))
    .join(' ')
  const words = prose.match(WORD) ?? []
  let latin = 0
  let russian = 0
  let otherCyrillic = 0
  let other = 0
  for (const ch of prose) {
    const script = scriptOf(ch.codePointAt(0) ?? 0)
    if (script === 'latin') latin++
    else if (script === 'russian') russian++
    else if (script === 'other-cyrillic') otherCyrillic++
    else if (script === 'other') other++
  }
  const cyrillic = russian + otherCyrillic
  // Chinese and Japanese write no spaces, so their "words" are whole clauses.
  if (other > cyrillic + latin && (words.length >= MIN_WORDS || other >= MIN_CJK_LETTERS)) {
    return 'other'
  }
  if (words.length < MIN_WORDS) return 'unknown'
  if (cyrillic >= latin) {
    // One stray letter can be a typo; Ukrainian prose has і/ї/є in most sentences.
    return otherCyrillic >= 2 || otherCyrillic / cyrillic > 0.01 ? 'other' : 'ru'
  }
  let en = 0
  let foreign = 0
  for (const word of words) {
    const w = word.toLowerCase()
    if (EN_WORDS.has(w)) en++
    else if (OTHER_LATIN_WORDS.has(w)) foreign++
  }
  return foreign > en ? 'other' : 'en'
}
