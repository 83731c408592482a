// Pre-parse repair of a raw message, done on header bytes only (plus cutting oversized text
// bodies), so that postal-mime then decodes everything correctly by itself:
// - charset labels TextDecoder does not know are rewritten (charset-labels.ts);
// - raw 8-bit header values that are not UTF-8 are transcoded to UTF-8 (RFC 6532 allows
//   UTF-8 headers, and postal-mime reads header lines as UTF-8);
// - inline text parts whose charset is missing, unknown or contradicted by their bytes get
//   an explicit `charset=` with the guessed encoding (cyrillic-detect.ts).
import { isAscii, isUtf8 } from 'node:buffer'
import { canonicalizeHeaderLabels, charsetInfo, decoderFor } from './charset-labels'
import {
  bestCyrillic,
  CYRILLIC_CANDIDATES,
  cyrillicScore,
  guessCharset,
  looksLikeCyrillicAsLatin,
  PLAUSIBLE_CYRILLIC,
  type CyrillicCandidate,
} from './cyrillic-detect'
import { firstField, splitFields } from './header-block'
import { scanMime, type ScannedPart, type ScanProblem } from './mime-scan'
import { decodeTransfer } from './transfer-decode'
import { flowedParams, type Flowed } from './flowed'
import { isUtf7Label, reencodeUtf7Part, rewriteUtf7Words } from './utf7'

export interface RepairLimits {
  maxHeaderBytes: number
  maxDepth: number
  maxParts: number
  /** Decoded bytes kept per inline text part. */
  maxTextBytes: number
  /**
   * Also check base64 / quoted-printable parts labelled utf-8. Off on the first pass: the
   * caller looks for U+FFFD in postal-mime's output instead, which is cheaper than decoding
   * every body twice, and repeats the repair with this on when it finds one.
   */
  verifyUtf8?: boolean
}

export interface RepairResult {
  raw: Buffer
  problem: ScanProblem | null
  charsetFallback: boolean
  /** `format=flowed` parameters of the first inline text/plain part, or null. */
  flowed: Flowed | null
  truncated: boolean
}

const FORMAT_FLOWED = /(;[ \t]*)format[ \t]*=/i

interface Edit {
  start: number
  end: number
  data: Buffer
}

/** Encodings where any byte is a character, so valid UTF-8 in them means a wrong label. */
const SINGLE_BYTE = /^(?:windows-12|iso-8859-|koi8-|ibm866|x-mac-|macintosh)/
const HIGH_BYTE = /[\x80-\xff]/
const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i

interface CharsetDecision {
  /** Encoding to write into the Content-Type, or null to leave the part alone. */
  pin: string | null
  fallback: boolean
}

const KEEP: CharsetDecision = { pin: null, fallback: false }

// How much better (mean log-likelihood per byte) another Cyrillic decoding must score before
// we overrule a Cyrillic label; right and wrong decodings differ by 2-6, ties stay labelled.
const RELABEL_MARGIN = 2
const LABEL_SAMPLE_BYTES = 8 * 1024

function isCyrillicCandidate(encoding: string): encoding is CyrillicCandidate {
  return (CYRILLIC_CANDIDATES as readonly string[]).includes(encoding)
}

/** What postal-mime would decode with, given the label as written. */
function effectiveEncoding(label: string | undefined): string {
  if (!label) return 'utf-8'
  return charsetInfo(label)?.encoding ?? 'windows-1252'
}

function decideCharset(label: string | undefined, bytes: Buffer, isHtml: boolean): CharsetDecision {
  if (isAscii(bytes)) return KEEP
  const info = label ? charsetInfo(label) : null
  const current = effectiveEncoding(label)
  if (!info && isHtml) {
    // HTML parts often carry their charset only in <meta> (HTML spec, "prescan", 1024 bytes).
    const meta = META_CHARSET.exec(bytes.toString('latin1', 0, 1024))?.[1]
    if (meta && charsetInfo(meta)) {
      const decision = decideCharset(meta, bytes, false)
      const pin = decision.pin ?? (charsetInfo(meta) as { encoding: string }).encoding
      return { pin: pin === current ? null : pin, fallback: decision.fallback }
    }
  }
  if (!info) {
    const guess = guessCharset(bytes).encoding
    return { pin: guess === current ? null : guess, fallback: true }
  }
  if (info.encoding === 'utf-8') {
    if (isUtf8(bytes)) return KEEP
    const guess = guessCharset(bytes).encoding
    return { pin: guess === 'utf-8' ? null : guess, fallback: true }
  }
  if (!SINGLE_BYTE.test(info.encoding)) return KEEP
  if (isUtf8(bytes)) return { pin: 'utf-8', fallback: true }
  if (isCyrillicCandidate(info.encoding)) {
    // Old Russian mailers label windows-1251 text koi8-r and the other way round.
    const best = bestCyrillic(bytes)
    if (best.encoding !== info.encoding && best.score >= PLAUSIBLE_CYRILLIC) {
      const labelled = cyrillicScore(bytes.subarray(0, LABEL_SAMPLE_BYTES), info.encoding)
      if (best.score - labelled >= RELABEL_MARGIN) return { pin: best.encoding, fallback: true }
    }
    return KEEP
  }
  if (info.encoding === 'windows-1252') {
    if (looksLikeCyrillicAsLatin(bytes)) {
      const best = bestCyrillic(bytes)
      if (best.score >= PLAUSIBLE_CYRILLIC) return { pin: best.encoding, fallback: true }
    }
    // 8-bit bytes under a us-ascii label: decoded as windows-1252, but that was a guess.
    if (/ascii/i.test(label ?? '')) return { pin: null, fallback: true }
  }
  return KEEP
}

/** Sets (or adds) the charset parameter of the block's first Content-Type field. */
function pinCharset(block: string, encoding: string): string {
  const field = firstField(splitFields(block), 'content-type')
  if (!field) {
    const eol = block.includes('\r\n') || block.length === 0 ? '\r\n' : '\n'
    return `${block}Content-Type: text/plain; charset=${encoding}${eol}`
  }
  const text = block.slice(field.start, field.end)
  const param = /(\bcharset[ \t]*=[ \t]*)("[^"]*"|[^;\s]*)/i
  const updated = param.test(text)
    ? text.replace(param, `$1${encoding}`)
    : `${text.replace(/[ \t;]+$/, '')}; charset=${encoding}`
  return block.slice(0, field.start) + updated + block.slice(field.end)
}

/**
 * Transcodes header lines (latin1 view) that carry raw 8-bit bytes which are not UTF-8 into
 * UTF-8 bytes, guessing their charset unless `hint` (the part's own charset) names one.
 */
export function transcodeHeaderLines(block: string, hint: string | undefined): string {
  const lines = block.split('\n')
  const bad = lines.filter((line) => HIGH_BYTE.test(line) && !isUtf8(Buffer.from(line, 'latin1')))
  if (bad.length === 0) return block
  const hintInfo = hint ? charsetInfo(hint) : null
  const encoding =
    hintInfo && hintInfo.encoding !== 'utf-8' && SINGLE_BYTE.test(hintInfo.encoding)
      ? hintInfo.encoding
      : guessCharset(Buffer.from(bad.join('\n'), 'latin1')).encoding
  const decoder = decoderFor(encoding)
  return lines
    .map((line) => {
      if (!HIGH_BYTE.test(line)) return line
      const bytes = Buffer.from(line, 'latin1')
      if (isUtf8(bytes)) return line
      return Buffer.from(decoder.decode(bytes), 'utf8').toString('latin1')
    })
    .join('\n')
}

/** Whether the part's bytes must be looked at before parsing to pick its charset. */
function needsInspection(part: ScannedPart, verifyUtf8: boolean): boolean {
  // 7bit/8bit bodies need no decoding, so checking them is nearly free.
  if (part.transferEncoding !== 'base64' && part.transferEncoding !== 'quoted-printable')
    return true
  const label = part.params.charset
  const info = label ? charsetInfo(label) : null
  if (!info) return true
  if (info.encoding === 'utf-8') return verifyUtf8
  return SINGLE_BYTE.test(info.encoding)
}

function isInlineText(part: ScannedPart): boolean {
  return (
    part.kind === 'leaf' &&
    part.disposition !== 'attachment' &&
    (part.contentType === 'text/plain' || part.contentType === 'text/html')
  )
}

/** Raw body bytes that decode to at most `maxTextBytes` (base64 is 4/3, QP up to 3x). */
function rawBodyLimit(part: ScannedPart, maxTextBytes: number): number {
  if (part.transferEncoding === 'base64') return Math.ceil((maxTextBytes * 4) / 3)
  if (part.transferEncoding === 'quoted-printable') return maxTextBytes * 3
  return maxTextBytes
}

export function repairRaw(raw: Buffer, limits: RepairLimits): RepairResult {
  const scan = scanMime(raw, limits)
  const result: RepairResult = {
    raw,
    problem: scan.problem,
    charsetFallback: false,
    truncated: false,
    flowed: null,
  }
  const firstPlain = scan.parts.find((p) => isInlineText(p) && p.contentType === 'text/plain')
  if (firstPlain) result.flowed = flowedParams(firstPlain.params)
  if (scan.problem) return result
  const edits: Edit[] = []
  for (const part of scan.parts) {
    const original = raw.toString('latin1', part.headerStart, part.headerEnd)
    let block = rewriteUtf7Words(canonicalizeHeaderLabels(original))
    // postal-mime joins flowed lines without regard to quote depth ("30 > минут"); the first
    // plain part is unflowed after parsing instead (flowed.ts), so postal-mime must not see it.
    if (part === firstPlain && result.flowed) block = block.replace(FORMAT_FLOWED, '$1x-format=')
    if (HIGH_BYTE.test(block) && !isUtf8(raw.subarray(part.headerStart, part.headerEnd))) {
      block = transcodeHeaderLines(block, part.params.charset)
      result.charsetFallback = true
    }
    let bodyCut: Edit | null = null
    if (isInlineText(part) && part.bodyEnd > part.bodyStart) {
      const limit = rawBodyLimit(part, limits.maxTextBytes)
      let bodyEnd = part.bodyEnd
      if (bodyEnd - part.bodyStart > limit) {
        // Cut at a line break so base64 groups and QP escapes stay whole.
        const cut = raw.lastIndexOf(0x0a, part.bodyStart + limit)
        bodyEnd = cut > part.bodyStart ? cut : part.bodyStart + limit
        bodyCut = { start: bodyEnd, end: part.bodyEnd, data: Buffer.alloc(0) }
        result.truncated = true
      }
      if (isUtf7Label(part.params.charset)) {
        const body = raw.subarray(part.bodyStart, bodyEnd)
        const utf8 = reencodeUtf7Part(block, decodeTransfer(body, part.transferEncoding))
        block = utf8.block
        bodyCut = { start: part.bodyStart, end: part.bodyEnd, data: utf8.body }
      } else if (needsInspection(part, limits.verifyUtf8 === true)) {
        const body = raw.subarray(part.bodyStart, bodyEnd)
        const bytes = decodeTransfer(body, part.transferEncoding)
        const isHtml = part.contentType === 'text/html'
        const decision = decideCharset(part.params.charset, bytes, isHtml)
        if (decision.pin) block = pinCharset(block, decision.pin)
        if (decision.fallback) result.charsetFallback = true
      }
    }
    if (block !== original) {
      edits.push({
        start: part.headerStart,
        end: part.headerEnd,
        data: Buffer.from(block, 'latin1'),
      })
    }
    if (bodyCut) edits.push(bodyCut)
  }
  if (edits.length > 0) result.raw = applyEdits(raw, edits)
  return result
}

function applyEdits(raw: Buffer, edits: Edit[]): Buffer {
  const chunks: Buffer[] = []
  let last = 0
  for (const edit of edits) {
    chunks.push(raw.subarray(last, edit.start), edit.data)
    last = edit.end
  }
  chunks.push(raw.subarray(last))
  return Buffer.concat(chunks)
}
