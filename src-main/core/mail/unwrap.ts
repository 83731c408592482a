// Hard-wrapped text/plain back into the paragraphs its author typed. Mail clients break plain
// text at 72-78 columns; Review, search snippets and pairs should show sentences, not those
// breaks. Two sources of evidence, strongest first:
//  1. the message's own HTML part: where the HTML has a space between two words and the plain
//     copy has a line break, the break is the client's (rewrapFromHtml);
//  2. for plain-only mail, the shape of the text: a run of lines filling to one width, each
//     broken where the next word would not have fitted (unwrapHardWrapped).
// A break is joined only on positive evidence; lists, tables, code, quotes, headers, short lines
// and deliberate breaks stay as written.

const isQuoted = (line: string): boolean => line.startsWith('>')

const lastWord = (line: string): string => line.slice(line.lastIndexOf(' ') + 1)
const firstWord = (line: string): string => {
  const space = line.indexOf(' ')
  return space < 0 ? line : line.slice(0, space)
}

/**
 * For each plain line, whether its break to the next line is the client's wrap according to
 * the HTML's text; null when no break could be judged (the HTML is not a copy of this text).
 * Each break is looked up as its two words in the HTML text, in order: joined by a space
 * there, the break is a wrap; by a line break, the author's.
 */
function softBreaksFromReference(lines: readonly string[], reference: string): boolean[] | null {
  const soft: boolean[] = lines.map(() => false)
  let judged = 0
  let cursor = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    const above = lines[i] ?? ''
    const below = lines[i + 1] ?? ''
    if (above === '' || below === '' || isQuoted(above) || isQuoted(below)) continue
    const a = lastWord(above)
    const b = firstWord(below.trimStart())
    const spaced = reference.indexOf(`${a} ${b}`, cursor)
    const broken = reference.indexOf(`${a}\n${b}`, cursor)
    if (spaced < 0 && broken < 0) continue
    judged++
    const wrap = spaced >= 0 && (broken < 0 || spaced < broken)
    soft[i] = wrap
    cursor = (wrap ? spaced : broken) + a.length
  }
  return judged > 0 ? soft : null
}

const LIST_ITEM = /^(?:[-*•–—+]\s|\d{1,3}[.)]\s|[a-zа-я][.)]\s)/iu
const LABEL = /^[\p{L}][\p{L} .-]{0,24}:(?:\s|$)/u
// A continuation starts like running text: a letter, a digit, or an opening quote or bracket.
const TEXT_START = /^[\p{L}\p{N}"'«„“(]/u
// A wrapped line ends in running text. A colon may end a wrap mid-sentence ("as follows:
// the app…") but usually introduces a new line on purpose, so it needs a lower-case follower.
const TEXT_END = /^[\p{L}\p{N},;.!?"'»”)-]$/u
// Tested on the last character only: an end-anchored pattern would scan the whole line.
const endsAsText = (line: string): boolean => TEXT_END.test(line.slice(-1))
const LOWER_START = /^\p{Ll}/u
// Columns: a tab, a pipe, or a run of spaces inside the line (lines are trimmed at both ends).
const tableLike = (line: string): boolean =>
  line.includes('\t') || line.includes('|') || line.includes('   ')
// "Subject:", "Тема:", "Sent:": a label within the first words starts a line on purpose.
const startsWithLabel = (line: string): boolean => {
  const colon = line.indexOf(':')
  return colon > 0 && colon <= 26 && LABEL.test(line)
}

/** Whether two non-empty lines may be parts of one wrapped paragraph at all. */
function joinable(above: string, below: string): boolean {
  if (above === '' || below === '' || isQuoted(above) || isQuoted(below)) return false
  if (/^\s/.test(below) || /^\s/.test(above)) return false // indented: code, quotes, layout
  if (!TEXT_START.test(below)) return false
  if (!endsAsText(above) && !(above.endsWith(':') && LOWER_START.test(below))) return false
  if (LIST_ITEM.test(below) || startsWithLabel(below)) return false
  return !tableLike(above) && !tableLike(below)
}

const firstWordLength = (line: string): number => firstWord(line).length
// UTF-16 units: Latin and Cyrillic letters are one unit each, which is what wrapping counts.
const width = (line: string): number => line.length

const MIN_WRAP = 50
const MAX_WRAP = 100

/** The widest unquoted line up to MAX_WRAP columns: the wrap column when the text is wrapped. */
function widestLine(lines: readonly string[]): number {
  let column = 0
  for (const line of lines) {
    const w = width(line)
    if (!isQuoted(line) && w <= MAX_WRAP && w > column) column = w
  }
  return column
}

/**
 * Breaks where the client moved the next word down only because it did not fit, judged from
 * the text's shape. The text counts as machine-wrapped only when at least two such lines end
 * within 12 columns of the widest line; otherwise no break is soft.
 */
function softBreaksFromShape(lines: readonly string[]): boolean[] {
  const soft: boolean[] = lines.map(() => false)
  const column = widestLine(lines)
  if (column < MIN_WRAP) return soft
  let full = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    const above = lines[i] ?? ''
    const below = lines[i + 1] ?? ''
    const w = width(above)
    if (w >= column * 0.6 && w + 1 + firstWordLength(below) > column && joinable(above, below)) {
      soft[i] = true
      if (w >= column - 12) full++
    }
  }
  return full >= 2 ? soft : soft.fill(false)
}

/** Whether any line is long enough to have been wrapped at all: most mail has none. */
function hasLongLine(text: string): boolean {
  let start = 0
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    if (end - start >= MIN_WRAP && text.charCodeAt(start) !== 0x3e) return true
    start = end + 1
  }
  return false
}

function join(lines: readonly string[], soft: readonly boolean[]): string {
  let out = ''
  for (let i = 0; i < lines.length; i++) {
    out += lines[i] ?? ''
    if (i + 1 < lines.length) out += soft[i] ? ' ' : '\n'
  }
  return out
}

/**
 * Joins the client's line wraps in a plain text. `htmlText` is the same message's HTML part as
 * text (quotes dropped is fine): when it is a copy, it alone decides; otherwise the text's
 * shape does.
 */
export function unwrapPlain(text: string, htmlText: string | null): string {
  if (!hasLongLine(text)) return text
  const lines = text.split('\n').map((l) => l.trimEnd())
  const fromHtml = htmlText ? softBreaksFromReference(lines, htmlText) : null
  const soft = fromHtml ?? softBreaksFromShape(lines)
  return soft.some(Boolean) ? join(lines, soft) : text
}
