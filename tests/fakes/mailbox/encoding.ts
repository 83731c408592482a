// Byte-level encoders for generated mail: single-byte Cyrillic charsets, quoted-printable
// (RFC 2045 §6.7), base64 with 76-column lines (RFC 2045 §6.8) and encoded words (RFC 2047).

export type Charset = 'utf-8' | 'windows-1251' | 'koi8-r' | 'iso-8859-5' | 'us-ascii'
export type TransferEncoding = 'quoted-printable' | 'base64' | '8bit' | '7bit'

const tables = new Map<string, Map<number, number>>()

/** Encode tables are the inverse of the WHATWG decoders, so a round trip is exact. */
function tableFor(charset: string): Map<number, number> {
  let t = tables.get(charset)
  if (!t) {
    t = new Map()
    const decoder = new TextDecoder(charset)
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = decoder.decode(Uint8Array.of(b))
      if (ch !== '\uFFFD') t.set(ch.charCodeAt(0), b)
    }
    tables.set(charset, t)
  }
  return t
}

export function encodeCharset(text: string, charset: Charset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8')
  const table = charset === 'us-ascii' ? new Map<number, number>() : tableFor(charset)
  const out = Buffer.allocUnsafe(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[i] = c < 0x80 ? c : (table.get(c) ?? 0x3f)
  }
  return out
}

/** True when every character survives `charset` (else the generator falls back to UTF-8). */
export function fits(text: string, charset: Charset): boolean {
  if (charset === 'utf-8') return true
  const table = charset === 'us-ascii' ? undefined : tableFor(charset)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80 && !table?.has(c)) return false
  }
  return true
}

const HEX = '0123456789ABCDEF'

/** Quoted-printable of text whose lines end in CRLF; soft breaks keep lines at 76 columns. */
export function encodeQp(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length * 3 + Math.ceil(bytes.length / 24) * 3 + 8)
  let o = 0
  let col = 0
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number
    if (c === 0x0d && bytes[i + 1] === 0x0a) {
      out[o++] = 0x0d
      out[o++] = 0x0a
      i++
      col = 0
      continue
    }
    const atEol = i + 1 === bytes.length || bytes[i + 1] === 0x0d
    const literal = (c >= 33 && c <= 126 && c !== 61) || ((c === 32 || c === 9) && !atEol)
    const width = literal ? 1 : 3
    if (col + width > 75) {
      out[o++] = 0x3d
      out[o++] = 0x0d
      out[o++] = 0x0a
      col = 0
    }
    if (literal) out[o++] = c
    else {
      out[o++] = 0x3d
      out[o++] = HEX.charCodeAt(c >> 4)
      out[o++] = HEX.charCodeAt(c & 15)
    }
    col += width
  }
  return out.subarray(0, o)
}

export function encodeBase64Lines(bytes: Buffer): Buffer {
  const b64 = bytes.toString('base64')
  const lines: string[] = []
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76))
  return Buffer.from(lines.join('\r\n'), 'latin1')
}

export function encodeBody(text: string, charset: Charset, cte: TransferEncoding): Buffer {
  const bytes = encodeCharset(text.replace(/\r?\n/g, '\r\n'), charset)
  if (cte === 'quoted-printable') return encodeQp(bytes)
  if (cte === 'base64') return encodeBase64Lines(bytes)
  return bytes
}

const needsEncoding = (s: string): boolean => /[^\x20-\x7e]/.test(s)

/**
 * RFC 2047 encoded words, split on character boundaries so no word exceeds 75 characters,
 * folded onto continuation lines (RFC 5322 §2.2.3).
 */
export function encodeWords(text: string, charset: Charset, mode: 'B' | 'Q'): string {
  if (!needsEncoding(text)) return text
  const label = charset === 'utf-8' ? 'UTF-8' : charset
  const words: string[] = []
  let chunk = ''
  const flush = (): void => {
    if (!chunk) return
    const bytes = encodeCharset(chunk, charset)
    const body =
      mode === 'B'
        ? bytes.toString('base64')
        : [...bytes]
            .map((b) =>
              b === 0x20
                ? '_'
                : /[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(b)) && b < 0x80
                  ? String.fromCharCode(b)
                  : `=${HEX[b >> 4]}${HEX[b & 15]}`,
            )
            .join('')
    words.push(`=?${label}?${mode}?${body}?=`)
    chunk = ''
  }
  // Keeps each encoded word under RFC 2047's 75 characters for Cyrillic input.
  const limit = mode === 'B' ? (charset === 'utf-8' ? 20 : 40) : charset === 'utf-8' ? 8 : 16
  for (const ch of text) {
    chunk += ch
    if (chunk.length >= limit) flush()
  }
  flush()
  return words.join('\r\n ')
}

/** `Name <addr>` with the display name quoted or encoded as needed. */
export function formatAddress(
  name: string,
  address: string,
  charset: Charset,
  mode: 'B' | 'Q',
): string {
  if (!name) return `<${address}>`
  if (needsEncoding(name)) return `${encodeWords(name, charset, mode)} <${address}>`
  return /[,.;:"()<>@]/.test(name)
    ? `"${name.replace(/"/g, '\\"')}" <${address}>`
    : `${name} <${address}>`
}

/** Long header values folded at spaces to stay under 78 columns. */
export function foldHeader(name: string, value: string): string {
  const line = `${name}: ${value}`
  if (line.length <= 78 || value.includes('\r\n')) return line
  const out: string[] = []
  let current = `${name}:`
  for (const word of value.split(' ')) {
    if (current.length + word.length + 1 > 76 && current.trim().length > name.length + 1) {
      out.push(current)
      current = ` ${word}`
    } else current += ` ${word}`
  }
  out.push(current)
  return out.join('\r\n')
}
