// Just enough RFC 2045/2046/2047 parsing to answer messages.get format=metadata|full the way
// Gmail shapes `payload` (partId, mimeType, filename, headers, body{size,data|attachmentId}).
// https://developers.google.com/gmail/api/reference/rest/v1/users.messages#MessagePart

export interface Header {
  name: string
  value: string
}

export interface MessagePart {
  partId: string
  mimeType: string
  filename: string
  headers: Header[]
  body: { size: number; data?: string; attachmentId?: string }
  parts?: MessagePart[]
}

export interface ParsedMessage {
  headers: Header[]
  payload: MessagePart
  snippet: string
  /** Leaf bodies that are attachments, by partId, for attachments.get. */
  attachments: Map<string, Buffer>
}

const MAX_DEPTH = 20

function splitHead(buf: Buffer): { head: string; body: Buffer } {
  let idx = buf.indexOf('\r\n\r\n')
  let sep = 4
  const lf = buf.indexOf('\n\n')
  if (idx < 0 || (lf >= 0 && lf < idx)) {
    idx = lf
    sep = 2
  }
  if (idx < 0) return { head: buf.toString('latin1'), body: Buffer.alloc(0) }
  return { head: buf.subarray(0, idx).toString('latin1'), body: buf.subarray(idx + sep) }
}

export function decodeWords(value: string): string {
  // RFC 2047 §6.2: whitespace between adjacent encoded words is dropped.
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2')
  return joined.replace(
    /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g,
    (_m, cs: string, enc: string, text: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : decodeQp(Buffer.from(text.replace(/_/g, ' '), 'latin1'))
      return decodeCharset(bytes, cs.split('*')[0] ?? 'utf-8')
    },
  )
}

export function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes)
  } catch {
    return bytes.toString('utf8')
  }
}

function parseHeaders(head: string): Header[] {
  const out: Header[] = []
  for (const line of head.split(/\r?\n(?![ \t])/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim()
    const rawValue = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]/g, ' ')
      .trim()
    // Header bytes outside ASCII are usually UTF-8 (RFC 6532); re-read them as such.
    const utf = Buffer.from(rawValue, 'latin1').toString('utf8')
    out.push({ name, value: decodeWords(utf.includes('\uFFFD') ? rawValue : utf) })
  }
  return out
}

function headerValue(headers: Header[], name: string): string | undefined {
  const lower = name.toLowerCase()
  return headers.find((h) => h.name.toLowerCase() === lower)?.value
}

export function parseParams(value: string): { value: string; params: Record<string, string> } {
  const [first = '', ...rest] = value.split(';')
  const params: Record<string, string> = {}
  for (const p of rest) {
    const eq = p.indexOf('=')
    if (eq < 0) continue
    const key = p.slice(0, eq).trim().toLowerCase()
    params[key] = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
  }
  return { value: first.trim().toLowerCase(), params }
}

export function decodeQp(input: Buffer): Buffer {
  const out = Buffer.alloc(input.length)
  let o = 0
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as number
    if (c !== 0x3d) {
      out[o++] = c
      continue
    }
    const a = input[i + 1]
    const b = input[i + 2]
    if (a === 0x0d && b === 0x0a) i += 2
    else if (a === 0x0a) i += 1
    else {
      const hex = String.fromCharCode(a ?? 0, b ?? 0)
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[o++] = parseInt(hex, 16)
        i += 2
      } else out[o++] = c
    }
  }
  return out.subarray(0, o)
}

function decodeBody(body: Buffer, cte: string | undefined): Buffer {
  const enc = (cte ?? '7bit').trim().toLowerCase()
  if (enc === 'base64') return Buffer.from(body.toString('latin1'), 'base64')
  if (enc === 'quoted-printable') return decodeQp(body)
  return body
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delim = Buffer.from(`--${boundary}`, 'latin1')
  const parts: Buffer[] = []
  let pos = body.indexOf(delim)
  while (pos >= 0) {
    let start = pos + delim.length
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break // closing delimiter
    start = body.indexOf('\n', start) + 1
    if (start <= 0) break
    const next = body.indexOf(delim, start)
    if (next < 0) {
      parts.push(body.subarray(start))
      break
    }
    // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    let end = next
    if (body[end - 1] === 0x0a) end--
    if (body[end - 1] === 0x0d) end--
    parts.push(body.subarray(start, end))
    pos = next
  }
  return parts
}

interface Walk {
  attachments: Map<string, Buffer>
  texts: Array<{ type: string; text: string }>
  msgId: string
}

function buildPart(buf: Buffer, partId: string, depth: number, walk: Walk): MessagePart {
  const { head, body } = splitHead(buf)
  const headers = parseHeaders(head)
  const ct = parseParams(headerValue(headers, 'content-type') ?? 'text/plain')
  const disp = parseParams(headerValue(headers, 'content-disposition') ?? '')
  const filename = decodeWords(disp.params['filename'] ?? ct.params['name'] ?? '')
  const part: MessagePart = { partId, mimeType: ct.value, filename, headers, body: { size: 0 } }
  const boundary = ct.params['boundary']
  if (ct.value.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    const children = splitMultipart(body, boundary)
    part.parts = children.map((c, i) =>
      buildPart(c, partId === '' ? String(i) : `${partId}.${i}`, depth + 1, walk),
    )
    return part
  }
  const decoded = decodeBody(body, headerValue(headers, 'content-transfer-encoding'))
  if (filename || disp.value === 'attachment') {
    walk.attachments.set(partId, decoded)
    const attachmentId = `ANGjdJ${Buffer.from(`${walk.msgId}:${partId}`).toString('base64url')}`
    part.body = { size: decoded.length, attachmentId }
    return part
  }
  part.body = { size: decoded.length, data: decoded.toString('base64url') }
  if (ct.value === 'text/plain' || ct.value === 'text/html') {
    walk.texts.push({
      type: ct.value,
      text: decodeCharset(decoded, ct.params['charset'] ?? 'utf-8'),
    })
  }
  return part
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function makeSnippet(texts: Walk['texts']): string {
  const plain = texts.find((t) => t.type === 'text/plain')
  const source = plain?.text ?? texts[0]?.text ?? ''
  const text = plain
    ? source
    : source
        .replace(/<(style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&nbsp;/g, ' ')
  // Gmail snippets are whitespace-collapsed, about 200 characters, HTML-escaped.
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

export function parseMessage(raw: Buffer, msgId: string): ParsedMessage {
  const walk: Walk = { attachments: new Map(), texts: [], msgId }
  const payload = buildPart(raw, '', 0, walk)
  return {
    headers: payload.headers,
    payload,
    snippet: makeSnippet(walk.texts),
    attachments: walk.attachments,
  }
}

export function headerOf(headers: Header[], name: string): string | undefined {
  return headerValue(headers, name)
}
