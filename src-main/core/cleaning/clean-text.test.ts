import { describe, expect, it } from 'vitest'
import { cleanReplyText } from './clean-text'

describe('cleanReplyText', () => {
  it('returns what the author wrote and the list of what was removed, in order', () => {
    const input = [
      'Hi,',
      '',
      'The parcel arrived, thanks.',
      '',
      'Best regards,',
      'John Smith',
      'Acme Ltd',
      '+1 555 123 4567',
      '',
      'Sent from my iPhone',
      '',
      'On Mon, Mar 3, 2025 at 10:02 AM Support <support@shop.com> wrote:',
      '> Hello John,',
      '> your order shipped.',
    ].join('\n')
    expect(cleanReplyText(input)).toEqual({
      text: 'Hi,\n\nThe parcel arrived, thanks.',
      removed: [
        { rule: 'en-on-wrote', kind: 'quote' },
        { rule: 'en-sent-from-my', kind: 'footer' },
        { rule: 'en-closing', kind: 'signature' },
      ],
    })
  })

  it('leaves plain text alone apart from whitespace', () => {
    expect(cleanReplyText('Where is my order #552100?')).toEqual({
      text: 'Where is my order #552100?',
      removed: [],
    })
  })

  it('normalises CRLF, nbsp, zero-width characters, trailing spaces and blank runs', () => {
    const input =
      '\ufeffДобрый день!  \r\n\r\n\r\n\r\nСумма к\u00a0оплате 12\u00a0490\u200b руб.\r\n'
    expect(cleanReplyText(input).text).toBe('Добрый день!\n\nСумма к оплате 12 490 руб.')
  })

  it('cleans CRLF mail end to end', () => {
    const input =
      'Please see attached.\r\n\r\nKind regards,\r\nRobert\r\n\r\n-----Original Message-----\r\nFrom: Shop [mailto:s@shop.com]\r\nSent: 04 March 2025 10:15\r\nTo: Robert\r\nSubject: RE: Invoice\r\n'
    expect(cleanReplyText(input).text).toBe('Please see attached.')
  })

  it('returns an empty text for a message that is only history or a footer', () => {
    expect(
      cleanReplyText('-----Исходное сообщение-----\nОт: Ромашка <h@shop.ru>\n\nТекст').text,
    ).toBe('')
    expect(cleanReplyText('Sent from my iPhone').text).toBe('')
    expect(cleanReplyText('').text).toBe('')
  })

  it('handles a Russian reply with a closing and a wrapped Gmail-ru quote', () => {
    const input =
      'Здравствуйте!\nЗаказ пришёл, спасибо.\n\nС уважением,\nИван\n\nпн, 3 мар. 2025 г. в 10:02, Поддержка <\nsupport@shop.ru>:\n> Добрый день'
    expect(cleanReplyText(input).text).toBe('Здравствуйте!\nЗаказ пришёл, спасибо.')
  })
})

describe('hostile input', () => {
  it.each([
    ['a long run of spaces', `a${' '.repeat(200_000)}x`],
    ['a long line with no spaces', '<'.repeat(100_000) + ':'],
    ['many 400-character lines ending in a colon', `${'x'.repeat(399)}:\n`.repeat(500)],
    ['a huge quoted history', `Answer.\n${'> quoted line\n'.repeat(50_000)}`],
  ])('stays linear on %s', (_, text) => {
    const start = performance.now()
    cleanReplyText(text)
    // Quadratic or exponential matching would take minutes here; the margin absorbs a busy machine.
    expect(performance.now() - start).toBeLessThan(5_000)
  })
})
