// Builds one human-written message (a client's or ours) of a support thread: own words,
// signature, the client's quote of the previous message, headers and MIME body.

import type { Rng } from '../prng'
import type { ClientId, Lang, Person } from './content'
import { rfc5322 } from './dates'
import { encodeWords, fits, foldHeader, formatAddress, type Charset } from './encoding'
import {
  htmlDocument,
  mailerHeaders,
  messageIdFor,
  ownHtml,
  pickFormat,
  quoteHtml,
  quotePlain,
  type BodyFormat,
  type QuoteSource,
} from './mail-clients'
import { buildMessage, wrapText, type AttachmentSpec } from './mime-build'
import { receivedHeaders } from './transport'

export interface Party {
  name: string
  email: string
}

export interface ComposeInput {
  rng: Rng
  lang: Lang
  /** 'gmail-web' is our team writing in Gmail. */
  client: ClientId
  from: Party & { domain: string; tz: number }
  to: Party
  subject: string
  date: number
  own: string
  signature: string[]
  quote?: QuoteSource
  inReplyTo?: string
  references: string[]
  incoming: boolean
  attachments: AttachmentSpec[]
  extraHeaders?: string[]
}

export interface Composed {
  raw: Buffer
  messageId: string
  /** Own words after any legacy-charset substitution (what the author really sent). */
  own: string
  subject: string
  text: string
  htmlInner: string
  format: BodyFormat
  quoteStyle?: string
}

// Legacy single-byte charsets lack these; old clients send the ASCII look-alikes instead.
const LEGACY: Record<string, string> = {
  '«': '"',
  '»': '"',
  '—': '-',
  '–': '-',
  '₽': 'руб.',
  '…': '...',
  '№': 'N',
  '→': '->',
  '“': '"',
  '”': '"',
  '’': "'",
}
const legacy = (s: string): string => s.replace(/[«»—–₽…№→“”’]/g, (c) => LEGACY[c] ?? c)

function fixCharset(
  format: BodyFormat,
  parts: string[],
): { format: BodyFormat; convert: (s: string) => string } {
  if (format.charset === 'utf-8') return { format, convert: (s) => s }
  const all = parts.map(legacy).join('\n')
  if (fits(all, format.charset)) return { format, convert: legacy }
  return { format: { ...format, charset: 'utf-8' }, convert: (s) => s }
}

function headerCharset(client: ClientId, body: Charset): { charset: Charset; mode: 'B' | 'Q' } {
  if (client === 'outlook' || client === 'thebat')
    return { charset: body, mode: client === 'thebat' ? 'B' : 'Q' }
  return { charset: 'utf-8', mode: client === 'thunderbird' || client === 'apple' ? 'Q' : 'B' }
}

export function compose(input: ComposeInput): Composed {
  const { rng, lang, client } = input
  const picked = input.incoming ? pickFormat(client, lang, rng) : pickFormat('gmail', lang, rng)
  const { format, convert } = fixCharset(picked, [
    input.own,
    ...input.signature,
    input.subject,
    input.quote?.text ?? '',
  ])
  const own = convert(input.own)
  const subject = convert(input.subject)
  const signature = input.signature.map(convert)
  const quoteClient: ClientId = input.incoming ? client : 'gmail'
  const tz = input.from.tz
  let text = signature.length ? `${own}\n\n${signature.join('\n')}` : own
  let htmlInner = ownHtml(quoteClient, own.split('\n\n'), signature)
  if (input.quote) {
    const src = { ...input.quote, text: convert(input.quote.text) }
    text += `\n\n${quotePlain(quoteClient, lang, src, tz, rng)}`
    htmlInner += quoteHtml(quoteClient, lang, src, tz)
  }
  const wraps = quoteClient === 'thunderbird' || quoteClient === 'thebat'
  const plain = wraps ? wrapText(text, 72, format.flowed) : text
  const messageId = messageIdFor(input.incoming ? client : 'gmail', rng, input.from.domain)
  const hc = headerCharset(quoteClient, format.charset)
  // Some webmail sends raw UTF-8 header bytes (RFC 6532) instead of encoded words.
  const raw8 = input.incoming && client === 'yandex' && format.cte === '8bit' && rng.chance(0.3)
  const enc = (s: string): string => (raw8 ? s : encodeWords(s, hc.charset, hc.mode))
  const addr = (p: Party): string =>
    raw8 ? `${p.name} <${p.email}>` : formatAddress(p.name, p.email, hc.charset, hc.mode)
  const headers: string[] = input.incoming
    ? receivedHeaders(rng, input.from.email, input.from.domain, input.to.email, input.date)
    : []
  headers.push(
    `Date: ${rfc5322(input.date, tz)}`,
    foldHeader('From', addr(input.from)),
    foldHeader('To', addr(input.to)),
    `Subject: ${enc(subject)}`,
    `Message-ID: ${messageId}`,
  )
  if (input.inReplyTo) headers.push(`In-Reply-To: ${input.inReplyTo}`)
  if (input.references.length) headers.push(foldHeader('References', input.references.join(' ')))
  if (input.incoming) headers.push(...mailerHeaders(client, rng))
  headers.push(...(input.extraHeaders ?? []))
  const raw = buildMessage({
    headers,
    format,
    text: plain,
    html: htmlDocument(quoteClient, htmlInner, format.charset),
    attachments: input.attachments,
    rng,
    boundaryStyle:
      quoteClient === 'gmail' ? 'gmail' : quoteClient === 'outlook' ? 'outlook' : 'generic',
  })
  return {
    raw,
    messageId,
    own,
    subject,
    text,
    htmlInner,
    format,
    quoteStyle: input.quote ? `${quoteClient}-${lang}` : undefined,
  }
}

export function personParty(p: Person): ComposeInput['from'] {
  return { name: p.name, email: p.email, domain: p.domain, tz: p.tz }
}
