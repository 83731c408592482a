// Assembles RFC 5322 + MIME (RFC 2045/2046) messages as bytes, CRLF line ends throughout.

import { createRng, type Rng } from '../prng'
import { encodeBase64Lines, encodeBody, encodeWords, type Charset } from './encoding'
import type { BodyFormat } from './mail-clients'

export interface AttachmentSpec {
  filename: string
  mimeType: string
  /** Base64 size in bytes (the brief's 50-500 KB is measured encoded). */
  encodedSize: number
  /** 'rfc2231' (filename*=UTF-8''...) or 'rfc2047' (quoted encoded word) for non-ASCII names. */
  nameStyle: 'rfc2231' | 'rfc2047'
}

export interface MailSpec {
  headers: string[]
  format: BodyFormat
  text: string
  html: string
  attachments: AttachmentSpec[]
  rng: Rng
  boundaryStyle: 'gmail' | 'outlook' | 'generic'
}

const CRLF = '\r\n'
const LINE_BYTES = 57 // 57 bytes -> one 76-character base64 line

let pool: { lines: string[] } | undefined

/** One shared block of pseudo-random base64 lines; attachments are slices of it. */
function attachmentPool(): string[] {
  if (!pool) {
    const rng = createRng(0x5eed)
    const bytes = Buffer.allocUnsafe(LINE_BYTES * 9000)
    for (let i = 0; i < bytes.length; i += 4)
      bytes.writeUInt32LE(Math.floor(rng.next() * 2 ** 32), i)
    pool = { lines: encodeBase64Lines(bytes).toString('latin1').split(CRLF) }
  }
  return pool.lines
}

const MAGIC: Record<string, Buffer> = {
  'image/png': Buffer.from('89504e470d0a1a0a0000000d49484452000004000000030008060000', 'hex'),
  'application/pdf': Buffer.from(
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n',
    'latin1',
  ),
  'image/jpeg': Buffer.from('ffd8ffe000104a46494600010101004800480000', 'hex'),
}

function attachmentBase64(mimeType: string, encodedSize: number, rng: Rng): string {
  const lines = attachmentPool()
  const count = Math.max(2, Math.round(encodedSize / 78))
  const start = rng.int(0, lines.length - count - 1)
  const head = Buffer.alloc(LINE_BYTES)
  ;(MAGIC[mimeType] ?? Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1')).copy(head)
  return [
    encodeBase64Lines(head).toString('latin1'),
    ...lines.slice(start, start + count - 1),
  ].join(CRLF)
}

function boundary(style: MailSpec['boundaryStyle'], rng: Rng): string {
  if (style === 'gmail') return `000000000000${rng.hex(12)}`
  if (style === 'outlook') return `_000_AM0PR07MB${rng.hex(28).toUpperCase()}_`
  return `----=_Part_${rng.int(100_000, 999_999)}_${rng.int(1_000_000, 9_999_999)}.${rng.hex(13)}`
}

interface Entity {
  headers: string[]
  body: Buffer
}

function textEntity(type: 'plain' | 'html', content: string, f: BodyFormat): Entity {
  const flowed = type === 'plain' && f.flowed ? '; format=flowed' : ''
  const label = f.charset === 'utf-8' ? 'UTF-8' : f.charset
  const quoted = f.charset === 'utf-8' ? `"${label}"` : label
  return {
    headers: [
      `Content-Type: text/${type}; charset=${quoted}${flowed}`,
      `Content-Transfer-Encoding: ${f.cte}`,
    ],
    body: encodeBody(content, f.charset, f.cte),
  }
}

function multipart(
  subtype: string,
  parts: Entity[],
  rng: Rng,
  style: MailSpec['boundaryStyle'],
  extra = '',
): Entity {
  const b = boundary(style, rng)
  const chunks: Buffer[] = []
  for (const p of parts) {
    chunks.push(
      Buffer.from(`--${b}${CRLF}${p.headers.join(CRLF)}${CRLF}${CRLF}`, 'latin1'),
      p.body,
      Buffer.from(CRLF),
    )
  }
  chunks.push(Buffer.from(`--${b}--${CRLF}`, 'latin1'))
  return {
    headers: [`Content-Type: multipart/${subtype}; boundary="${b}"${extra}`],
    body: Buffer.concat(chunks),
  }
}

function filenameParams(a: AttachmentSpec, charset: Charset): { name: string; disp: string } {
  if (!/[^\x20-\x7e]/.test(a.filename))
    return { name: `name="${a.filename}"`, disp: `filename="${a.filename}"` }
  if (a.nameStyle === 'rfc2047') {
    const w = encodeWords(a.filename, charset === 'utf-8' ? 'utf-8' : charset, 'B').replace(
      /\r\n /g,
      ' ',
    )
    return { name: `name="${w}"`, disp: `filename="${w}"` }
  }
  // RFC 2231 §4: charset''percent-encoded; name= keeps an RFC 2047 copy for old readers.
  const pct = encodeURIComponent(a.filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  const w = encodeWords(a.filename, 'utf-8', 'B').replace(/\r\n /g, ' ')
  return { name: `name="${w}"`, disp: `filename*=UTF-8''${pct}` }
}

export function buildMessage(spec: MailSpec): Buffer {
  const { format: f, rng } = spec
  let entity: Entity
  const plain = (): Entity => textEntity('plain', spec.text, f)
  const html = (): Entity => textEntity('html', spec.html, f)
  if (f.structure === 'text') entity = plain()
  else if (f.structure === 'html') entity = html()
  else entity = multipart('alternative', [plain(), html()], rng, spec.boundaryStyle)
  if (f.structure === 'related') {
    const logo: Entity = {
      headers: [
        'Content-Type: image/png; name="image001.png"',
        'Content-Description: image001.png',
        'Content-Disposition: inline; filename="image001.png"; size=3812',
        `Content-ID: <image001.png@01DB${rng.hex(4).toUpperCase()}.${rng.hex(8).toUpperCase()}>`,
        'Content-Transfer-Encoding: base64',
      ],
      body: Buffer.from(attachmentBase64('image/png', 5100, rng), 'latin1'),
    }
    entity = multipart(
      'related',
      [entity, logo],
      rng,
      spec.boundaryStyle,
      '; type="multipart/alternative"',
    )
  }
  if (spec.attachments.length) {
    const parts = spec.attachments.map((a): Entity => {
      const p = filenameParams(a, f.charset)
      return {
        headers: [
          `Content-Type: ${a.mimeType}; ${p.name}`,
          `Content-Disposition: attachment; ${p.disp}`,
          'Content-Transfer-Encoding: base64',
        ],
        body: Buffer.from(attachmentBase64(a.mimeType, a.encodedSize, rng), 'latin1'),
      }
    })
    entity = multipart('mixed', [entity, ...parts], rng, spec.boundaryStyle)
  }
  const head = [...spec.headers, 'MIME-Version: 1.0', ...entity.headers].join(CRLF)
  return Buffer.concat([Buffer.from(head + CRLF + CRLF, 'utf8'), entity.body])
}

/** Hard or format=flowed (RFC 3676 §4.2: soft breaks end in a space) wrapping at `width`. */
export function wrapText(text: string, width: number, flowed: boolean): string {
  const out: string[] = []
  for (const line of text.split('\n')) {
    if (line.length <= width || line === '-- ') {
      out.push(line)
      continue
    }
    const prefix = /^(>+ ?)/.exec(line)?.[1] ?? ''
    const words = line.slice(prefix.length).split(' ')
    let cur = prefix
    for (const w of words) {
      if (cur.length > prefix.length && cur.length + w.length + 1 > width) {
        out.push(flowed ? `${cur} ` : cur)
        cur = prefix + w
      } else cur = cur.length > prefix.length ? `${cur} ${w}` : prefix + w
    }
    out.push(cur)
  }
  return out.join('\n')
}
