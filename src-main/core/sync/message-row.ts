// The messages row for one fetched message, parsed or not (a failed parse keeps its headers and
// the reason), and where its own words are cleaned from. Pure: the decode worker runs it.
import type { MailAddress, ParsedMail, ParseResult } from '../mail/parse-mail'
import { directionOf, type Direction } from '../pairs/direction'
import { TEXT_SOURCE_HEADER } from '../mail/cleaning-source'

export { TEXT_SOURCE_HEADER }

/**
 * Which decoder made body_text: rows without it were stored before hard-wrapped text was
 * unwrapped and before HTML was read from the whole tree, and "Rebuild pairs" redoes them.
 */
export const TEXT_FORM_HEADER = 'x-replybase-text-form'
export const TEXT_FORM = 'paragraphs-1'

export interface MessageInput {
  externalId: string
  threadId: string
  direction: Direction
  fromAddress: string | null
  fromName: string | null
  to: MailAddress[]
  cc: MailAddress[]
  bcc: MailAddress[]
  subject: string
  bodyText: string
  bodyHtml: string | null
  sentAt: string
  labels: string[]
  rfcMessageId: string | null
  inReplyTo: string | null
  references: string[]
  headers: Record<string, string>
  attachments: ParsedMail['attachments']
  parseStatus: 'ok' | 'failed'
  parseError: string | null
  charsetFallback: boolean
  truncated: boolean
}

export interface GmailMeta {
  id: string
  threadId: string
  labelIds: string[]
  internalDate: number | null
}

/** The row for one fetched message, parsed or not (a failed parse keeps headers and reason). */
export function messageInputFrom(
  meta: GmailMeta,
  parsed: ParseResult,
  own: ReadonlySet<string>,
  source: 'plain' | 'html' = 'plain',
): MessageInput {
  const fallbackDate = new Date(meta.internalDate ?? 0).toISOString()
  if (!parsed.ok) {
    const from = parsed.from
    return {
      externalId: meta.id,
      threadId: meta.threadId,
      direction: directionOf(from?.address, meta.labelIds, own),
      fromAddress: from?.address || null,
      fromName: from?.name || null,
      to: [],
      cc: [],
      bcc: [],
      subject: parsed.subject,
      bodyText: '',
      bodyHtml: null,
      sentAt: parsed.sentAt ?? fallbackDate,
      labels: meta.labelIds,
      rfcMessageId: parsed.messageId,
      inReplyTo: null,
      references: [],
      headers: parsed.headers,
      attachments: [],
      parseStatus: 'failed',
      parseError: parsed.reason,
      charsetFallback: false,
      truncated: false,
    }
  }
  const m = parsed.mail
  const headers = { ...m.headers }
  if (source === 'html') headers[TEXT_SOURCE_HEADER] = 'html'
  headers[TEXT_FORM_HEADER] = TEXT_FORM
  return {
    externalId: meta.id,
    threadId: meta.threadId,
    direction: directionOf(m.from?.address, meta.labelIds, own),
    fromAddress: m.from?.address || null,
    fromName: m.from?.name || null,
    to: m.to,
    cc: m.cc,
    bcc: m.bcc,
    subject: m.subject,
    bodyText: m.text,
    bodyHtml: m.html,
    sentAt: m.sentAt ?? fallbackDate,
    labels: meta.labelIds,
    rfcMessageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: m.references,
    headers,
    attachments: m.attachments,
    parseStatus: 'ok',
    parseError: null,
    charsetFallback: m.charsetFallback,
    truncated: m.truncated,
  }
}

const PLAIN_MARKERS = ['text/plain', 'TEXT/PLAIN', 'Text/Plain', 'Text/plain'].map((m) =>
  Buffer.from(m),
)

/**
 * Where a message's own words are cleaned from: its text/plain part when it has one, else its
 * HTML converted with the quote blocks dropped (html-text.ts) before any text exists. parse-mail
 * does not say which part `text` came from, so the raw bytes are searched: no "text/plain"
 * anywhere means HTML only (a quoted text/plain inside an attachment only errs on the safe side).
 */
export function textSource(m: ParsedMail, raw: Buffer): 'plain' | 'html' {
  if (m.html === null || m.textFromHtmlNoQuotes === null) return 'plain'
  return PLAIN_MARKERS.some((marker) => raw.includes(marker)) ? 'plain' : 'html'
}

export function cleaningSource(m: ParsedMail, source: 'plain' | 'html'): string {
  return source === 'html' && m.textFromHtmlNoQuotes !== null ? m.textFromHtmlNoQuotes : m.text
}
