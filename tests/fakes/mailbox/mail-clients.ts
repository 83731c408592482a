// How each mail client writes a reply: quote line ("On ... wrote:", "пн, 3 мар. 2025 г. в 10:02,
// Иван <ivan@x.ru>:", Outlook's From/Sent/To/Subject block), plain and HTML quoting, charsets.

import type { Rng } from '../prng'
import type { ClientId, Lang } from './content'
import { fmt, local } from './dates'
import type { Charset, TransferEncoding } from './encoding'

export interface QuoteSource {
  name: string
  email: string
  date: number
  subject: string
  toName: string
  toEmail: string
  messageId: string
  /** Whole visible plain text of the quoted message (its own quote included). */
  text: string
  /** Inner HTML of the quoted message. */
  html: string
}

export type Structure = 'text' | 'html' | 'alternative' | 'related'

export interface BodyFormat {
  structure: Structure
  charset: Charset
  cte: TransferEncoding
  flowed: boolean
}

export const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

const lines = (s: string): string => esc(s).replace(/\n/g, '<br>')

function prefixQuote(text: string, tight: boolean): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '>' : tight && l.startsWith('>') ? `>${l}` : `> ${l}`))
    .join('\n')
}

/** The quote line(s) a client writes above the quoted message; tz is the replier's zone. */
export function attribution(client: ClientId, lang: Lang, src: QuoteSource, tz: number): string {
  const l = local(src.date, tz)
  const who = `${src.name} <${src.email}>`
  const ru = lang === 'ru'
  switch (client) {
    case 'gmail':
      return ru ? `${fmt.gmailRu(l)}, ${who}:` : `On ${fmt.gmailEn(l)} ${who} wrote:`
    case 'apple':
      return ru ? `${fmt.appleRu(l)}, ${who} написал(а):` : `On ${fmt.appleEn(l)}, ${who} wrote:`
    case 'thunderbird':
      return ru
        ? `${fmt.numericRu(l)}, ${src.name} пишет:`
        : `On ${fmt.numericEn(l)}, ${src.name} wrote:`
    case 'mailru':
      return ru ? `${fmt.mailruRu(l, tz)} от ${who}:` : `${fmt.outlookEn(l)} from ${who}:`
    case 'yandex':
      return `${fmt.numericRu(l).replace(' ', ', ')}, "${src.name}" <${src.email}>:`
    case 'thebat':
      return ru ? `Вы писали ${fmt.longRu(l)}:` : `You wrote ${fmt.longEn(l)}:`
    case 'outlook': {
      const to = `${src.toName} <${src.toEmail}>`
      return ru
        ? `От: ${who}\nОтправлено: ${fmt.outlookRu(l)}\nКому: ${to}\nТема: ${src.subject}`
        : `From: ${who}\nSent: ${fmt.outlookEn(l)}\nTo: ${to}\nSubject: ${src.subject}`
    }
  }
}

/** Plain-text quote block placed under the reply. */
export function quotePlain(
  client: ClientId,
  lang: Lang,
  src: QuoteSource,
  tz: number,
  rng: Rng,
): string {
  const attr = attribution(client, lang, src, tz)
  if (client === 'outlook') {
    const rule = rng.chance(0.5)
      ? lang === 'ru' && rng.chance(0.5)
        ? '-----Исходное сообщение-----'
        : '-----Original Message-----'
      : '________________________________'
    return `${rule}\n${attr}\n\n${src.text}`
  }
  const tight = client === 'thunderbird' || client === 'thebat'
  return `${attr}\n\n${prefixQuote(src.text, tight)}`
}

const BLOCKQUOTE_GMAIL =
  'margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex'

export function quoteHtml(client: ClientId, lang: Lang, src: QuoteSource, tz: number): string {
  const attr = lines(attribution(client, lang, src, tz))
  switch (client) {
    case 'gmail':
      return `<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">${attr}<br></div><blockquote class="gmail_quote" style="${BLOCKQUOTE_GMAIL}">${src.html}</blockquote></div>`
    case 'outlook': {
      const bold = attr.replace(/(^|<br>)([^:<]+):/g, '$1<b>$2:</b>')
      return `<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">${bold}</font><div>&nbsp;</div></div>${src.html}`
    }
    case 'apple':
      return `<div><br><blockquote type="cite"><div>${attr}</div><br class="Apple-interchange-newline"><div>${src.html}</div></blockquote></div>`
    case 'thunderbird':
      return `<div class="moz-cite-prefix">${attr}<br></div><blockquote type="cite" cite="mid:${esc(src.messageId)}">${src.html}</blockquote>`
    case 'mailru':
      return `<div>&nbsp;</div><blockquote style="border-left:1px solid #0857A6; margin:10px; padding:0 0 0 10px;">${attr}<br><div id=""><div class="js-helper js-readmsg-msg"><div id="style_${src.date}_BODY">${src.html}</div></div></div></blockquote>`
    case 'yandex':
    case 'thebat':
      return `<div>&nbsp;</div><div>${attr}</div><blockquote>${src.html}</blockquote>`
  }
}

/** Inner HTML for the author's paragraphs and signature, in the client's markup. */
export function ownHtml(client: ClientId, paragraphs: string[], signature: string[]): string {
  const sig = signature.length ? signature.map(esc).join('<br>') : ''
  switch (client) {
    case 'gmail': {
      const body = paragraphs.map((p) => `<div>${lines(p)}</div>`).join('<div><br></div>')
      const s = sig
        ? `<div><br></div><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">${sig}</div>`
        : ''
      return `<div dir="ltr">${body}${s}</div>`
    }
    case 'outlook': {
      const p = (t: string): string =>
        `<p class="MsoNormal"><span lang="RU">${lines(t)}<o:p></o:p></span></p>`
      const gap = '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
      const s = sig
        ? `${gap}<p class="MsoNormal"><span style="color:#1F3864">${sig}</span><o:p></o:p></p>`
        : ''
      return `<div class="WordSection1">${paragraphs.map(p).join(gap)}${s}</div>`
    }
    case 'thunderbird':
      return `${paragraphs.map((t) => `<p>${lines(t)}</p>`).join('')}${sig ? `<div class="moz-signature">${sig}</div>` : ''}`
    default:
      return `${paragraphs.map((t) => `<div>${lines(t)}</div>`).join('<div>&nbsp;</div>')}${sig ? `<div>&nbsp;</div><div>${sig}</div>` : ''}`
  }
}

const WORD_HEAD =
  '<head><meta http-equiv="Content-Type" content="text/html; charset=CHARSET"><meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:"Cambria Math";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Calibri",sans-serif;\n\tmso-fareast-language:EN-US;}\na:link, span.MsoHyperlink\n\t{mso-style-priority:99;\n\tcolor:#0563C1;\n\ttext-decoration:underline;}\nspan.EmailStyle19\n\t{mso-style-type:personal-reply;\n\tfont-family:"Calibri",sans-serif;\n\tcolor:windowtext;}\n.MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-size:10.0pt;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:2.0cm 42.5pt 2.0cm 3.0cm;}\ndiv.WordSection1\n\t{page:WordSection1;}\n--></style><!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext="edit" spidmax="1026" />\n</xml><![endif]--></head>'

/** Whole HTML document around the inner body, as each client wraps it. */
export function htmlDocument(client: ClientId, inner: string, charset: Charset): string {
  if (client === 'outlook') {
    return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">${WORD_HEAD.replace('CHARSET', charset)}<body lang="RU" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">${inner}</body></html>`
  }
  if (client === 'gmail') return inner
  if (client === 'apple') {
    return `<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; charset=${charset}"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">${inner}</body></html>`
  }
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body>${inner}</body></html>`
}

function weighted<T>(rng: Rng, options: Array<[T, number]>): T {
  const total = options.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [v, w] of options) if ((r -= w) < 0) return v
  return (options[options.length - 1] as [T, number])[0]
}

export function pickFormat(client: ClientId, lang: Lang, rng: Rng): BodyFormat {
  const ru = lang === 'ru'
  const f = (
    structure: Structure,
    charset: Charset,
    cte: TransferEncoding,
    flowed = false,
  ): BodyFormat => ({
    structure,
    charset,
    cte,
    flowed,
  })
  switch (client) {
    case 'gmail':
      return f('alternative', 'utf-8', ru ? 'base64' : 'quoted-printable')
    case 'outlook': {
      const structure = rng.chance(0.15) ? 'related' : 'alternative'
      const charset = ru
        ? weighted<Charset>(rng, [
            ['windows-1251', 5],
            ['koi8-r', 3],
            ['utf-8', 2],
          ])
        : 'utf-8'
      return f(structure, charset, rng.chance(0.6) ? 'quoted-printable' : 'base64')
    }
    case 'apple':
      return f(rng.chance(0.6) ? 'alternative' : 'text', 'utf-8', 'quoted-printable')
    case 'thunderbird': {
      const charset = ru
        ? weighted<Charset>(rng, [
            ['utf-8', 6],
            ['koi8-r', 2.5],
            ['windows-1251', 1],
            ['iso-8859-5', 0.5],
          ])
        : 'utf-8'
      const cte: TransferEncoding = charset === 'iso-8859-5' ? 'quoted-printable' : '8bit'
      return rng.chance(0.7) ? f('text', charset, cte, true) : f('alternative', charset, cte)
    }
    case 'mailru':
      return f(rng.chance(0.5) ? 'html' : 'alternative', 'utf-8', 'base64')
    case 'yandex':
      return f(
        rng.chance(0.4) ? 'html' : 'alternative',
        'utf-8',
        rng.chance(0.7) ? 'base64' : '8bit',
      )
    case 'thebat': {
      const charset = weighted<Charset>(rng, [
        ['windows-1251', 6],
        ['koi8-r', 2.5],
        ['iso-8859-5', 1.5],
      ])
      const cte: TransferEncoding =
        charset === 'iso-8859-5' ? 'quoted-printable' : rng.chance(0.8) ? '8bit' : 'base64'
      return f('text', charset, cte)
    }
  }
}

export function mailerHeaders(client: ClientId, rng: Rng): string[] {
  switch (client) {
    case 'outlook':
      return [
        'X-Mailer: Microsoft Outlook 16.0',
        'Thread-Index: AQHb' + rng.hex(24),
        'Content-Language: ru-ru'.replace('ru-ru', rng.chance(0.5) ? 'ru-ru' : 'en-us'),
      ]
    case 'apple':
      return ['X-Mailer: iPhone Mail (22D82)']
    case 'thunderbird':
      return ['User-Agent: Mozilla Thunderbird', 'Content-Language: en-US']
    case 'mailru':
      return ['X-Mailer: Mail.Ru Mailer 1.0', 'X-7564579A: 646B95376F6C6A71']
    case 'yandex':
      return ['X-Mailer: Yamail [ http://yandex.ru ] 5.0']
    case 'thebat':
      return [
        'X-Mailer: The Bat! (v9.4.5) Professional',
        'Organization: ' + (rng.chance(0.5) ? 'Home' : 'Office'),
      ]
    case 'gmail':
      return []
  }
}

export function messageIdFor(client: ClientId, rng: Rng, domain: string): string {
  switch (client) {
    case 'gmail':
      return `<CA+${Buffer.from(rng.hex(40), 'hex').toString('base64').replace(/[+/=]/g, 'x')}@mail.gmail.com>`
    case 'outlook':
      return `<AM0PR07MB${rng.hex(4).toUpperCase()}${rng.hex(32).toUpperCase()}@AM0PR07MB${rng.hex(4).toUpperCase()}.eurprd07.prod.outlook.com>`
    case 'apple':
      return `<${rng.hex(8).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(12).toUpperCase()}@${domain}>`
    case 'mailru':
      return `<${rng.int(1_000_000_000, 1_999_999_999)}.${rng.hex(10)}@f${rng.int(100, 999)}.i.mail.ru>`
    case 'yandex':
      return `<${rng.int(100_000, 999_999)}${rng.int(1_000_000, 9_999_999)}@mail.yandex.ru>`
    default:
      return `<${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}@${domain}>`
  }
}
