import { describe, expect, it } from 'vitest'
import { cleanReplyText } from './clean-text'
import { SIGNATURE_RULES } from './signature-rules'

const BODY = 'The replacement arrived, everything works.'
const RU_BODY = 'Замена пришла, всё работает.'

function clean(text: string): { text: string; rules: string[] } {
  const result = cleanReplyText(text)
  return { text: result.text, rules: result.removed.map((r) => r.rule) }
}

describe('sig dash (RFC 3676 §4.3)', () => {
  it('cuts at "-- " and at "--"', () => {
    expect(clean(`${BODY}\n-- \nJohn Smith\nAcme Ltd`)).toEqual({ text: BODY, rules: ['sig-dash'] })
    expect(clean(`${BODY}\n\n--\nJohn Smith`).text).toBe(BODY)
  })

  it('cuts at a home-made rule only when name/contact lines alone follow', () => {
    expect(
      clean(`${RU_BODY}\n\n---\nГлавный бухгалтер\nВолкова Е.С.\n+7 (843) 200-00-00`).text,
    ).toBe(RU_BODY)
    const content = `${BODY}\n\n---\nAlso, the invoice has the wrong address, could you fix it?`
    expect(clean(content).text).toBe(content)
  })
})

describe('closings', () => {
  it.each([
    ['Best regards,\nJohn Smith'],
    ['Kind regards,\nJohn'],
    ['Regards,\nJohn Smith\nOffice Manager\nAcme Trading Ltd\n+44 20 7946 0958\nwww.acme.example'],
    ['Thanks,\nJohn'],
    ['Thanks, John'],
    ['Cheers!\nTom'],
    ['Thanks again 🙏\nKate'],
    ['Best regards,'],
  ])('drops %j under the text', (signature) => {
    expect(clean(`${BODY}\n\n${signature}`)).toEqual({ text: BODY, rules: ['en-closing'] })
  })

  it.each([
    ['С уважением,\nИван Петров'],
    ['С уважением, Иван'],
    ['С наилучшими пожеланиями,\nколлектив ООО «Вектор»'],
    ['Спасибо,\nАнна'],
    ['Всего доброго,\nНаталья\nМоб.: +7 903 765 43 21\nTelegram: @natalia'],
    ['Спасибо заранее!\nООО Вектор\nООО «Вектор Трейд»\n8 (800) 555-35-35'],
  ])('drops %j under the text', (signature) => {
    expect(clean(`${RU_BODY}\n\n${signature}`)).toEqual({ text: RU_BODY, rules: ['ru-closing'] })
  })

  it('keeps a message that is only a closing', () => {
    expect(clean('Спасибо!').text).toBe('Спасибо!')
    expect(clean('Thanks!').text).toBe('Thanks!')
  })

  it('keeps closings that carry content', () => {
    expect(clean('Спасибо за помощь, всё работает!').text).toBe('Спасибо за помощь, всё работает!')
    expect(clean('Thanks for the quick refund, it arrived today!').rules).toEqual([])
    expect(clean(`${BODY}\n\nС уважением к вашему времени, ответьте быстрее.`).rules).toEqual([])
  })

  it('keeps a closing that is not near the end (the bare name under the text still goes)', () => {
    const text = 'Hi,\n\nThanks,\nthe charger is missing from the box. Can you send it?'
    expect(clean(`${text}\n\nJohn`).text).toBe(text)
    const ps = `${BODY}\n\nBest,\nDaniel\n\nP.S. I also need a copy of the invoice.`
    expect(clean(ps).text).toBe(ps)
  })
})

describe('mobile footers', () => {
  it.each([
    ['Sent from my iPhone', 'en-sent-from-my'],
    ['Sent from my Samsung Galaxy smartphone.', 'en-sent-from-my'],
    ['Sent from Mail for Windows', 'en-sent-from-app'],
    ['Sent with Proton Mail secure email.', 'en-sent-from-app'],
    ['Get Outlook for Android<https://aka.ms/AAb9ysg>', 'en-get-outlook'],
    ['Отправлено с iPhone', 'ru-sent-from'],
    ['Отправлено из мобильной Почты Mail.ru', 'ru-sent-from'],
    ['Отправлено из Яндекс Почты для мобильных', 'ru-sent-from'],
    ['Отправлено из мобильного приложения Яндекс Почты', 'ru-sent-from'],
    ['Получить Outlook для Android', 'ru-get-outlook'],
    ['Sent from Mailbox for iPhone', 'en-sent-from-mailbox'],
    ['Sent wirelessly from my BlackBerry device on the Bell network.', 'blackberry-wireless'],
    [
      'Envoyé sans fil par mon terminal mobile BlackBerry sur le réseau de Bell.',
      'blackberry-wireless',
    ],
  ])('drops %j', (footer, rule) => {
    const result = cleanReplyText(`${BODY}\n\n${footer}`)
    expect(result.text).toBe(BODY)
    expect(result.removed).toEqual([{ rule, kind: 'footer' }])
  })

  it('drops a footer and then the closing above it', () => {
    expect(clean(`${BODY}\n\nCheers!\nTom\nSent from my iPhone`)).toEqual({
      text: BODY,
      rules: ['en-sent-from-my', 'en-closing'],
    })
  })

  it('keeps "sent from" prose', () => {
    const text = 'Отправлено из Москвы 3 марта, трек-номер RA123456789RU.'
    expect(clean(text).text).toBe(text)
    expect(clean('The parcel was sent from your Leeds warehouse.').rules).toEqual([])
  })
})

describe('signature blocks without a closing', () => {
  it('drops a name with position, company and contacts', () => {
    const input = `${RU_BODY}\n\nИван Петров\nООО «Ромашка», менеджер по закупкам\nтел. +7 (495) 123-45-67`
    expect(clean(input)).toEqual({ text: RU_BODY, rules: ['contact-block'] })
  })

  it('drops a team signature', () => {
    const input = `${RU_BODY}\n\nСлужба поддержки Ромашка\nСпециалист службы поддержки\nТел.: +7 916 123-45-67`
    expect(clean(input).text).toBe(RU_BODY)
  })

  it('keeps contact details the writer introduces with a colon', () => {
    const text = 'Please ship the replacement to:\nSarah Johnson\n22 Baker Street\n+44 20 7946 0958'
    expect(clean(text).text).toBe(text)
  })

  it('keeps a list of capitalised items, and drops a bare name under a sentence', () => {
    const list = 'Missing items:\n\nBlue Mug\nRed Plate\nGreen Bowl'
    expect(clean(list).text).toBe(list)
    expect(clean('Got it, thank you!\nJessica').text).toBe('Got it, thank you!')
  })
})

describe('courtesy closes and bare names', () => {
  it.each([
    'Thanks in advance.',
    'Thank you!',
    'Thanks a lot.',
    'Looking forward to your reply.',
    'Have a great day.',
    'Заранее спасибо.',
    'Спасибо!',
    'Жду ответа.',
    'Хорошего дня!',
    'Всего хорошего!',
    'Заранее благодарю)',
    'Всего доброго))',
    'Many thanks 🙂',
    'Thank you so much 🙏',
  ])('keeps %j on the last line as part of the message', (close) => {
    const text = `${BODY}\n\n${close}`
    expect(clean(text).text).toBe(text)
  })

  it.each([
    ['Best regards,', 'a sign-off'],
    ['С уважением', 'a sign-off without a comma'],
    ['Thank you!\nAnna', 'a close with a name under it'],
    ['Looking forward to your reply,\nOlivia', 'a close turned sign-off'],
    ['Many thanks 🙂\nGrace', 'a close with an emoji and a name under it'],
    ['Благодарю)\nМарина', 'a close with a smiley and a name under it'],
    ['С уважением,\nАнна Смирнова\nСлужба поддержки', 'a sign-off, a name and a team'],
    ['Robert', 'a bare first name'],
    ['Николай', 'a bare Russian first name'],
    ['Anna S.', 'a name with an initial'],
    ['- Mike', 'a dashed name'],
    ['-Mike', 'a dashed name without a space'],
    ['Olivia Rose Bennett', 'a three-word name'],
    ['Пётр Ильич Соколов', 'a name, patronymic and surname'],
    ['Thanks,\nRobert', 'a sign-off and a name'],
    ['Cheers\nMike', 'a sign-off without a comma and a name'],
    ['BR\nTom', 'an abbreviated sign-off and a name'],
    ['John\nvia mobile', 'a name over a mobile footer'],
    ['Sent from Mailbox for iPhone', 'the Mailbox footer'],
    ['Sent wirelessly from my BlackBerry device on the Bell network.', 'the BlackBerry footer'],
    [
      'Envoyé sans fil par mon terminal mobile BlackBerry sur le réseau de Bell.',
      'the French BlackBerry footer',
    ],
  ])('drops %j (%s)', (sign) => {
    expect(clean(`${BODY}\n\n${sign}`).text).toBe(BODY)
  })

  it.each(['Colours:\nRed\nGreen\nBlue', 'Ship to:\nJohn Smith', 'Номер договора:\nД-30417'])(
    'keeps %j: the last line is content introduced above it',
    (content) => {
      const text = `${BODY}\n\n${content}`
      expect(clean(text).text).toBe(text)
    },
  )

  it.each(['Yes', 'Готово', 'Ok'])('keeps the short answer %j', (answer) => {
    const text = `${BODY}\n\n${answer}`
    expect(clean(text).text).toBe(text)
  })
})

describe('sign-offs the closing tables do not list', () => {
  it.each([
    ['Talk soon,\nEmily', 'an informal sign-off and a name'],
    ['Thanks & regards,\nPriya Sharma', 'a joined sign-off and a full name'],
    ['With kind regards,\nHans Weber\nNorthwind GmbH\n+49 30 1234 5678', 'a sign-off over a block'],
    ['До связи,\nОльга', 'a Russian informal sign-off'],
    ['С уважением и благодарностью,\nОльга Кузнецова', 'a longer Russian sign-off'],
  ])('drops %j whole, not only the name under it (%s)', (sign) => {
    expect(clean(`${BODY}\n\n${sign}`)).toEqual({ text: BODY, rules: ['signoff-line'] })
  })

  it.each([
    ['Colours,\nRed\nGreen', 'a list of capitalised words'],
    ['In short,\nYes', 'a short answer under a comma'],
    ['Talk soon,\nEmily\n\nP.S. The strap is a bit loose.', 'a postscript under the sign-off'],
  ])('keeps %j (%s)', (content) => {
    const text = `${BODY}\n\n${content}`
    expect(clean(text).text).toBe(text)
  })
})

it('signature rule ids are unique', () => {
  const ids = SIGNATURE_RULES.map((r) => r.id)
  expect(new Set(ids).size).toBe(ids.length)
})
