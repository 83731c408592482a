import { describe, expect, it } from 'vitest'
import { cutOutlookQuote, htmlToText, htmlToTextNoQuotes, MAX_HTML_CHARS } from './html-text'

describe('htmlToText', () => {
  it('keeps link text without URLs, drops images, styles and scripts', () => {
    const html =
      '<html><head><title>T</title><style>p{color:red}</style></head><body>' +
      '<p>See <a href="https://example.com/x">our site</a><img src="a.png" alt="logo"></p>' +
      '<script>alert(1)</script></body></html>'
    expect(htmlToText(html)).toBe('See our site')
  })

  it('does not upper-case headings or table headers, and does not wrap lines', () => {
    const long = 'слово '.repeat(40).trim()
    const html = `<h1>Заказ</h1><table><tr><th>Товар</th><td>Кружка</td></tr></table><p>${long}</p>`
    const lines = htmlToText(html).split('\n').filter(Boolean)
    expect(lines).toEqual(['Заказ', 'Товар', 'Кружка', long])
  })

  it('keeps quotes in the full text', () => {
    const html = '<div>Ответ</div><blockquote type="cite">Вопрос</blockquote>'
    expect(htmlToText(html)).toContain('Вопрос')
  })
})

describe('htmlToTextNoQuotes', () => {
  it.each([
    [
      'Gmail',
      '<div class="gmail_quote gmail_quote_container"><div class="gmail_attr">On</div>old</div>',
    ],
    ['Apple Mail', '<blockquote type="cite">old</blockquote>'],
    [
      'Thunderbird',
      '<div class="moz-cite-prefix">On wrote:</div><blockquote type="cite">old</blockquote>',
    ],
    ['Yahoo', '<div class="yahoo_quoted"><div>old</div></div>'],
    ['Mail.ru / Yandex', '<blockquote style="border-left:1px solid">old</blockquote>'],
  ])('drops %s quote blocks', (_client, quote) => {
    expect(htmlToTextNoQuotes(`<div>Новый ответ</div>${quote}`)).toBe('Новый ответ')
  })

  it('drops the Outlook reply header and everything after it, siblings of ancestors too', () => {
    const html =
      '<body><div class="WordSection1"><p>Ответ</p><div id="appendonsend"></div><hr>' +
      '<div id="divRplyFwdMsg"><b>От:</b> Иван</div><div>старое письмо</div></div>' +
      '<p>still after</p></body>'
    expect(htmlToTextNoQuotes(html)).toBe('Ответ')
    expect(htmlToText(html)).toContain('старое письмо')
  })

  it('cuts only at an element with that id, not at the word in text', () => {
    const html = '<p>the divRplyFwdMsg id is used by Outlook</p><p>kept</p>'
    expect(cutOutlookQuote(html)).toBe(html)
    expect(cutOutlookQuote("<p>a</p><DIV ID='divRplyFwdMsg'>b</DIV>")).toBe('<p>a</p>')
  })

  it('falls back to linear tag stripping for documents with too many tags', () => {
    const rows = '<tr><td>a</td></tr>'.repeat(10_000)
    const html = `<p>Ответ&nbsp;&amp; всё</p><style>p{}</style><blockquote>old</blockquote><table>${rows}</table>`
    expect(htmlToTextNoQuotes(html)).toBe('Ответ & всё')
    expect(htmlToText(html).startsWith('Ответ & всё\n\nold\n\na\n\na')).toBe(true)
  })

  it('stays fast on hostile input', () => {
    const started = Date.now()
    expect(htmlToTextNoQuotes('<div>'.repeat(400_000))).toBe('')
    expect(htmlToText(`<p>${'x'.repeat(MAX_HTML_CHARS + 10)}</p>`)).toHaveLength(MAX_HTML_CHARS - 3)
    expect(cutOutlookQuote(`${'<a '.repeat(100_000)}divRplyFwdMsg`)).toHaveLength(300_013)
    expect(cutOutlookQuote('divRplyFwdMsg '.repeat(150_000))).toHaveLength(2_100_000)
    expect(htmlToTextNoQuotes(`x${'gmail_quote '.repeat(150_000)}`)).toHaveLength(1_800_000)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('a quote carrying a whole HTML document of its own', () => {
  const quotedDocument =
    '<html><head><meta charset="utf-8"><style>p{margin:0}</style><title>Re: Заказ</title></head>' +
    '<body><p>Наш прошлый ответ: заказ отправлен.</p></body></html>'
  const NEW_TEXT = 'Заказ так и не пришёл, проверьте ещё раз.'
  it.each([
    ['blockquote', `<div>${NEW_TEXT}</div><blockquote>${quotedDocument}</blockquote>`],
    [
      'div.gmail_quote',
      `<div dir="ltr">${NEW_TEXT}</div><div class="gmail_quote"><div class="gmail_attr">` +
        `On Mon, Support wrote:</div>${quotedDocument}</div>`,
    ],
    [
      "Outlook's divRplyFwdMsg",
      `<div>${NEW_TEXT}</div><div id="divRplyFwdMsg"><b>From:</b> Support</div>${quotedDocument}`,
    ],
    [
      'Apple Mail type="cite"',
      `<div>${NEW_TEXT}</div><blockquote type="cite">${quotedDocument}</blockquote>`,
    ],
  ])(
    'inside %s keeps the new text first, the quote after it, and drops only the quote',
    (_c, body) => {
      for (const html of [body, `<html><head></head><body>${body}</body></html>`]) {
        const full = htmlToText(html)
        expect(full.startsWith(NEW_TEXT)).toBe(true)
        expect(full).toContain('Наш прошлый ответ: заказ отправлен.')
        expect(full).not.toContain('p{margin:0}')
        expect(full).not.toContain('Re: Заказ')
        expect(htmlToTextNoQuotes(html)).toBe(NEW_TEXT)
      }
    },
  )
})
