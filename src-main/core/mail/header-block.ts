// Minimal RFC 5322 header-block helpers over latin1 strings (one char per byte, so offsets are
// byte offsets and nothing is lost). Used by the pre-parse scan and by the fallback that reads
// top-level headers of a message postal-mime could not parse.

export interface HeaderField {
  /** Lower-case field name. */
  name: string
  /** Unfolded value (RFC 5322 section 2.2.3), surrounding whitespace trimmed. */
  value: string
  /** Offset of the field's first char in the block. */
  start: number
  /** Offset just past the field's last char, before its final line break. */
  end: number
}

const FIELD_LIMIT = 1000

/** Splits a header block into fields; continuation lines start with SP or HTAB. */
export function splitFields(block: string): HeaderField[] {
  const fields: HeaderField[] = []
  let pos = 0
  while (pos < block.length && fields.length < FIELD_LIMIT) {
    const start = pos
    let end = pos
    // Extend over continuation lines.
    for (;;) {
      const nl = block.indexOf('\n', end)
      const lineEnd = nl < 0 ? block.length : nl
      end = block.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd
      pos = nl < 0 ? block.length : nl + 1
      const next = block.charCodeAt(pos)
      if (pos >= block.length || (next !== 0x20 && next !== 0x09)) break
      end = pos
    }
    const raw = block.slice(start, end)
    const colon = raw.indexOf(':')
    if (colon <= 0) continue
    const name = raw.slice(0, colon).trim().toLowerCase()
    const value = raw
      .slice(colon + 1)
      .replace(/\r?\n/g, '')
      .trim()
    fields.push({ name, value, start, end })
  }
  return fields
}

/** First field with this lower-case name. */
export function firstField(fields: HeaderField[], name: string): HeaderField | undefined {
  for (const field of fields) if (field.name === name) return field
  return undefined
}

export interface StructuredValue {
  /** Lower-case main value, e.g. 'text/plain' or 'attachment'. */
  value: string
  /** Lower-case parameter names; quoted values unquoted. */
  params: Record<string, string>
}

/** Strips the quotes and backslash escapes of a quoted-string (RFC 5322 section 3.2.4). */
function unquote(text: string): string {
  if (!text.startsWith('"')) return text
  const inner = text.endsWith('"') && text.length > 1 ? text.slice(1, -1) : text.slice(1)
  return inner.replace(/\\(.)/g, '$1')
}

/**
 * Parses `type/subtype; a=b; c="d;e"` (RFC 2045 section 5.1). Comments are stripped only
 * outside quoted strings; RFC 2231 continuations are left to postal-mime.
 */
export function parseStructured(input: string): StructuredValue {
  const segments: string[] = []
  let current = ''
  let quoted = false
  let depth = 0
  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i)
    if (quoted) {
      current += ch
      if (ch === '\\' && i + 1 < input.length) current += input.charAt(++i)
      else if (ch === '"') quoted = false
    } else if (depth > 0) {
      if (ch === '(') depth++
      else if (ch === ')') depth--
    } else if (ch === '(') {
      depth = 1
    } else if (ch === ';') {
      segments.push(current)
      current = ''
    } else {
      if (ch === '"') quoted = true
      current += ch
    }
  }
  segments.push(current)
  const params: Record<string, string> = {}
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] as string
    const eq = segment.indexOf('=')
    if (eq <= 0) continue
    const key = segment.slice(0, eq).trim().toLowerCase()
    if (key && !Object.prototype.hasOwnProperty.call(params, key)) {
      params[key] = unquote(segment.slice(eq + 1).trim())
    }
  }
  return { value: (segments[0] as string).trim().toLowerCase(), params }
}

/** A parameter, joined from RFC 2231 continuations (`name*0`, `name*1`, ...) if split. */
export function paramValue(params: Record<string, string>, name: string): string | undefined {
  const whole = params[name]
  if (whole !== undefined) return whole
  let joined = ''
  for (let i = 0; i < 100; i++) {
    const section = params[`${name}*${i}`]
    if (section === undefined) break
    joined += section
  }
  return joined || undefined
}

/**
 * Top-level fields from a simple split at the first blank line; the fallback when the MIME
 * parse fails. Reads at most `maxBytes` so that a hostile 3 MB header stays cheap.
 */
export function readTopFields(
  raw: Buffer,
  maxBytes: number,
): { block: Buffer; fields: HeaderField[] } {
  const head = raw.subarray(0, Math.min(raw.length, maxBytes))
  let end = head.length
  if (head[0] === 0x0a || (head[0] === 0x0d && head[1] === 0x0a)) end = 0
  const crlf = head.indexOf('\r\n\r\n')
  const lf = head.indexOf('\n\n')
  if (crlf >= 0) end = Math.min(end, crlf + 2)
  if (lf >= 0) end = Math.min(end, lf + 1)
  const block = head.subarray(0, end)
  return { block, fields: splitFields(block.toString('latin1')) }
}
