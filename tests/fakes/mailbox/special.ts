// Machine-written mail that must never become a training pair: auto-replies (RFC 3834
// Auto-Submitted), newsletters (RFC 2369/8058 List-Unsubscribe, Precedence: bulk), delivery
// status notifications (RFC 3464 multipart/report) and spam.

import type { Rng } from '../prng'
import type { Lang } from './content'
import { rfc5322 } from './dates'
import { encodeBody, encodeWords, formatAddress } from './encoding'
import { esc, messageIdFor } from './mail-clients'
import { buildMessage } from './mime-build'
import { receivedHeaders } from './transport'

export interface Simple {
  raw: Buffer
  messageId: string
  subject: string
  text: string
}

interface Common {
  rng: Rng
  lang: Lang
  date: number
  to: string
}

export function newsletter(c: Common & { vendor: string; lines: string[] }): Simple {
  const { rng } = c
  const domain = `${c.vendor.toLowerCase()}.example`
  const [subject = '', ...paras] = c.lines
  const text = paras.join('\n\n')
  const messageId = `<${rng.hex(24)}@news.${domain}>`
  const rows = paras
    .map(
      (p) =>
        `<tr><td style="padding:12px 24px;font-family:Arial,sans-serif;font-size:15px;line-height:22px;color:#333333">${esc(p)}</td></tr>`,
    )
    .join('')
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>@media only screen and (max-width:600px){.wrap{width:100%!important}}</style></head><body style="margin:0;background:#f4f4f4"><center><table class="wrap" width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff"><tr><td style="padding:24px;background:#1a73e8;color:#ffffff;font:bold 22px Arial">${esc(c.vendor)}</td></tr>${rows}<tr><td style="padding:24px;font:12px Arial;color:#999999">You are receiving this email because you signed up at ${domain}. <a href="https://${domain}/unsubscribe?u=${rng.hex(16)}">Unsubscribe</a></td></tr></table><img src="https://${domain}/open/${rng.hex(20)}.gif" width="1" height="1" alt=""></center></body></html>`
  const headers = [
    ...receivedHeaders(rng, `bounce-${rng.hex(8)}@mail.${domain}`, `mail.${domain}`, c.to, c.date),
    `Date: ${rfc5322(c.date, 0)}`,
    `From: ${c.vendor} <news@${domain}>`,
    `To: ${c.to}`,
    `Subject: ${encodeWords(subject, 'utf-8', 'B')}`,
    `Message-ID: ${messageId}`,
    `List-Unsubscribe: <https://${domain}/unsubscribe?u=${rng.hex(16)}>, <mailto:unsubscribe@${domain}?subject=unsubscribe>`,
    'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    `List-Id: ${c.vendor} news <news.${domain}>`,
    'Precedence: bulk',
    `X-Campaign-Id: ${rng.int(10000, 99999)}`,
  ]
  const htmlOnly = rng.chance(0.4)
  const raw = buildMessage({
    headers,
    format: {
      structure: htmlOnly ? 'html' : 'alternative',
      charset: 'utf-8',
      cte: 'quoted-printable',
      flowed: false,
    },
    text,
    html,
    attachments: [],
    rng,
    boundaryStyle: 'generic',
  })
  return { raw, messageId, subject, text }
}

export function autoReply(
  c: Common & {
    from: { name: string; email: string; domain: string; tz: number }
    subject: string
    inReplyTo: string
    lines: string[]
  },
): Simple {
  const { rng } = c
  const prefix = c.lang === 'ru' ? 'Автоматический ответ: ' : 'Automatic reply: '
  const subject = prefix + c.subject
  const text = c.lines.join('\n\n')
  const messageId = messageIdFor('outlook', rng, c.from.domain)
  const headers = [
    ...receivedHeaders(rng, c.from.email, c.from.domain, c.to, c.date),
    `Date: ${rfc5322(c.date, c.from.tz)}`,
    `From: ${formatAddress(c.from.name, c.from.email, 'utf-8', 'B')}`,
    `To: ${c.to}`,
    `Subject: ${encodeWords(subject, 'utf-8', 'B')}`,
    `Message-ID: ${messageId}`,
    `In-Reply-To: ${c.inReplyTo}`,
    `References: ${c.inReplyTo}`,
    'Auto-Submitted: auto-replied',
    'X-Auto-Response-Suppress: All',
    'X-Autoreply: yes',
  ]
  const raw = buildMessage({
    headers,
    format: {
      structure: 'text',
      charset: 'utf-8',
      cte: c.lang === 'ru' ? 'base64' : 'quoted-printable',
      flowed: false,
    },
    text,
    html: '',
    attachments: [],
    rng,
    boundaryStyle: 'generic',
  })
  return { raw, messageId, subject, text }
}

/** Gmail's bounce for a message we sent to an address that does not exist. */
export function bounce(
  c: Common & { original: Buffer; badAddress: string; inReplyTo: string },
): Simple {
  const { rng } = c
  const subject = 'Delivery Status Notification (Failure)'
  const text = `** Address not found **\n\nYour message wasn't delivered to ${c.badAddress} because the address couldn't be found, or is unable to receive mail.\n\nLearn more here: https://support.google.com/mail/?p=NoSuchUser\n\nThe response was:\n\n550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser`
  const messageId = `<${rng.hex(16)}.${rng.hex(8)}@mx.google.com>`
  const b = `000000000000${rng.hex(12)}`
  const status = `Reporting-MTA: dns; googlemail.com\r\nReceived-From-MTA: dns; ${c.to.split('@')[1] ?? 'localhost'}\r\nArrival-Date: ${rfc5322(c.date - 4000, -480)}\r\n\r\nFinal-Recipient: rfc822; ${c.badAddress}\r\nAction: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.${c.badAddress.split('@')[1] ?? ''}\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\nLast-Attempt-Date: ${rfc5322(c.date, -480)}\r\n`
  const head = [
    `Delivered-To: ${c.to}`,
    'Return-Path: <>',
    `Date: ${rfc5322(c.date, -480)}`,
    'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
    `To: ${c.to}`,
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    `In-Reply-To: ${c.inReplyTo}`,
    `References: ${c.inReplyTo}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; boundary="${b}"; report-type=delivery-status`,
  ].join('\r\n')
  const html = `<html><head></head><body><h2 style="color:#c5221f">Address not found</h2><p>${esc(text.split('\n\n')[1] ?? '')}</p></body></html>`
  const parts = [
    Buffer.from(
      `\r\n--${b}\r\nContent-Type: multipart/alternative; boundary="${b}alt"\r\n\r\n--${b}alt\r\nContent-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
    ),
    encodeBody(text, 'utf-8', 'quoted-printable'),
    Buffer.from(
      `\r\n--${b}alt\r\nContent-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
    ),
    encodeBody(html, 'utf-8', 'quoted-printable'),
    Buffer.from(
      `\r\n--${b}alt--\r\n\r\n--${b}\r\nContent-Type: message/delivery-status\r\n\r\n${status}\r\n--${b}\r\nContent-Type: message/rfc822\r\n\r\n`,
    ),
    c.original,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]
  return { raw: Buffer.concat([Buffer.from(head + '\r\n'), ...parts]), messageId, subject, text }
}

export function spam(c: Common & { lines: string[] }): Simple {
  const { rng } = c
  const domain = `promo-${rng.hex(6)}.example`
  const subject = c.lines[0] ?? ''
  const text = c.lines.join('\n\n')
  const messageId = `<${rng.hex(20)}@${domain}>`
  const html = `<html><body><h1>${esc(subject)}</h1><p>${esc(c.lines[1] ?? '')}</p><a href="http://${domain}/claim?id=${rng.hex(12)}">CLAIM NOW</a></body></html>`
  const headers = [
    ...receivedHeaders(rng, `info@${domain}`, domain, c.to, c.date),
    `Date: ${rfc5322(c.date, 0)}`,
    `From: ${formatAddress(c.lang === 'ru' ? 'Служба призов' : 'Rewards Team', `info@${domain}`, 'utf-8', 'B')}`,
    `To: ${c.to}`,
    `Subject: ${encodeWords(subject, 'utf-8', 'B')}`,
    `Message-ID: ${messageId}`,
  ]
  const raw = buildMessage({
    headers,
    format: { structure: 'html', charset: 'utf-8', cte: 'base64', flowed: false },
    text,
    html,
    attachments: [],
    rng,
    boundaryStyle: 'generic',
  })
  return { raw, messageId, subject, text }
}
