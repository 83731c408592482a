// Small hand-made RFC 5322 messages for sync tests: exact control over direction, threading
// headers, charsets and transfer encodings (the generator in tests/fakes covers realism).
import iconv from 'iconv-lite'

export interface RawMailInput {
  from: string
  to: string
  subject: string
  date: Date | string
  text?: string
  html?: string
  charset?: string
  cte?: '8bit' | 'base64' | 'quoted-printable'
  messageId?: string
  inReplyTo?: string
  references?: string[]
  headers?: string[]
  /** Encode the subject as an RFC 2047 encoded word in this charset (B). */
  encodeSubject?: boolean
}

let counter = 0

export function newMessageId(domain = 'test.example'): string {
  counter++
  return `<m${Date.now().toString(36)}.${counter}@${domain}>`
}

function encodeBody(text: string, charset: string, cte: string): string {
  const bytes = iconv.encode(text.replace(/\r?\n/g, '\r\n'), charset)
  if (cte === 'base64') return bytes.toString('base64').replace(/.{76}/g, '$&\r\n')
  if (cte === 'quoted-printable') {
    let out = ''
    let line = 0
    for (const b of bytes) {
      const ch =
        b === 13 || b === 10
          ? String.fromCharCode(b)
          : (b >= 33 && b <= 126 && b !== 61) || b === 32
            ? String.fromCharCode(b)
            : `=${b.toString(16).toUpperCase().padStart(2, '0')}`
      if (ch === '\n') line = 0
      else if (line + ch.length > 73) {
        out += '=\r\n'
        line = 0
      }
      out += ch
      if (ch !== '\n' && ch !== '\r') line += ch.length
    }
    return out
  }
  return bytes.toString('latin1')
}

export function encodedWord(text: string, charset: string): string {
  return `=?${charset}?B?${iconv.encode(text, charset).toString('base64')}?=`
}

/** `Name <addr>` with a non-ASCII name becomes an RFC 2047 encoded word in `charset`. */
function addressHeader(value: string, charset: string): string {
  const m = /^(.*?)\s*<([^>]+)>$/.exec(value)
  if (!m || /^[\x20-\x7e]*$/.test(m[1] ?? '')) return value
  return `${encodedWord(m[1] ?? '', charset)} <${m[2]}>`
}

/** A message as Gmail's `format=raw` would hold it (latin1 string of the bytes). */
export function rawMail(m: RawMailInput): Buffer {
  const charset = m.charset ?? 'utf-8'
  const cte = m.cte ?? (charset === 'utf-8' ? 'quoted-printable' : '8bit')
  const date = typeof m.date === 'string' ? m.date : m.date.toUTCString().replace('GMT', '+0000')
  const head = [
    `From: ${addressHeader(m.from, charset)}`,
    `To: ${addressHeader(m.to, charset)}`,
    `Subject: ${m.encodeSubject ? encodedWord(m.subject, charset) : m.subject}`,
    `Date: ${date}`,
    `Message-ID: ${m.messageId ?? newMessageId()}`,
    'MIME-Version: 1.0',
  ]
  if (m.inReplyTo) head.push(`In-Reply-To: ${m.inReplyTo}`)
  if (m.references?.length) head.push(`References: ${m.references.join(' ')}`)
  head.push(...(m.headers ?? []))
  let body: string
  if (m.html !== undefined && m.text !== undefined) {
    const b = `b${counter++}alt`
    head.push(`Content-Type: multipart/alternative; boundary="${b}"`)
    body =
      `--${b}\r\nContent-Type: text/plain; charset="${charset}"\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n${encodeBody(m.text, charset, cte)}\r\n` +
      `--${b}\r\nContent-Type: text/html; charset="${charset}"\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n${encodeBody(m.html, charset, cte)}\r\n--${b}--\r\n`
  } else if (m.html !== undefined) {
    head.push(`Content-Type: text/html; charset="${charset}"`, `Content-Transfer-Encoding: ${cte}`)
    body = encodeBody(m.html, charset, cte)
  } else {
    head.push(`Content-Type: text/plain; charset="${charset}"`, `Content-Transfer-Encoding: ${cte}`)
    body = encodeBody(m.text ?? '', charset, cte)
  }
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}\r\n`, 'latin1')
}
