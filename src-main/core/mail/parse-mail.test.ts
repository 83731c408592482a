import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { MAX_TEXT_CHARS, parseMail, type ParsedMail, type ParseResult } from './parse-mail'

const FIXTURES = new URL('../../../tests/fixtures/mail/', import.meta.url)
const GREETING = 'Здравствуйте, мой заказ не пришёл'
const ORDER = 'Номер заказа 12345, оплачен 20 ноября.'
const BODY = `${GREETING}.\n${ORDER}\n`

const load = (name: string): Buffer => readFileSync(new URL(name, FIXTURES))

async function parsed(name: string): Promise<ParsedMail> {
  const result = await parseMail(load(name))
  if (!result.ok) throw new Error(`${name}: ${result.reason}`)
  return result.mail
}

async function failed(raw: Buffer): Promise<Extract<ParseResult, { ok: false }>> {
  const result = await parseMail(raw)
  if (result.ok) throw new Error('expected ok:false')
  return result
}

describe('parseMail: legacy Russian charsets', () => {
  it('decodes a koi8-r 8bit body, a koi8-r Q subject and a koi8-r B name', async () => {
    const mail = await parsed('koi8r-plain.eml')
    expect(mail.text).toBe(BODY)
    expect(mail.subject).toBe('Заказ не пришёл')
    expect(mail.from).toEqual({ name: 'Иван Петров', address: 'ivan.petrov@example.ru' })
    expect(mail.sentAt).toBe('2026-11-24T07:00:00.000Z')
    expect(mail.messageId).toBe('<koi8r-plain@example.ru>')
    expect(mail.charsetFallback).toBe(false)
    expect(mail.html).toBeNull()
    expect(mail.textFromHtmlNoQuotes).toBeNull()
  })

  it('decodes windows-1251 8bit and base64 bodies', async () => {
    const eightBit = await parsed('cp1251-8bit.eml')
    expect(eightBit.text).toBe(BODY)
    expect(eightBit.from?.name).toBe('Мария Смирнова')
    expect(eightBit.subject).toBe('Вопрос по доставке')

    const base64 = await parsed('cp1251-base64.eml')
    expect(base64.text).toBe(BODY)
    expect(base64.subject).toBe('Re: Заказ 12345')
    expect(base64.inReplyTo).toBe('<reply-1@replybase.test>')
    expect(base64.references).toEqual(['<thread-0@example.ru>', '<reply-1@replybase.test>'])
  })

  it('decodes utf-8 quoted-printable and a subject split inside a character', async () => {
    const mail = await parsed('utf8-qp.eml')
    expect(mail.subject).toBe('Заказ не пришёл, помогите')
    expect(mail.text.trim()).toBe(
      `${GREETING}. ${ORDER} Подскажите, пожалуйста, когда ждать доставку?`,
    )
  })

  it('decodes adjacent windows-1251 and koi8-r encoded words in subject and names', async () => {
    const mail = await parsed('cp1251-subject.eml')
    expect(mail.subject).toBe('Возврат товара и обмен (срочно)')
    expect(mail.from).toEqual({ name: 'Ольга Иванова', address: 'olga@example.ru' })
    expect(mail.to).toEqual([
      { name: 'Служба поддержки', address: 'support@replybase.test' },
      { name: 'Пётр', address: 'petr@example.ru' },
    ])
    expect(mail.cc).toEqual([
      { name: '', address: 'sales1@example.ru' },
      { name: 'Sales Two', address: 'sales2@example.ru' },
    ])
  })

  it.each([
    ['mislabeled-win-1251.eml', 'win-1251'],
    ['mislabeled-koi8r.eml', 'koi8r'],
    ['maccyrillic-label.eml', 'maccyrillic'],
  ])('canonicalises the label in %s (%s)', async (name) => {
    const mail = await parsed(name)
    expect(mail.text.trim()).toBe(BODY.trim())
    expect(mail.subject).toBe('Заказ не пришёл')
    expect(mail.charsetFallback).toBe(false)
  })

  it('canonicalises `windows1251` and `cp-1251` in nested parts and encoded words', async () => {
    const mail = await parsed('mislabeled-windows1251.eml')
    expect(mail.from?.name).toBe('Анна')
    expect(mail.subject).toBe('Заказ не пришёл')
    expect(mail.text).toBe(BODY)
    expect(mail.html).toContain(`<p>${GREETING}.</p>`)
    expect(mail.textFromHtmlNoQuotes).toBe(`${GREETING}.\n\n${ORDER}`)
  })

  it.each(['x-mac-cyrillic.eml', 'iso-8859-5.eml'])('decodes %s', async (name) => {
    const mail = await parsed(name)
    expect(mail.text).toBe(BODY)
    expect(mail.charsetFallback).toBe(false)
  })
})

describe('parseMail: guessed charsets', () => {
  it.each(['no-charset-cp1251.eml', 'no-charset-koi8r.eml'])(
    'guesses the charset of an unlabelled part (%s)',
    async (name) => {
      const mail = await parsed(name)
      expect(mail.text).toBe(BODY)
      expect(mail.charsetFallback).toBe(true)
    },
  )

  it('repairs Cyrillic bytes under an iso-8859-1 label', async () => {
    const mail = await parsed('latin1-mojibake.eml')
    expect(mail.text.trim()).toBe(BODY.trim())
    expect(mail.charsetFallback).toBe(true)
  })

  it('repairs windows-1251 bytes under a utf-8 label', async () => {
    const mail = await parsed('utf8-labelled-cp1251.eml')
    expect(mail.text).toBe(BODY)
    expect(mail.text).not.toContain('\ufffd')
    expect(mail.charsetFallback).toBe(true)
  })

  it('keeps genuine Latin-1 text as it is', async () => {
    const mail = await parsed('western-latin1.eml')
    expect(mail.text).toBe('Viele Grüße aus München, à bientôt et café crème.\n')
    expect(mail.charsetFallback).toBe(false)
  })

  it('decodes raw 8-bit windows-1251 Subject and From', async () => {
    const mail = await parsed('raw-8bit-headers.eml')
    expect(mail.subject).toBe('Заказ не пришёл')
    expect(mail.from).toEqual({ name: 'Иван Петров', address: 'ivan@example.ru' })
    expect(mail.text).toBe(BODY)
    expect(mail.charsetFallback).toBe(true)
  })

  it('uses the <meta> charset of an HTML part without a charset parameter', async () => {
    const mail = await parsed('html-meta-charset.eml')
    expect(mail.text).toBe(GREETING)
    expect(mail.charsetFallback).toBe(false)
  })

  it('repairs parts of an inline forwarded message/rfc822', async () => {
    const raw = Buffer.concat([
      Buffer.from(
        [
          'Subject: Fwd',
          'Content-Type: multipart/mixed; boundary=b',
          '',
          '--b',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'See below.',
          '--b',
          'Content-Type: message/rfc822',
          '',
          'Subject: =?koi8r?B?+sHLwdo=?=',
          'Content-Type: text/plain',
          '',
          '',
        ].join('\r\n'),
        'latin1',
      ),
      iconv.encode(GREETING, 'windows-1251'),
      Buffer.from('\r\n--b--\r\n', 'latin1'),
    ])
    const result = await parseMail(raw)
    expect(result.ok && result.mail.text).toContain(GREETING)
    expect(result.ok && result.mail.charsetFallback).toBe(true)
  })
})

describe('parseMail: structure, HTML and attachments', () => {
  it('takes text/plain from alternative-inside-mixed and keeps attachment metadata only', async () => {
    const mail = await parsed('mixed-alternative-pdf.eml')
    expect(mail.text).toBe(`${GREETING}.\nСчёт во вложении.\n`)
    expect(mail.html).toBe(`<div>${GREETING}.</div><div>Счёт во <b>вложении</b>.</div>`)
    expect(mail.textFromHtmlNoQuotes).toBe(`${GREETING}.\nСчёт во вложении.`)
    expect(mail.attachments).toEqual([
      {
        filename: 'invoice.pdf',
        mimeType: 'application/pdf',
        size: 1022,
        disposition: 'attachment',
        contentId: null,
      },
    ])
    expect(Object.keys(mail.attachments[0] ?? {})).not.toContain('content')
    expect(JSON.stringify(mail)).not.toContain('%PDF')
  })

  it('drops the Gmail quote from textFromHtmlNoQuotes but keeps it in text', async () => {
    const mail = await parsed('gmail-html-reply.eml')
    expect(mail.textFromHtmlNoQuotes).toBe('Добрый день!\nЗаказ отправлен сегодня, трек на сайте.')
    expect(mail.text).toContain('Добрый день!')
    expect(mail.text).toContain('вт, 24 нояб. 2026 г. в 10:00, Иван Петров <ivan@example.ru>:')
    expect(mail.text).toContain(GREETING)
    expect(mail.text).not.toContain('https://')
    expect(mail.text).not.toContain('pixel')
    expect(mail.inReplyTo).toBe('<koi8r-plain@example.ru>')
  })

  it('drops the Outlook reply header and the quoted message after it', async () => {
    const mail = await parsed('outlook-html-reply.eml')
    expect(mail.textFromHtmlNoQuotes).toBe('Спасибо, получили. Вернём деньги в течение 3 дней.')
    expect(mail.text).toContain('От: Иван Петров <ivan@example.ru>')
    expect(mail.text).toContain(GREETING)
    expect(mail.text).not.toContain('margin')
    expect(mail.headers).toEqual({
      'x-mailer': 'Microsoft Outlook 16.0',
      'content-language': 'ru-RU',
    })
  })

  it('decodes RFC 2231 and encoded-word filenames', async () => {
    const mail = await parsed('rfc2231-filename.eml')
    expect(mail.text).toBe('See attached.\n')
    expect(mail.attachments.map((a) => [a.filename, a.disposition, a.contentId])).toEqual([
      ['Счёт № 42.pdf', 'attachment', null],
      ['Акт сверки.docx', 'attachment', null],
      ['Фото.png', 'inline', '<photo-1@example.ru>'],
    ])
    expect(mail.attachments.map((a) => a.size)).toEqual([1022, 13, 12])
  })

  it('reads addresses, ids, the obsolete Date form and the selected headers', async () => {
    const mail = await parsed('autoreply-headers.eml')
    expect(mail.subject).toBe('Автоответ: Заказ')
    expect(mail.sentAt).toBe('2026-11-24T07:00:00.000Z')
    expect(mail.messageId).toBe('<auto-1@example.ru>')
    expect(mail.inReplyTo).toBe('<orig-1@example.ru>')
    expect(mail.references).toEqual(['<a@example.ru>', '<b@example.ru>', '<orig-1@example.ru>'])
    expect(mail.from).toEqual({ name: 'Robot', address: 'noreply@example.ru' })
    expect(mail.to).toEqual([])
    expect(mail.cc.map((a) => a.address)).toEqual(['a@example.ru', 'b@example.ru', 'c@example.ru'])
    expect(mail.replyTo).toEqual([{ name: '', address: 'help@example.ru' }])
    expect(mail.bcc).toEqual([])
    expect(mail.headers).toEqual({
      'return-path': '<bounce+123@lists.example.ru>',
      'auto-submitted': 'auto-replied',
      'x-autoreply': 'yes',
      'x-autorespond': 'yes',
      precedence: 'bulk',
      'list-id': 'Orders <orders.lists.example.ru>',
      'list-unsubscribe': '<mailto:unsubscribe@lists.example.ru>',
      'x-mailer': 'Mail.ru Autoresponder',
      'content-language': 'ru',
      'x-failed-recipients': 'lost@example.ru',
    })
  })

  it('accepts a plain Uint8Array view into a larger buffer', async () => {
    const raw = load('koi8r-plain.eml')
    const padded = new Uint8Array(raw.length + 20)
    padded.set(raw, 10)
    const result = await parseMail(padded.subarray(10, 10 + raw.length))
    expect(result.ok && result.mail.text).toBe(BODY)
  })
})

describe('parseMail: broken and hostile input', () => {
  it('returns ok:false with the readable headers when the boundary is missing', async () => {
    const result = await failed(load('broken-no-boundary.eml'))
    expect(result.reason).toBe('multipart_without_boundary')
    expect(result.subject).toBe('Сломанное письмо')
    expect(result.from).toEqual({ name: 'Ivan Petrov', address: 'ivan@example.ru' })
    expect(result.messageId).toBe('<broken-no-boundary@example.ru>')
    expect(result.sentAt).toBe('2026-11-24T07:00:00.000Z')
    expect(result.headers['auto-submitted']).toBe('no')
    expect(result.headers['content-type']).toBe('multipart/mixed')
  })

  it('returns ok:false for 300-deep nesting', async () => {
    const result = await failed(load('deep-nesting.eml'))
    expect(result.reason).toBe('nesting_too_deep')
    expect(result.subject).toBe('deep')
  })

  it('returns ok:false for 3 MB of headers, still reading the first ones', async () => {
    const raw = Buffer.from(
      `Subject: big\r\nMessage-ID: <big@x>\r\nX-Junk: ${'a'.repeat(3 * 1024 * 1024)}\r\n\r\nbody`,
    )
    const result = await failed(raw)
    expect(result.reason).toBe('headers_too_large')
    expect(result.subject).toBe('big')
    expect(result.messageId).toBe('<big@x>')
  })

  it('returns ok:false for empty input and for a multipart without any part', async () => {
    expect((await failed(Buffer.alloc(0))).reason).toBe('empty')
    const noParts = Buffer.from(
      'Subject: s\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\ntext\r\n',
    )
    expect((await failed(noParts)).reason).toBe('multipart_without_parts')
  })

  it('caps decoded text per part and says so', async () => {
    const big = `${'строка текста '.repeat(7)}\r\n`.repeat(40_000)
    const raw = Buffer.from(`Subject: big\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${big}`)
    const result = await parseMail(raw)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.mail.truncated).toBe(true)
    expect(result.mail.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS)
    expect(result.mail.text.length).toBeGreaterThan(MAX_TEXT_CHARS / 3)
  })

  it('never rejects: truncated fixtures, random bytes and broken base64', async () => {
    const inputs: Buffer[] = []
    for (const name of [
      'mixed-alternative-pdf.eml',
      'rfc2231-filename.eml',
      'outlook-html-reply.eml',
    ]) {
      const raw = load(name)
      for (let cut = 1; cut < raw.length; cut += 97) inputs.push(raw.subarray(0, cut))
    }
    let seed = 42
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 50; i++) {
      inputs.push(
        Buffer.from(
          Array.from({ length: 1 + Math.floor(random() * 3000) }, () => Math.floor(random() * 256)),
        ),
      )
    }
    inputs.push(
      Buffer.from(
        'Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@=A=B==!!\r\n',
      ),
    )
    for (const raw of inputs) {
      const result = await parseMail(raw)
      expect(typeof result.ok).toBe('boolean')
    }
  })
})

describe('parseMail: an HTML-only reply whose quote is a whole document', () => {
  it('stores the new text and the quote after it, never the quote alone', async () => {
    const html =
      '<div>Заказ так и не пришёл.</div><blockquote><html><head><title>Re</title></head>' +
      '<body><p>Наш ответ: заказ отправлен.</p></body></html></blockquote>'
    const raw = Buffer.from(
      'From: Client <client@example.ru>\r\nTo: support@example.com\r\nSubject: Re: Заказ\r\n' +
        'Message-ID: <nested-doc@example.ru>\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n' +
        html,
    )
    const result = await parseMail(raw)
    if (!result.ok) throw new Error(result.reason)
    expect(result.mail.text).toMatch(
      /^Заказ так и не пришёл\.\n[\s\S]*Наш ответ: заказ отправлен\.$/,
    )
    expect(result.mail.textFromHtmlNoQuotes).toBe('Заказ так и не пришёл.')
  })
})

describe('parseMail: UTF-7 (old Outlook, some webmail)', () => {
  const TEXT = 'Здравствуйте, заказ №123 не пришёл.\nThanks — Иван Петров'
  const utf7 = (s: string): string => iconv.encode(s, 'utf-7').toString('latin1')

  it('decodes a UTF-7 body, a UTF-7 B subject and a UTF-7 Q name', async () => {
    const subject = iconv.encode('Заказ не пришёл', 'utf-7').toString('base64')
    const name = utf7('Иван Петров').replace(/[=+ ]/g, (c) => `=${c.charCodeAt(0).toString(16)}`)
    const raw = Buffer.from(
      `From: =?utf-7?Q?${name}?= <ivan@example.ru>\r\nTo: support@example.com\r\n` +
        `Subject: =?UTF-7?B?${subject}?=\r\nMessage-ID: <utf7@example.ru>\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: text/plain; charset="utf-7"\r\n\r\n${utf7(TEXT)}\r\n`,
      'latin1',
    )
    const result = await parseMail(raw)
    if (!result.ok) throw new Error(result.reason)
    expect(result.mail.text.trim()).toBe(TEXT)
    expect(result.mail.subject).toBe('Заказ не пришёл')
    expect(result.mail.from).toEqual({ name: 'Иван Петров', address: 'ivan@example.ru' })
  })

  it('decodes quoted-printable UTF-7 HTML beside a base64 UTF-7 plain part', async () => {
    const html = `<div>${TEXT.replace('\n', '<br>')}</div>`
    const qp = utf7(html).replace(/=/g, '=3D')
    const b64 = iconv.encode(TEXT, 'utf-7').toString('base64')
    const raw = Buffer.from(
      'From: ivan@example.ru\r\nSubject: x\r\nMessage-ID: <utf7-alt@example.ru>\r\n' +
        'MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n' +
        '--b\r\nContent-Type: text/plain; charset=unicode-1-1-utf-7\r\n' +
        `Content-Transfer-Encoding: base64\r\n\r\n${b64}\r\n` +
        '--b\r\nContent-Type: text/html; charset=utf-7\r\n' +
        `Content-Transfer-Encoding: quoted-printable\r\n\r\n${qp}\r\n--b--\r\n`,
      'latin1',
    )
    const result = await parseMail(raw)
    if (!result.ok) throw new Error(result.reason)
    expect(result.mail.text.trim()).toBe(TEXT)
    expect(result.mail.textFromHtmlNoQuotes).toBe(TEXT)
  })
})

describe('parseMail: format=flowed', () => {
  it('stores the paragraphs a flowed windows-1251 message was typed in, quote included', async () => {
    const body =
      'Добрый день! При \r\nпревышении лимита заказ \r\nотменяется?\r\n\r\n' +
      '> Ждём 30 \r\n> минут.\r\n'
    const raw = Buffer.concat([
      Buffer.from(
        'From: ivan@example.ru\r\nSubject: x\r\nMessage-ID: <flowed@example.ru>\r\n' +
          'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1251; format=flowed\r\n' +
          'Content-Transfer-Encoding: 8bit\r\n\r\n',
      ),
      iconv.encode(body, 'windows-1251'),
    ])
    const result = await parseMail(raw)
    if (!result.ok) throw new Error(result.reason)
    expect(result.mail.text.trim()).toBe(
      'Добрый день! При превышении лимита заказ отменяется?\n\n> Ждём 30 минут.',
    )
  })
})

describe('parseMail: hard-wrapped plain text', () => {
  const typed =
    'Добрый день! После обновления приложение перестало синхронизировать заказы с сайтом, ' +
    'новые заказы появляются только через несколько часов.'
  const wrapped =
    'Добрый день! После обновления приложение перестало синхронизировать\r\n' +
    'заказы с сайтом, новые заказы появляются только через несколько часов.\r\n'
  const head =
    'From: ivan@example.ru\r\nSubject: x\r\nMessage-ID: <wrapped@example.ru>\r\nMIME-Version: 1.0\r\n'

  it('takes the paragraphs of an alternative from its HTML part, keeping a <br> break', async () => {
    const raw = Buffer.from(
      head +
        'Content-Type: multipart/alternative; boundary="b"\r\n\r\n' +
        '--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n' +
        `${wrapped}Спасибо,\r\nИван\r\n` +
        '--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n' +
        `<div>${typed}</div><div>Спасибо,<br>Иван</div>\r\n` +
        '--b--\r\n',
    )
    const result = await parseMail(raw)
    if (!result.ok) throw new Error(result.reason)
    expect(result.mail.text.trim()).toBe(`${typed}\nСпасибо,\nИван`)
  })

  it('unwraps a plain-only message wrapped by its mail client', async () => {
    const second =
      'Мы ничего не меняли в настройках магазина и в личном кабинете, подскажите, пожалуйста, ' +
      'что можно проверить с нашей стороны.'
    const raw = Buffer.from(
      head +
        'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n' +
        `${wrapped}\r\n` +
        'Мы ничего не меняли в настройках магазина и в личном кабинете,\r\n' +
        'подскажите, пожалуйста, что можно проверить с нашей стороны.\r\n',
    )
    const result = await parseMail(raw)
    if (!result.ok) throw new Error(result.reason)
    expect(result.mail.text.trim()).toBe(`${typed}\n\n${second}`)
  })
})
