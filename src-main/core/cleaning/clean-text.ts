// Turns the plain text of one email into what its author actually wrote: quoted history,
// forwarded messages, signatures and client footers removed, whitespace normalised. The rules
// live in two ordered tables (quote-rules.ts, signature-rules.ts); this module runs them.
import { matchQuoteAt, type QuoteRule } from './quote-rules'
import type { Removal, RemovedKind } from './rule-types'
import { stripSignatures } from './signature-rules'
import { splitNormalizedLines, tidyBlankLines } from './text-normalize'

export type { Removal, RemovedKind } from './rule-types'

export interface CleanResult {
  text: string
  removed: Array<{ rule: string; kind: RemovedKind }>
}

const QUOTED_LINE_RULE: Removal = { rule: 'quoted-line', kind: 'quote' }

// The Bat! and some old clients put the author's initials before the marker: "ИВ> текст".
// A run of markers after capitals is link decoration in a sentence ("ЛК>>>Заказы", "PDF>>>").
const INITIALS_QUOTE = /^\p{Lu}{1,3}>(?!>)/u

function isQuoted(t: string): boolean {
  return t.charCodeAt(0) === 62 /* > */ || (t.indexOf('>') > 0 && INITIALS_QUOTE.test(t))
}

/**
 * True when the attribution at `from` is followed by `>` quotes and then new text: the author
 * answered below or between the quotes (RFC 3676 §4.5 quoting), so only the quotes go.
 */
function answersBelow(lines: readonly string[], from: number): boolean {
  let k = from
  while (k < lines.length && lines[k] === '') k++
  if (k >= lines.length || !isQuoted(lines[k] ?? '')) return false
  for (; k < lines.length; k++) {
    const t = lines[k] ?? ''
    if (t !== '' && !isQuoted(t)) return true
  }
  return false
}

function stripQuotes(lines: readonly string[], removed: Removal[]): string[] {
  const trimmed = lines.map((l) => l.trim())
  const memo: Array<QuoteRule | null | undefined> = new Array<QuoteRule | null | undefined>(
    trimmed.length,
  )
  const kept: string[] = []
  let quotedSeen = false
  for (let i = 0; i < trimmed.length; i++) {
    const t = trimmed[i] ?? ''
    if (isQuoted(t)) {
      if (!quotedSeen) removed.push(QUOTED_LINE_RULE)
      quotedSeen = true
      continue
    }
    const hit = matchQuoteAt(trimmed, i, memo)
    if (hit) {
      const { rule, span } = hit
      removed.push({ rule: rule.id, kind: rule.removes })
      if (rule.attribution === true && answersBelow(trimmed, i + span)) {
        i += span - 1
        continue
      }
      break
    }
    kept.push(lines[i] ?? '')
  }
  return kept
}

/** Cleans one message body (plain text). Pure and synchronous; safe to call per message. */
export function cleanReplyText(text: string): CleanResult {
  const removed: Removal[] = []
  const lines = splitNormalizedLines(text)
  const withoutQuotes = stripQuotes(lines, removed)
  const body = stripSignatures(withoutQuotes, removed)
  return { text: tidyBlankLines(body.join('\n')), removed }
}
