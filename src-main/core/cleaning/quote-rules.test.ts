import { describe, expect, it } from 'vitest'
import { cleanReplyText } from './clean-text'
import { matchQuoteAt, QUOTE_RULES } from './quote-rules'

const REPLY = 'Yes, please send a replacement.'
const RU_REPLY = 'Да, пришлите замену.'

/** What a reviewer sees after cleaning, and which rule removed the history. */
function clean(text: string): { text: string; rules: string[] } {
  const result = cleanReplyText(text)
  return { text: result.text, rules: result.removed.map((r) => r.rule) }
}

describe('quote headers: English clients', () => {
  it.each([
    ['Gmail US', 'On Mon, Mar 3, 2025 at 10:02 AM John Smith <john@example.com> wrote:'],
    ['Gmail UK', 'On Mon, 3 Mar 2025 at 10:02, John Smith <john@example.com> wrote:'],
    ['Apple Mail', 'On Mar 3, 2025, at 10:02 AM, John Smith <john@example.com> wrote:'],
    ['Thunderbird', 'On 03.03.2025 10:02, John Smith wrote:'],
    ['Thunderbird, no "On"', '03/03/2025 10:02, John Smith wrote:'],
    ['name only', 'John Smith wrote:'],
  ])('%s: drops the attribution and the quote', (_, header) => {
    const out = clean(`${REPLY}\n\n${header}\n> Would you like a refund?\n> Thanks`)
    expect(out.text).toBe(REPLY)
  })

  it('joins a Gmail attribution wrapped after "<"', () => {
    const input = `${REPLY}\n\nOn Mon, Mar 3, 2025 at 10:02 AM Christopher Richardson <\nchristopher.richardson@example.com> wrote:\n\n> Hi`
    expect(clean(input)).toEqual({ text: REPLY, rules: ['en-on-wrote'] })
  })

  it('joins an attribution wrapped over three lines', () => {
    const input = `${REPLY}\n\nOn Thu, Nov 24, 2026 at 10:00 AM Christopher Jonathan\nRichardson <christopher.richardson@example.com>\nwrote:\n> Hi`
    expect(clean(input).text).toBe(REPLY)
  })

  it('finds a quote header with no blank line before it', () => {
    expect(clean(`${REPLY}\nOn Tue, 4 Mar 2025 at 09:15, Shop <s@shop.com> wrote:\n> q`).text).toBe(
      REPLY,
    )
  })

  it('drops Outlook "-----Original Message-----" and the header block after it', () => {
    const input = `${REPLY}\n\n-----Original Message-----\nFrom: Shop [mailto:s@shop.com]\nSent: Monday, March 3, 2025 10:02 AM\nTo: John\nSubject: RE: Order\n\nDear John, …`
    expect(clean(input)).toEqual({ text: REPLY, rules: ['en-original-message'] })
  })

  it('drops an Outlook web header block under an underscore rule', () => {
    const input = `${REPLY}\n\n________________________________\nFrom: Shop <s@shop.com>\nSent: 03 March 2025 10:02\nTo: John\nSubject: RE: Order\n\nDear John`
    expect(clean(input)).toEqual({ text: REPLY, rules: ['outlook-underscore-rule'] })
  })

  it('drops a From/Sent/To/Subject block with no divider, also in bold', () => {
    const plain = `${REPLY}\n\nFrom: Shop <s@shop.com>\nSent: Monday\nTo: John\nSubject: RE: Order\n\nBody`
    const bold = `${REPLY}\n\n*From:* Shop <s@shop.com>\n*Sent:* Monday\n*To:* John\n*Subject:* RE: Order`
    expect(clean(plain)).toEqual({ text: REPLY, rules: ['header-block'] })
    expect(clean(bold).text).toBe(REPLY)
  })

  it('drops forwarded messages (Gmail, Apple Mail, Thunderbird)', () => {
    for (const divider of [
      '---------- Forwarded message ---------',
      'Begin forwarded message:',
      '-------- Forwarded Message --------',
    ]) {
      const result = cleanReplyText(
        `Please see below.\n\n${divider}\nFrom: DPD <n@dpd.co.uk>\nSubject: Parcel\n\nYour parcel…`,
      )
      expect(result.text).toBe('Please see below.')
      expect(result.removed[0]?.kind).toBe('forward')
    }
  })

  it('drops Yahoo, Zoho and "wrote on" attributions', () => {
    expect(
      clean(`${REPLY}\n\nOn Tue, 4 Mar 2025 at 15:20, Desk<h@shop.com> wrote:   Could you confirm?`)
        .text,
    ).toBe(REPLY)
    expect(
      clean(
        `${REPLY}\n\n---- On Mon, 03 Mar 2025 10:02:33 +0000 Desk <h@shop.com> wrote ----\n\n > q`,
      ).text,
    ).toBe(REPLY)
    expect(clean(`${REPLY}\n\nMark Evans wrote on 11/03/2025 10:15:\n> q`).text).toBe(REPLY)
  })

  it('drops the optional French attribution', () => {
    expect(
      clean(`${REPLY}\n\nLe lun. 3 mars 2025 à 10:02, Jean <j@x.fr> a écrit :\n> q`).rules[0],
    ).toBe('fr-a-ecrit')
  })
})

describe('quote headers: Russian clients', () => {
  it.each([
    ['Gmail-ru', 'пн, 3 мар. 2025 г. в 10:02, Иван <ivan@x.ru>:', 'ru-gmail-attribution'],
    [
      'Gmail-ru, November',
      'вт, 24 нояб. 2026 г. в 10:00, Служба поддержки <help@shop.ru>:',
      'ru-gmail-attribution',
    ],
    [
      'Apple Mail ru',
      '3 марта 2025 г., в 10:02, Иван Петров <ivan@x.ru> написал(а):',
      'ru-dated-wrote',
    ],
    ['Thunderbird ru', '03.03.2025 10:02, Иван Петров пишет:', 'ru-dated-wrote'],
    ['name only', 'Иван Петров пишет:', 'ru-name-wrote'],
    ['Yandex', '03.03.2025, 10:02, "Иван Петров" <ivan@yandex.ru>:', 'dated-address-colon'],
    [
      'Mail.ru',
      'Понедельник, 3 марта 2025, 10:02 +03:00 от Иван Петров <ivan@mail.ru>:',
      'dated-address-colon',
    ],
    ['The Bat!', 'Вы писали 3 марта 2025 г., 10:02:33:', 'you-wrote'],
  ])('%s', (_, header, rule) => {
    const out = clean(`${RU_REPLY}\n\n${header}\n> Заменить или вернуть деньги?`)
    expect(out.text).toBe(RU_REPLY)
    expect(out.rules[0]).toBe(rule)
  })

  it('joins a wrapped Gmail-ru attribution', () => {
    const input = `${RU_REPLY}\n\nпн, 3 мар. 2025 г. в 10:02, Константин Белозерский <\nkonstantin@example.ru>:\n\n> Счёт отправим сегодня.`
    expect(clean(input).text).toBe(RU_REPLY)
  })

  it('drops Outlook ru blocks: "-----Исходное сообщение-----" and От/Отправлено/Кому/Тема', () => {
    const divided = `${RU_REPLY}\n\n-----Исходное сообщение-----\nОт: Ирина [mailto:i@shop.ru]\nОтправлено: 3 марта 2025 г. 10:02\nКому: Иван\nТема: RE: Заказ`
    const bare = `${RU_REPLY}\n\nОт: Ирина Васильева\nОтправлено: 3 марта 2025 г. 10:02\nКому: Иван\nТема: RE: Заказ\n\nТекст`
    expect(clean(divided)).toEqual({ text: RU_REPLY, rules: ['ru-original-message'] })
    expect(clean(bare)).toEqual({ text: RU_REPLY, rules: ['header-block'] })
  })

  it('drops Russian forwards', () => {
    for (const divider of [
      '-------- Пересылаемое сообщение --------',
      '-------- Перенаправленное сообщение --------',
      'Начало переадресованного сообщения:',
    ]) {
      const result = cleanReplyText(
        `Смотрите ниже.\n\n${divider}\nОт: СДЭК <n@cdek.ru>\n\nЗаказ доставлен.`,
      )
      expect(result.text).toBe('Смотрите ниже.')
      expect(result.removed[0]?.kind).toBe('forward')
    }
  })
})

describe("quote headers from other reply parsers' test mail", () => {
  const SHOP = `Hi Laura,\n\nCould you send us the order number?\n\nBest regards,\nAnna`
  it.each([
    [
      'Polymail: the address on its own line',
      'On Tue, Jul 16, 2024 at 10:15 AM Anna from Support\n<mailto:support@example-shop.com> wrote:',
      'en-on-wrote',
    ],
    [
      'Polymail: "<", "mailto:…" and "> wrote:" on three lines',
      'On Fri, Nov 8, 2024 at 9:02 AM Mike Brennan <\nmailto:mike@example-shop.com\n> wrote:',
      'en-on-wrote',
    ],
    ['Android', '---- Anna Kowalczyk wrote ----', 'dashed-attribution'],
    ['Android ru', '---- Служба поддержки написала ----', 'dashed-attribution'],
    [
      'NetEase',
      '-----Reply Message-----\nFrom: Support <support@example-shop.com>\nDate: 2024-09-12 10:11\nSubject: Re: Order 55310',
      'en-original-message',
    ],
    [
      'Samsung, in bold',
      '*-------- Original message --------*\n*From:* Support <support@example-shop.com>\n*Date:* 12/02/2025 17:45',
      'en-original-message',
    ],
    [
      'old Gmail, no colon',
      '2013/7/20 Support Team <support@example-shop.com>',
      'numeric-date-address',
    ],
    ['old Gmail', '2024/11/28 Anna Smith <anna.smith@example-shop.com>:', 'numeric-date-address'],
    [
      'Outlook.com: Date first, after a rule',
      '--------------------------------------------------------------------------------\nDate: Sat, 20 Jul 2024 10:02:33 +0000\nFrom: support@example-shop.com\nTo: karen.b@hotmail.com\nSubject: Re: Returns',
      'header-block',
    ],
    [
      'Hotmail: Subject first',
      'Subject: Payment not found\nDate: Thu, 6 Feb 2025 08:45:12 -0500\nFrom: Billing <billing@example-shop.com>\nTo: rita@msn.com',
      'header-block',
    ],
    [
      'Outlook: the From address wrapped onto its own line',
      'From: Human Resources\n<a-really-long-automated-address+1234556@example-shop.com>\nSent: Monday, August 26, 2019 4:37 PM\nTo: Laura <laura@example.com>\nSubject: A new message',
      'header-block',
    ],
    [
      'quoted-printable comma left as =2C',
      'On Mon=2C Mar 3=2C 2025 at 10:02 AM Anna Smith <anna.smith@example-shop.com> wrote:',
      'en-on-wrote',
    ],
  ])('%s', (_, header, rule) => {
    const out = clean(`${REPLY}\n\n${header}\n\n> ${SHOP.replace(/\n/g, '\n> ')}`)
    expect(out.text).toBe(REPLY)
    expect(out.rules[0]).toBe(rule)
  })

  it.each([
    [
      'old Gmail-ru',
      'понедельник, 6 октября 2014 г. пользователь Анна Смирнова написал:',
      'ru-user-wrote',
    ],
    [
      'old Gmail-ru with a time and an address',
      '6 октября 2014 г., 14:22 пользователь Максим Орлов <m.orlov@example-shop.ru> написал:',
      'ru-user-wrote',
    ],
    ['name and address', 'Анна Смирнова <support@example-shop.ru> писал(а):', 'ru-dated-wrote'],
    [
      'Ukrainian',
      '03.03.2025 10:02, "Служба підтримки" <support@example-shop.ua> пише:',
      'uk-wrote',
    ],
    [
      'Gmail-uk',
      'пн, 3 бер. 2025 р. о 10:02 Олена Коваль <olena@example-shop.ua> пише:',
      'uk-wrote',
    ],
    [
      'Yandex forward',
      '-------- Начало пересылаемого сообщения --------\nОт: Пётр <petr@example.com>\nДата: 5 марта 2025 г., 12:00',
      'ru-forwarded-message',
    ],
    [
      'Mail.ru, Тема first',
      'Тема: Возврат средств\nДата: 06.02.2025 08:45\nОт: Бухгалтерия <billing@example-shop.ru>\nКому: rita.a@yandex.ru',
      'header-block',
    ],
  ])('Russian and Ukrainian: %s', (_, header, rule) => {
    const out = clean(`${RU_REPLY}\n\n${header}\n> Заменить или вернуть деньги?`)
    expect(out.text).toBe(RU_REPLY)
    expect(out.rules[0]).toBe(rule)
  })
})

describe('lines that look like quote headers but are content', () => {
  it.each([
    'On 3 March I ordered two mugs and only one arrived.',
    'On Monday I wrote to you about the refund but got no answer.',
    'My colleague wrote: the box was empty when it arrived.',
    'From: my side the payment went through on 12.03.',
    'Subject: refund for order 552100',
    'Курьер пишет, что адрес не найден.',
    'Менеджер написал мне, что заказ отменён. Почему?',
    'От: склада в Подольске посылка ушла 3 марта.',
    'Вот что я писала 3 марта:',
    'Price on the website -- £45, at checkout -- £52.',
    'I went to Settings >>> Billing >>> Invoices but the March invoice is not there.',
    'On the other hand, we should be careful about edge cases.',
    'The data comes From: our database, not From: external sources.',
    'PDF>>> page 2 shows the wrong VAT number.',
    'Зашла в ЛК>>>Заказы>>>Возврат, а кнопки «Оформить» нет.',
    '2025/03/03 the courier from DPD left a note.',
    '---- see the photo ----',
  ])('keeps %j', (line) => {
    expect(clean(`${line}\nPlease check.`).text).toBe(`${line}\nPlease check.`)
  })

  it('keeps a Date/From/To list in any order when it has no address, Sent or Subject', () => {
    const text =
      'The transfer was booked as:\nDate: Friday\nFrom: our Leeds warehouse\nTo: the Manchester store\n\nStill missing.'
    expect(clean(text).text).toBe(text)
  })

  it('keeps a From/To/Date list that has no address, Sent or Subject', () => {
    const text =
      'Here are the details:\nFrom: London\nTo: Manchester\nDate: 12 March\n\nIt never arrived.'
    expect(clean(text).text).toBe(text)
  })
})

describe('interleaved replies', () => {
  it('keeps the answers between `>` quotes and drops the attribution', () => {
    const input =
      'On 03.03.2025 10:02, Mark wrote:\n> Your order number?\n\nIt was 552100.\n\n> How did you pay?\n\nBy card.'
    const result = cleanReplyText(input)
    expect(result.text).toBe('It was 552100.\n\nBy card.')
    expect(result.removed).toEqual([
      { rule: 'en-on-wrote', kind: 'quote' },
      { rule: 'quoted-line', kind: 'quote' },
    ])
  })

  it('drops The Bat! initials quotes ("ИВ> …")', () => {
    expect(clean('Да, подходит.\n\nИВ> Доставка в четверг подойдёт?').text).toBe('Да, подходит.')
  })
})

describe('matchQuoteAt', () => {
  it('reports the span of a wrapped header and caches single-line results', () => {
    const lines = [
      'Thanks.',
      '',
      'On Mon, Mar 3, 2025 at 10:02 AM John <',
      'john@x.com> wrote:',
      '> hi',
    ]
    const memo: Parameters<typeof matchQuoteAt>[2] = []
    expect(matchQuoteAt(lines, 0, memo)).toBeNull()
    expect(matchQuoteAt(lines, 2, memo)).toMatchObject({ rule: { id: 'en-on-wrote' }, span: 2 })
  })

  it('does not glue a text line onto a header below it', () => {
    const lines = ['Please refund', 'On Mon, Mar 3, 2025 at 10:02 AM John <john@x.com> wrote:']
    expect(matchQuoteAt(lines, 0, [])).toBeNull()
    expect(matchQuoteAt(lines, 1, [])?.rule.id).toBe('en-on-wrote')
  })

  it('has unique rule ids', () => {
    const ids = QUOTE_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
