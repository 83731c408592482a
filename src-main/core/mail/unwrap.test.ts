import { describe, expect, it } from 'vitest'
import { unwrapPlain } from './unwrap'

/** Wraps each paragraph line greedily at `column`, the way mail clients hard-wrap plain text. */
function hardWrap(text: string, column: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = []
      let current = ''
      for (const word of line.split(' ')) {
        if (current !== '' && [...current].length + 1 + [...word].length > column) {
          out.push(current)
          current = word
        } else {
          current = current === '' ? word : `${current} ${word}`
        }
      }
      out.push(current)
      return out.join('\n')
    })
    .join('\n')
}

const EN =
  'Hi team,\n\n' +
  'I ordered the annual plan last Tuesday and the payment went through on my card, but the ' +
  'account still shows the free tier and the export button is greyed out for everyone on my ' +
  'team.\n\n' +
  'Could you check what happened with order 48213 and switch the plan over? We need the export ' +
  'before the end of the month for our accountants.\n\n' +
  'Thanks in advance.'

const RU =
  'Здравствуйте!\n\n' +
  'После обновления приложение перестало синхронизировать заказы с сайтом: новые заказы ' +
  'появляются только через несколько часов, а иногда не появляются вовсе. Мы ничего не меняли ' +
  'в настройках.\n\n' +
  'Подскажите, пожалуйста, что можно проверить с нашей стороны?\n\n' +
  'Заранее спасибо.'

describe('unwrapPlain on plain-only mail', () => {
  it.each([
    ['English wrapped at 72', EN, 72],
    ['English wrapped at 78', EN, 78],
    ['Russian wrapped at 72', RU, 72],
    ['Russian wrapped at 76', RU, 76],
  ])('gives back the paragraphs of %s', (_name, typed, column) => {
    const wrapped = hardWrap(typed, column)
    expect(wrapped).not.toBe(typed)
    expect(unwrapPlain(wrapped, null)).toBe(typed)
  })

  it('keeps lists, a sign-off and short deliberate lines as written', () => {
    const typed =
      'Hello,\n\n' +
      'We tried everything from your help page, including clearing the cache, reinstalling the ' +
      'app from scratch and logging in again with a fresh password, and nothing changed at all.\n' +
      'What we see:\n' +
      '- the login page reloads\n' +
      '- no error message is shown\n' +
      '1. open the app\n' +
      '2. press Sign in\n\n' +
      'Best regards,\nRobert'
    const wrapped = hardWrap(typed, 72)
    expect(unwrapPlain(wrapped, null)).toBe(typed)
  })

  it('leaves a poem, an address and a table alone', () => {
    const text =
      'Our new address for returns:\n' +
      'Warehouse 7\n' +
      'Industrial Road 14\n' +
      'Springfield 40210\n\n' +
      'Item      Qty   Price\n' +
      'Mug       2     9.90\n' +
      'Teapot    1     24.00'
    expect(unwrapPlain(text, null)).toBe(text)
  })

  it('keeps quoted history and an Outlook header block line by line', () => {
    const own = hardWrap(EN.split('\n\n')[1] ?? '', 72)
    const text =
      `${own}\n\n` +
      'From: Support Team <support@example.com>\n' +
      'Sent: Monday, March 3, 2025 10:02 AM\n' +
      'To: Robert Lane <robert@example.org>\n' +
      'Subject: Re: Export greyed out\n\n' +
      '> We have received your request and a member of our team will look into the\n' +
      '> account within one working day. Thank you for your patience while we check.'
    const out = unwrapPlain(text, null)
    expect(out.split('\n')[0]).toBe(EN.split('\n\n')[1])
    expect(out).toContain(
      'From: Support Team <support@example.com>\nSent: Monday, March 3, 2025 10:02 AM\n',
    )
    expect(out).toContain('look into the\n> account within')
  })

  it('does not touch text whose lines were never wrapped', () => {
    const text = `${EN.replace(/\n\n/g, '\n')}\nSecond line of a short note.`
    expect(unwrapPlain(text, null)).toBe(text)
  })
})

describe('unwrapPlain with the HTML twin of a multipart/alternative', () => {
  it('joins exactly the breaks the HTML does not have, keeping its <br> breaks', () => {
    const typedFirst =
      'The invoice for March still lists the old company name and the VAT number from before ' +
      'the merger, so our bank refuses to pay it.'
    const html = `${typedFirst}\nCould you reissue it?\n\nThanks,\nMaria`
    const plain = hardWrap(`${typedFirst}\nCould you reissue it?\n\nThanks,\nMaria`, 60)
    expect(plain.split('\n').length).toBeGreaterThan(6)
    expect(unwrapPlain(plain, html)).toBe(html)
  })

  it('aligns past link URLs and emphasis the plain copy adds', () => {
    const html =
      'Please open the billing page in your dashboard and press the retry button next to the ' +
      'failed payment, then wait for the confirmation email.'
    const plain =
      'Please open the billing page <https://app.example.com/billing> in your\n' +
      'dashboard and press the *retry* button next to the failed payment, then\n' +
      'wait for the confirmation email.'
    expect(unwrapPlain(plain, html)).toBe(
      'Please open the billing page <https://app.example.com/billing> in your dashboard and ' +
        'press the *retry* button next to the failed payment, then wait for the confirmation email.',
    )
  })

  it('keeps a line break the author typed even where it looks like a wrap', () => {
    // The author pressed Enter after "order"; the shape alone would have joined it.
    const html =
      'We shipped your replacement this morning with the tracking number you asked for in the order\nand it should arrive by Friday.'
    const plain = html
    expect(unwrapPlain(plain, html)).toBe(html)
  })
})
