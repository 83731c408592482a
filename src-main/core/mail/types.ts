// Public types of the mail module; parse-mail.ts re-exports them.

export interface MailAddress {
  /** Decoded display name, '' when absent. */
  name: string
  /** Lower-cased addr-spec. */
  address: string
}

export interface AttachmentMeta {
  filename: string | null
  mimeType: string
  /** Decoded size in bytes; the body itself is never kept. */
  size: number
  disposition: string | null
  contentId: string | null
}

export interface ParsedMail {
  /** `<id@host>` form, angle brackets included, so it compares equal to inReplyTo/references. */
  messageId: string | null
  inReplyTo: string | null
  references: string[]
  from: MailAddress | null
  to: MailAddress[]
  cc: MailAddress[]
  bcc: MailAddress[]
  replyTo: MailAddress[]
  subject: string
  /** ISO 8601 from the Date header; null when missing or invalid. */
  sentAt: string | null
  /** Best plain text: the text/plain part if present, else html->text; quotes included. */
  text: string
  /** The html part as a string, if any. */
  html: string | null
  /** html->text with quote blocks dropped; null if there is no html part. */
  textFromHtmlNoQuotes: string | null
  attachments: AttachmentMeta[]
  /** Selected headers (see SELECTED_HEADERS), lower-case keys, decoded values. */
  headers: Record<string, string>
  /** A charset had to be guessed (missing, unknown or contradicted by the bytes). */
  charsetFallback: boolean
  /** Some text was cut at the per-part cap. */
  truncated: boolean
}

export type ParseResult =
  | { ok: true; mail: ParsedMail }
  | {
      ok: false
      /** Short code: empty, headers_too_large, nesting_too_deep, multipart_without_boundary, ... */
      reason: string
      headers: Record<string, string>
      subject: string
      from: MailAddress | null
      messageId: string | null
      sentAt: string | null
    }
