// Charset label canonicalisation. postal-mime decodes with TextDecoder, which only knows the
// WHATWG labels (https://encoding.spec.whatwg.org/#names-and-labels) and silently falls back to
// windows-1252 for anything else, so `win-1251`, `koi8r` or `maccyrillic` turn Russian mail into
// Latin-1 mojibake. iconv-lite accepts almost any spelling, so its alias table tells us which
// encoding a label means, and we rewrite the label to one TextDecoder knows before parsing.
import { TextDecoder } from 'node:util'
import iconv from 'iconv-lite'

/** WHATWG labels whose iconv-lite aliases we map back onto them, one per encoding. */
const WHATWG_TARGETS = [
  'utf-8',
  'ibm866',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'iso-8859-16',
  'koi8-r',
  'koi8-u',
  'koi8-ru',
  'macintosh',
  'x-mac-cyrillic',
  'windows-874',
  'tis-620',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'us-ascii',
  'gbk',
  'gb2312',
  'gb18030',
  'big5',
  'euc-jp',
  'iso-2022-jp',
  'shift_jis',
  'euc-kr',
  'utf-16le',
  'utf-16be',
]

/** iconv-lite names that have no WHATWG spelling iconv also knows. */
const EXTRA_ICONV_KEYS: ReadonlyArray<[string, string]> = [
  ['maccyrillic', 'x-mac-cyrillic'],
  ['macukraine', 'x-mac-cyrillic'],
]

const MAX_LABEL_LENGTH = 40
const CACHE_LIMIT = 512

// iconv-lite loads its alias table lazily; asking for its cheapest codec loads it without
// building any of the large double-byte tables.
iconv.encodingExists('utf8')
const ICONV_TABLE = (iconv.encodings ?? {}) as Record<string, unknown>

/** Follows iconv-lite's alias chain to the name of the codec itself, or null if unknown. */
function iconvKey(label: string): string | null {
  // iconv-lite's own canonical form: lower case, alphanumerics only, no ":1987" year suffix.
  let key = label.toLowerCase().replace(/:\d{4}$|[^0-9a-z]/g, '')
  for (let hops = 0; hops < 10; hops++) {
    if (!Object.prototype.hasOwnProperty.call(ICONV_TABLE, key)) return null
    const def = ICONV_TABLE[key]
    if (typeof def !== 'string') return key
    key = def
  }
  return null
}

function textDecoderEncoding(label: string): string | null {
  try {
    return new TextDecoder(label).encoding
  } catch {
    return null
  }
}

// Built once at module load: iconv codec name -> WHATWG encoding name.
const ICONV_TO_WHATWG = new Map<string, string>(EXTRA_ICONV_KEYS)
for (const label of WHATWG_TARGETS) {
  const encoding = textDecoderEncoding(label)
  if (!encoding) continue
  for (const spelling of [label, label.replace(/^x-/, '')]) {
    const key = iconvKey(spelling)
    if (key && !ICONV_TO_WHATWG.has(key)) ICONV_TO_WHATWG.set(key, encoding)
  }
}

export interface CharsetInfo {
  /** WHATWG encoding name TextDecoder will use, e.g. 'windows-1251'. */
  encoding: string
  /** True when TextDecoder accepts the label as written (no rewrite needed). */
  native: boolean
}

// Labels come from hostile input, so the cache is bounded: it is cleared when it fills up.
const infoCache = new Map<string, CharsetInfo | null>()

/**
 * Resolves a charset label from a message to the encoding it means, or null when neither
 * TextDecoder nor iconv-lite knows it (e.g. `unknown-8bit`, `x-unknown`).
 */
export function charsetInfo(rawLabel: string): CharsetInfo | null {
  const label = rawLabel
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase()
  if (!label || label.length > MAX_LABEL_LENGTH) return null
  const cached = infoCache.get(label)
  if (cached !== undefined) return cached
  let info: CharsetInfo | null = null
  const native = textDecoderEncoding(label)
  if (native) {
    info = { encoding: native, native: true }
  } else {
    const key = iconvKey(label)
    const mapped = key ? ICONV_TO_WHATWG.get(key) : undefined
    if (mapped) info = { encoding: mapped, native: false }
  }
  if (infoCache.size >= CACHE_LIMIT) infoCache.clear()
  infoCache.set(label, info)
  return info
}

/** The label to write instead of `label`, or null when it should stay as it is. */
export function canonicalLabel(label: string): string | null {
  const info = charsetInfo(label)
  return info && !info.native ? info.encoding : null
}

// `charset=win-1251`, `charset="koi8r"` (RFC 2045 parameter)
const CHARSET_PARAM = /(\bcharset[ \t]*=[ \t]*"?)([^"';\s]+)/gi
// `filename*=win-1251''%E0%E1` and `filename*0*=koi8r'ru'...` (RFC 2231 section 4)
const RFC2231_PREFIX = /(\*[ \t]*=[ \t]*"?)([A-Za-z0-9_.:-]+)(?=')/g
// `=?win-1251?B?...?=` and `=?koi8r*ru?Q?...?=` (RFC 2047 section 2, RFC 2231 section 5)
const ENCODED_WORD = /(=\?)([^?\s*]+)(?=(?:\*[^?\s]*)?\?[QqBb]\?)/g
const HAS_LABEL = /charset|=\?|\*[ \t]*=/i

function replaceLabel(_m: string, prefix: string, label: string): string {
  return prefix + (canonicalLabel(label) ?? label)
}

/**
 * Rewrites charset labels in one header block, given as a latin1 string so that every byte
 * maps to one char and the block can be turned back into the same bytes. Only ASCII labels
 * change; everything else is left byte for byte. Returns the input when nothing changed.
 */
export function canonicalizeHeaderLabels(block: string): string {
  if (!HAS_LABEL.test(block)) return block
  return block
    .replace(CHARSET_PARAM, replaceLabel)
    .replace(RFC2231_PREFIX, replaceLabel)
    .replace(ENCODED_WORD, replaceLabel)
}

const decoders = new Map<string, TextDecoder>()

/** A shared non-fatal TextDecoder for a WHATWG encoding name. */
export function decoderFor(encoding: string): TextDecoder {
  let decoder = decoders.get(encoding)
  if (!decoder) {
    decoder = new TextDecoder(encoding)
    decoders.set(encoding, decoder)
  }
  return decoder
}
