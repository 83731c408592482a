// A byte-offset map of a message's MIME entities: where each header block and each leaf body
// sits. It exists only so that charset labels can be fixed in the raw bytes before postal-mime
// parses them; decoding and text assembly stay with postal-mime. Delimiter rules follow
// RFC 2046 section 5.1.1 the way postal-mime applies them: a line that is "--" + boundary,
// optionally followed by "--", then only SP/HTAB, for any boundary that is still open.
import { firstField, paramValue, parseStructured, splitFields } from './header-block'

export type ScanProblem =
  | 'headers_too_large'
  | 'nesting_too_deep'
  | 'multipart_without_boundary'
  | 'multipart_without_parts'

export interface ScannedPart {
  headerStart: number
  /** Start of the blank line that ends the header block (or of the delimiter that cut it). */
  headerEnd: number
  bodyStart: number
  /** Leaves only: end of the body, before the line break that belongs to the next delimiter. */
  bodyEnd: number
  depth: number
  kind: 'multipart' | 'message' | 'leaf'
  /** Lower-case type/subtype, defaulted per RFC 2045 section 5.2 / RFC 2046 section 5.1.5. */
  contentType: string
  params: Record<string, string>
  /** Lower-case first token of Content-Transfer-Encoding, '' if absent. */
  transferEncoding: string
  /** Lower-case Content-Disposition value, '' if absent. */
  disposition: string
}

export interface ScanLimits {
  maxHeaderBytes: number
  maxDepth: number
  maxParts: number
}

export interface ScanResult {
  parts: ScannedPart[]
  /** A structural fault that makes the message unusable, or null. */
  problem: ScanProblem | null
}

interface OpenBoundary {
  boundary: Buffer
  depth: number
  subtype: string
}

const NL_DASHES = Buffer.from('\n--', 'latin1')

function isWsp(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09
}

interface Delimiter {
  lineStart: number
  /** Index of the matched boundary in the open list. */
  index: number
  terminator: boolean
  /** Start of the line after the delimiter. */
  next: number
}

class MimeScanner {
  private readonly open: OpenBoundary[] = []
  private headerBytes = 0

  constructor(
    private readonly buf: Buffer,
    private readonly limits: ScanLimits,
  ) {}

  /** Delimiter starting exactly at `lineStart`, checked against open boundaries, innermost first. */
  private matchDelimiter(lineStart: number): Delimiter | null {
    const buf = this.buf
    const nl = buf.indexOf(0x0a, lineStart)
    let end = nl < 0 ? buf.length : nl
    while (end > lineStart && buf[end - 1] === 0x0d) end--
    for (let i = this.open.length - 1; i >= 0; i--) {
      const b = (this.open[i] as OpenBoundary).boundary
      let p = lineStart + 2
      if (end - p < b.length || buf.compare(b, 0, b.length, p, p + b.length) !== 0) continue
      p += b.length
      const terminator = buf[p] === 0x2d && buf[p + 1] === 0x2d && p + 2 <= end
      if (terminator) p += 2
      while (p < end && isWsp(buf[p])) p++
      if (p === end) return { lineStart, index: i, terminator, next: nl < 0 ? buf.length : nl + 1 }
    }
    return null
  }

  /** Next delimiter line at or after `from` (a line start or a position inside a line). */
  private nextDelimiter(from: number): Delimiter | null {
    if (this.open.length === 0) return null
    const buf = this.buf
    let lineStart = from === 0 || buf[from - 1] === 0x0a ? from : -1
    let searchFrom = from
    for (;;) {
      if (lineStart < 0 || buf[lineStart] !== 0x2d || buf[lineStart + 1] !== 0x2d) {
        const hit = buf.indexOf(NL_DASHES, Math.max(0, searchFrom - 1))
        if (hit < 0) return null
        lineStart = hit + 1
      }
      const match = this.matchDelimiter(lineStart)
      if (match) return match
      searchFrom = lineStart + 2
      lineStart = -1
    }
  }

  /** Reads a header block at `start`; it ends at a blank line or at a delimiter line. */
  private readHeader(start: number): { headerEnd: number; bodyStart: number } | null {
    const buf = this.buf
    let pos = start
    while (pos < buf.length) {
      const nl = buf.indexOf(0x0a, pos)
      let end = nl < 0 ? buf.length : nl
      while (end > pos && buf[end - 1] === 0x0d) end--
      if (end === pos) return { headerEnd: pos, bodyStart: nl < 0 ? buf.length : nl + 1 }
      if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d && this.matchDelimiter(pos)) {
        return { headerEnd: pos, bodyStart: pos }
      }
      this.headerBytes += end - pos
      if (this.headerBytes > this.limits.maxHeaderBytes) return null
      pos = nl < 0 ? buf.length : nl + 1
    }
    return { headerEnd: buf.length, bodyStart: buf.length }
  }

  private describe(
    start: number,
    header: { headerEnd: number; bodyStart: number },
    depth: number,
    parentSubtype: string,
  ): ScannedPart {
    const fields = splitFields(this.buf.toString('latin1', start, header.headerEnd))
    const ctField = firstField(fields, 'content-type')
    const ct = parseStructured(ctField?.value ?? '')
    // RFC 2045 section 5.2 default, or RFC 2046 section 5.1.5 inside multipart/digest.
    const fallbackType = parentSubtype === 'digest' ? 'message/rfc822' : 'text/plain'
    const contentType = ct.value.includes('/') ? ct.value : fallbackType
    const cte = firstField(fields, 'content-transfer-encoding')?.value.toLowerCase() ?? ''
    const transferEncoding = /[\w-]+/.exec(cte)?.[0] ?? ''
    const disposition = parseStructured(
      firstField(fields, 'content-disposition')?.value ?? '',
    ).value
    const inlineMessage =
      contentType === 'message/rfc822' &&
      disposition !== 'attachment' &&
      transferEncoding !== 'base64' &&
      transferEncoding !== 'quoted-printable'
    return {
      headerStart: start,
      headerEnd: header.headerEnd,
      bodyStart: header.bodyStart,
      bodyEnd: header.bodyStart,
      depth,
      kind: contentType.startsWith('multipart/') ? 'multipart' : inlineMessage ? 'message' : 'leaf',
      contentType,
      params: ct.params,
      transferEncoding,
      disposition,
    }
  }

  scan(): ScanResult {
    const { buf, limits, open } = this
    const parts: ScannedPart[] = []
    let problem: ScanProblem | null = null
    let pos = 0
    let depth = 0
    let parentSubtype = ''
    while (parts.length < limits.maxParts) {
      const header = this.readHeader(pos)
      if (!header) {
        problem = 'headers_too_large'
        break
      }
      const part = this.describe(pos, header, depth, parentSubtype)
      parts.push(part)

      if (part.kind === 'message') {
        // The body of an inline message/rfc822 part is itself a message: headers come next.
        pos = header.bodyStart
        depth++
        parentSubtype = ''
        if (depth > limits.maxDepth) {
          problem = 'nesting_too_deep'
          break
        }
        continue
      }
      if (part.kind === 'multipart') {
        const boundary = paramValue(part.params, 'boundary')
        if (boundary) {
          open.push({
            boundary: Buffer.from(boundary, 'latin1'),
            depth,
            subtype: part.contentType.slice('multipart/'.length),
          })
        } else if (depth === 0) {
          problem = 'multipart_without_boundary'
          break
        }
      }

      let delimiter = this.nextDelimiter(header.bodyStart)
      if (part.kind === 'leaf') {
        // The line break before a delimiter belongs to the delimiter (RFC 2046 section 5.1.1).
        let end = delimiter ? delimiter.lineStart : buf.length
        if (delimiter && end > part.bodyStart && buf[end - 1] === 0x0a) end--
        if (delimiter && end > part.bodyStart && buf[end - 1] === 0x0d) end--
        part.bodyEnd = Math.max(part.bodyStart, end)
      }
      // A terminator closes its multipart; keep looking for the next part of an outer one.
      while (delimiter && delimiter.terminator) {
        open.length = delimiter.index
        delimiter = this.nextDelimiter(delimiter.next)
      }
      if (!delimiter) break
      open.length = delimiter.index + 1
      const owner = open[delimiter.index] as OpenBoundary
      pos = delimiter.next
      depth = owner.depth + 1
      parentSubtype = owner.subtype
      if (depth > limits.maxDepth) {
        problem = 'nesting_too_deep'
        break
      }
    }

    const root = parts[0]
    if (!problem && root?.kind === 'multipart' && paramValue(root.params, 'boundary')) {
      if (!parts.some(isFirstLevel)) problem = 'multipart_without_parts'
    }
    return { parts, problem }
  }
}

function isFirstLevel(part: ScannedPart): boolean {
  return part.depth === 1
}

export function scanMime(buf: Buffer, limits: ScanLimits): ScanResult {
  return new MimeScanner(buf, limits).scan()
}
