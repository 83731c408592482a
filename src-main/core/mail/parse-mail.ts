// One raw RFC 822 message (Gmail `format=raw`, base64url-decoded) -> a normalised, decoded
// ParsedMail. postal-mime does the MIME parsing; raw-repair.ts fixes charset labels and
// guesses missing charsets in the raw header bytes first, because postal-mime's TextDecoder
// has no hook for either. Never throws: unusable input gives { ok: false, reason, ... }.
import PostalMime, { decodeWords, type Attachment, type Email, type Header } from 'postal-mime'
import { firstAddress, flattenAddresses } from './addresses'
import { readFallbackHeaders } from './fallback-headers'
import { parseMessageIds, parseSentAt, SELECTED_HEADERS } from './header-fields'
import { unflow } from './flowed'
import { unwrapPlain } from './unwrap'
import { htmlToText, htmlToTextNoQuotes } from './html-text'
import { repairRaw, type RepairLimits, type RepairResult } from './raw-repair'
import type { AttachmentMeta, ParsedMail, ParseResult } from './types'

export type { AttachmentMeta, MailAddress, ParsedMail, ParseResult } from './types'

/** Decoded text kept per part (and per text/html field), in bytes / UTF-16 units. */
export const MAX_TEXT_CHARS = 2 * 1024 * 1024

// postal-mime's own defaults, spelled out because the pre-parse scan applies the same ones.
const MAX_NESTING_DEPTH = 256
const MAX_HEADERS_SIZE = 2 * 1024 * 1024

const REPAIR_LIMITS: RepairLimits = {
  maxHeaderBytes: MAX_HEADERS_SIZE,
  maxDepth: MAX_NESTING_DEPTH,
  maxParts: 5000,
  maxTextBytes: MAX_TEXT_CHARS,
}

const POSTAL_OPTIONS = {
  maxNestingDepth: MAX_NESTING_DEPTH,
  maxHeadersSize: MAX_HEADERS_SIZE,
  maxRfc822NestingDepth: 10,
  attachmentEncoding: 'arraybuffer',
} as const

const SELECTED = new Set<string>(SELECTED_HEADERS)
// Base64 bodies keep their CRLFs while postal-mime joins other bodies with LF; unify on LF.
const CRLF = /\r\n?/g
const MAX_HEADER_VALUE = 2000

function toBuffer(raw: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
}

function safeDecodeWords(value: string): string {
  try {
    return decodeWords(value)
  } catch {
    return value
  }
}

function pickHeaders(headers: readonly Header[]): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const { key, value } of headers) {
    if (SELECTED.has(key) && !(key in picked)) {
      picked[key] = safeDecodeWords(value.slice(0, MAX_HEADER_VALUE)).trim()
    }
  }
  return picked
}

function attachmentMeta(a: Attachment): AttachmentMeta {
  const content = a.content
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength
  return {
    filename: a.filename,
    mimeType: a.mimeType,
    size,
    disposition: a.disposition,
    contentId: a.contentId ?? null,
  }
}

function cap(value: string): string {
  return value.length > MAX_TEXT_CHARS ? value.slice(0, MAX_TEXT_CHARS) : value
}

function headerValue(headers: readonly Header[], key: string): string | undefined {
  for (const header of headers) if (header.key === key) return header.value
  return undefined
}

function buildMail(email: Email, repaired: RepairResult): ParsedMail {
  const truncated =
    repaired.truncated ||
    (email.html?.length ?? 0) > MAX_TEXT_CHARS ||
    (email.text?.length ?? 0) > MAX_TEXT_CHARS
  const html = email.html ? cap(email.html) : null
  // The text/plain part wins; postal-mime leaves `text` unset when there is only HTML.
  const plain = email.text ? cap(email.text).replace(CRLF, '\n') : null
  const textFromHtmlNoQuotes = html ? htmlToTextNoQuotes(html) : null
  // Paragraphs as typed: flowed mail says where its soft breaks are; other plain text is
  // unwrapped where its HTML twin (or, without one, its shape) shows the client's wraps.
  const text = plain
    ? repaired.flowed
      ? unflow(plain, repaired.flowed)
      : unwrapPlain(plain, textFromHtmlNoQuotes)
    : html
      ? htmlToText(html)
      : ''
  return {
    messageId: parseMessageIds(email.messageId)[0] ?? null,
    inReplyTo: parseMessageIds(email.inReplyTo)[0] ?? null,
    references: parseMessageIds(email.references),
    from: firstAddress(email.from),
    to: flattenAddresses(email.to),
    cc: flattenAddresses(email.cc),
    bcc: flattenAddresses(email.bcc),
    replyTo: flattenAddresses(email.replyTo),
    subject: (email.subject ?? '').trim(),
    sentAt: parseSentAt(headerValue(email.headers, 'date')),
    text,
    html,
    textFromHtmlNoQuotes,
    attachments: email.attachments.map(attachmentMeta),
    headers: pickHeaders(email.headers),
    charsetFallback: repaired.charsetFallback,
    truncated,
  }
}

function reasonFor(error: unknown): string {
  const message = error instanceof Error ? error.message : ''
  if (/nesting depth/i.test(message)) return 'nesting_too_deep'
  if (/header size/i.test(message)) return 'headers_too_large'
  return 'parse_error'
}

function failure(reason: string, raw: Buffer): ParseResult {
  return { ok: false, reason, ...readFallbackHeaders(raw) }
}

/** Parses one raw message. Resolves to ok:false (never rejects) when it cannot be parsed. */
export async function parseMail(raw: Buffer | Uint8Array): Promise<ParseResult> {
  let input: Buffer
  try {
    input = toBuffer(raw)
  } catch {
    return failure('invalid_input', Buffer.alloc(0))
  }
  if (input.length === 0) return failure('empty', input)
  try {
    let repaired = repairRaw(input, REPAIR_LIMITS)
    if (repaired.problem) return failure(repaired.problem, input)
    let email = await PostalMime.parse(repaired.raw, POSTAL_OPTIONS)
    if (email.text?.includes('\ufffd') || email.html?.includes('\ufffd')) {
      // Some part labelled utf-8 is not: inspect those too and parse again if that changed it.
      const verified = repairRaw(input, { ...REPAIR_LIMITS, verifyUtf8: true })
      if (!verified.raw.equals(repaired.raw)) {
        repaired = verified
        email = await PostalMime.parse(repaired.raw, POSTAL_OPTIONS)
      } else if (verified.charsetFallback) {
        repaired = verified
      }
    }
    return { ok: true, mail: buildMail(email, repaired) }
  } catch (error) {
    return failure(reasonFor(error), input)
  }
}
