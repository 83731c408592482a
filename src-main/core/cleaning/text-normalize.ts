// Whitespace normalisation shared by the cleaner and by corpus scoring, so "exact match" means
// the same thing in tests, in the accuracy script and in the stored pairs.

// Zero-width space/joiners, word joiner, BOM and soft hyphen: invisible in a client, noise in text.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g
// No-break and fixed-width spaces that mail clients insert ("10\u00a0000 ₽", Outlook indents).
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/g
const BLANK_RUN = /\n{3,}/g

// A loop rather than /[ \t]+$/gm, which backtracks quadratically on long runs of spaces.
function trimLineEnd(line: string): string {
  let end = line.length
  while (end > 0) {
    const c = line.charCodeAt(end - 1)
    if (c !== 32 && c !== 9 && c !== 11 && c !== 12) break
    end--
  }
  return end === line.length ? line : line.slice(0, end)
}

/**
 * Unifies line breaks, drops invisible characters, turns odd spaces into plain ones and strips
 * trailing spaces on every line. Returns the lines, so line rules can run on them.
 */
export function splitNormalizedLines(text: string): string[] {
  const lines = text
    .replace(LINE_BREAK, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .split('\n')
  for (let i = 0; i < lines.length; i++) lines[i] = trimLineEnd(lines[i] ?? '')
  return lines
}

/** splitNormalizedLines joined back into one string. */
export function normalizeLines(text: string): string {
  return splitNormalizedLines(text).join('\n')
}

/** Collapses runs of blank lines to a single blank line and trims the whole text. */
export function tidyBlankLines(text: string): string {
  return text.replace(BLANK_RUN, '\n\n').trim()
}

/** Full normalisation: the form in which cleaned texts are stored and compared. */
export function normalizeWhitespace(text: string): string {
  return tidyBlankLines(normalizeLines(text))
}
