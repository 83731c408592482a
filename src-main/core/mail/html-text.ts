// HTML -> plain text with html-to-text, compiled once at module load (compiling per call costs
// more than converting). Two converters: the full text for showing the original, and one that
// drops quoted history at the DOM level, before any text exists, for pair cleaning.
import { compile, type HtmlToTextOptions, type SelectorDefinition } from 'html-to-text'
import { crudeHtmlToText, firstQuoteStart, tagStartAround } from './html-crude'

/** Largest HTML string we convert; longer input is cut (ParsedMail caps html at this size). */
export const MAX_HTML_CHARS = 2 * 1024 * 1024

const BLOCK = { leadingLineBreaks: 1, trailingLineBreaks: 1 }

const COMMON_SELECTORS: SelectorDefinition[] = [
  // Links as their text only: "[https://...]" would leak into training pairs.
  { selector: 'a', options: { ignoreHref: true } },
  { selector: 'img', format: 'skip' },
  { selector: 'style', format: 'skip' },
  { selector: 'script', format: 'skip' },
  { selector: 'head', format: 'skip' },
  { selector: 'title', format: 'skip' },
  // Russian text must not be upper-cased; headings stay as written.
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector): SelectorDefinition => ({
    selector,
    format: 'block',
    options: BLOCK,
  })),
  // Mail uses tables for layout: one block per row and per cell reads better than a grid.
  { selector: 'table', format: 'block', options: BLOCK },
  { selector: 'tr', format: 'block', options: BLOCK },
  { selector: 'td', format: 'block', options: { leadingLineBreaks: 0, trailingLineBreaks: 1 } },
  { selector: 'th', format: 'block', options: { leadingLineBreaks: 0, trailingLineBreaks: 1 } },
]

/** Quote containers of the common clients. */
const QUOTE_SELECTORS: SelectorDefinition[] = [
  { selector: 'div.gmail_quote', format: 'skip' }, // Gmail ("gmail_quote_container" too)
  { selector: 'blockquote[type=cite]', format: 'skip' }, // Apple Mail, Thunderbird
  { selector: '.moz-cite-prefix', format: 'skip' }, // Thunderbird "On ... wrote:"
  { selector: '#divRplyFwdMsg', format: 'skip' }, // Outlook; the rest is cut, see below
  { selector: '#appendonsend', format: 'skip' },
  { selector: '.yahoo_quoted', format: 'skip' }, // Yahoo
  { selector: 'blockquote', format: 'skip' }, // Yandex, Mail.ru and the rest
]

const BASE_OPTIONS: HtmlToTextOptions = {
  // The whole tree, not the first <body>: a quote may carry a document of its own, and
  // starting from its <body> would store the quote in place of the new text. A browser reads
  // a nested <html>/<body> as no new document either; its <head> is skipped like the outer one.
  baseElements: { selectors: [], returnDomByDefault: true },
  wordwrap: false,
  limits: { maxInputLength: MAX_HTML_CHARS, maxDepth: 256 },
}

// Compiled on first use: compiling costs tens of milliseconds, which a CLI command that never
// reads HTML should not pay at start.
let compiledFull: ((html: string) => string) | null = null
let compiledNoQuotes: ((html: string) => string) | null = null
const convertFull = (html: string): string =>
  (compiledFull ??= compile({ ...BASE_OPTIONS, selectors: COMMON_SELECTORS }))(html)
const convertNoQuotes = (html: string): string =>
  (compiledNoQuotes ??= compile({
    ...BASE_OPTIONS,
    selectors: [...COMMON_SELECTORS, ...QUOTE_SELECTORS],
  }))(html)

// Outlook puts the quoted message after the reply header as siblings (of ancestors, too), and
// html-to-text's selectors have no "following" combinator, so we cut the HTML at the marker;
// htmlparser2 closes the open elements.
const OUTLOOK_ID = /divRplyFwdMsg|appendonsend/gi
// The text between the tag's "<" and the id value.
const OPEN_TAG_TO_ID = /^<[a-z][a-z0-9]*\s[^<>]*\bid\s*=\s*["']?$/i
const MAX_HITS = 50

/** Cuts the HTML where an Outlook reply header starts ("#divRplyFwdMsg and everything after"). */
export function cutOutlookQuote(html: string): string {
  OUTLOOK_ID.lastIndex = 0
  let m = OUTLOOK_ID.exec(html)
  for (let hits = 0; m && hits < MAX_HITS; hits++, m = OUTLOOK_ID.exec(html)) {
    const tagStart = tagStartAround(html, m.index)
    if (tagStart >= 0 && OPEN_TAG_TO_ID.test(html.slice(tagStart, m.index))) {
      return html.slice(0, tagStart)
    }
  }
  return html
}

// html-to-text spends ~8 us per element, so a hostile or giant newsletter with 100k+ tags would
// stall a sync worker for seconds. Past this many tags we strip tags crudely instead.
const MAX_TAGS = 20_000

function tooManyTags(html: string): boolean {
  let count = 0
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    if (++count > MAX_TAGS) return true
  }
  return false
}

function run(convert: (html: string) => string, html: string, noQuotes: boolean): string {
  const input = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html
  if (!tooManyTags(input)) {
    try {
      return convert(input).trim()
    } catch {
      // Never fail a message over its HTML; fall through to crude stripping.
    }
  }
  if (!noQuotes) return crudeHtmlToText(input)
  // Without a DOM, drop everything from the first quote container on (replies are on top).
  const quote = firstQuoteStart(input)
  return crudeHtmlToText(quote >= 0 ? input.slice(0, quote) : input)
}

/** Readable text of the whole HTML, quotes included. */
export function htmlToText(html: string): string {
  return run(convertFull, html, false)
}

/** Readable text with the quoted history dropped. */
export function htmlToTextNoQuotes(html: string): string {
  return run(convertNoQuotes, cutOutlookQuote(html), true)
}
