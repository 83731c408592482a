// Sync keeps only the metadata of attachments (name, type, size), yet Gmail's format=raw
// carries their bodies inline and postal-mime decodes every one of them: in a support mailbox
// attachments are most of the bytes. Before decoding, large base64 attachment bodies are cut
// out of the raw message (their size computed from the base64 text, RFC 4648 section 4) and
// put back as sizes afterwards; if the two cannot be matched one to one, the message is
// decoded whole instead.
import type { ParseResult } from '../mail/parse-mail'
import { scanMime, type ScannedPart } from '../mail/mime-scan'

/** Messages smaller than this are decoded as they are: not worth a scan. */
const MIN_MESSAGE_BYTES = 48 * 1024
/** Bodies smaller than this stay. */
const MIN_BODY_BYTES = 8 * 1024

const SCAN_LIMITS = { maxHeaderBytes: 2 * 1024 * 1024, maxDepth: 256, maxParts: 5000 }

export interface Slimmed {
  raw: Buffer
  /** Cut-out parts in document order: their type and decoded size. */
  cut: Array<{ mimeType: string; size: number }>
}

/** 1 for the base64 alphabet (RFC 4648 table 1), 0 for line breaks, padding and the rest. */
const ALPHABET = new Uint8Array(256)
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  ALPHABET[c.charCodeAt(0)] = 1
}

/** Bytes a base64 body decodes to: 3 per 4 alphabet characters, ignoring line breaks. */
export function base64DecodedSize(body: Buffer): number {
  let n = 0
  for (let i = 0; i < body.length; i++) n += ALPHABET[body[i]!]!
  return Math.floor((n * 3) / 4)
}

function cuttable(p: ScannedPart): boolean {
  return (
    p.kind === 'leaf' &&
    p.transferEncoding === 'base64' &&
    p.bodyEnd - p.bodyStart >= MIN_BODY_BYTES &&
    !p.contentType.startsWith('text/') &&
    !p.contentType.startsWith('message/')
  )
}

/** The raw message without its large base64 attachment bodies, or null to decode it whole. */
export function slimAttachments(raw: Buffer): Slimmed | null {
  if (raw.length < MIN_MESSAGE_BYTES) return null
  const scan = scanMime(raw, SCAN_LIMITS)
  if (scan.problem) return null
  const parts = scan.parts.filter(cuttable)
  if (parts.length === 0) return null
  const pieces: Buffer[] = []
  const cut: Slimmed['cut'] = []
  let at = 0
  for (const p of parts) {
    pieces.push(raw.subarray(at, p.bodyStart))
    cut.push({
      mimeType: p.contentType,
      size: base64DecodedSize(raw.subarray(p.bodyStart, p.bodyEnd)),
    })
    at = p.bodyEnd
  }
  pieces.push(raw.subarray(at))
  return { raw: Buffer.concat(pieces), cut }
}

/**
 * Puts the cut-out sizes back on the decoded attachments (empty now, in the same order).
 * False when they do not line up: the caller then decodes the original message.
 */
export function restoreSizes(parsed: ParseResult, cut: Slimmed['cut']): boolean {
  if (!parsed.ok) return false
  let next = 0
  for (const a of parsed.mail.attachments) {
    const want = cut[next]
    if (want && a.size === 0 && a.mimeType.toLowerCase() === want.mimeType) {
      a.size = want.size
      next++
    }
  }
  return next === cut.length
}
