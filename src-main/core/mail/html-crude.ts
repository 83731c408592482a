// Last-resort HTML -> text for input html-to-text should not take (tens of thousands of tags,
// or a converter error). Linear in the input on purpose: it runs on exactly the messages most
// likely to be hostile, so no backtracking regular expressions over the document.

const SKIP_CONTENT = new Set(['style', 'script', 'head', 'title', 'template'])
// prettier-ignore
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'tr', 'li', 'table', 'blockquote', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
])
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}
const MAX_TAG_PREFIX = 1000

/** Lower-case tag name starting at `start` (letters and digits), at most 10 chars. */
function tagName(lower: string, start: number, end: number): string {
  let i = start
  const limit = Math.min(end, start + 10)
  while (i < limit) {
    const c = lower.charCodeAt(i)
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) break
    i++
  }
  return lower.slice(start, i)
}

function decodeEntity(entity: string, name: string): string {
  if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? entity
  const hex = name[1] === 'x' || name[1] === 'X'
  const code = hex ? parseInt(name.slice(2), 16) : Number(name.slice(1))
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
}

/** Strips tags, keeps a line break per block element, decodes the common entities. */
export function crudeHtmlToText(html: string): string {
  const lower = html.toLowerCase()
  let out = ''
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      out += html.slice(i)
      break
    }
    out += html.slice(i, lt)
    const gt = html.indexOf('>', lt)
    if (gt < 0) break // an unterminated tag swallows the rest, as in a browser
    const closing = lower.charCodeAt(lt + 1) === 0x2f
    const name = tagName(lower, closing ? lt + 2 : lt + 1, gt)
    if (!closing && SKIP_CONTENT.has(name)) {
      const close = lower.indexOf(`</${name}`, gt)
      const end = close < 0 ? -1 : html.indexOf('>', close)
      i = end < 0 ? html.length : end + 1
      continue
    }
    if (BLOCK_TAGS.has(name)) out += '\n'
    i = gt + 1
  }
  return out
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, decodeEntity)
    .replace(/[ \t\r\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * Start of the tag whose attributes contain `word` at offset `at`, or -1 when `at` is in
 * text. Looks back at most MAX_TAG_PREFIX chars, so many hits cost linear time overall.
 */
export function tagStartAround(html: string, at: number): number {
  const from = Math.max(0, at - MAX_TAG_PREFIX)
  const window = html.slice(from, at)
  const lt = window.lastIndexOf('<')
  if (lt < 0 || window.indexOf('>', lt) >= 0) return -1
  return from + lt
}

// Only the first hits of a word are checked: a real quote marker is among them.
const MAX_HITS = 50

function tagContaining(lower: string, word: string): number {
  let at = lower.indexOf(word)
  for (let hits = 0; at >= 0 && hits < MAX_HITS; hits++) {
    const start = tagStartAround(lower, at)
    if (start >= 0) return start
    at = lower.indexOf(word, at + word.length)
  }
  return -1
}

/** Where the first quote container starts (blockquote, Gmail, Yahoo, Thunderbird), or -1. */
export function firstQuoteStart(html: string): number {
  const lower = html.toLowerCase()
  const starts = [
    lower.indexOf('<blockquote'),
    tagContaining(lower, 'gmail_quote'),
    tagContaining(lower, 'yahoo_quoted'),
    tagContaining(lower, 'moz-cite-prefix'),
  ].filter((i) => i >= 0)
  return starts.length > 0 ? Math.min(...starts) : -1
}
