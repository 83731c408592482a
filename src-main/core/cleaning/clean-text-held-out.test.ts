// The held-out sets (tests/fixtures/cleaning/held-out/), labelled by hand before the quote rules
// covered their header families: the client text a reviewer sees, per language.
import { describe, expect, it } from 'vitest'
import { percent, sameTrimmed, type Tally } from '../../../tests/fixtures/cleaning/corpus'
import { loadHeldOut, MAIN_LANGS } from '../../../tests/fixtures/cleaning/held-out'
import { cleanReplyText } from './clean-text'

const cases = loadHeldOut()
const results = cases.map((c) => ({ c, actual: cleanReplyText(c.input).text }))

function report(rows: typeof results): string {
  return rows
    .map(
      ({ c, actual }) =>
        `--- ${c.id} (${c.lang}/${c.style})\nexpected:\n${c.expected}\nactual:\n${actual}`,
    )
    .join('\n\n')
}

// A label and a cleaned text that differ only in one short last line: a courtesy close the label
// keeps ("Спасибо!") or a bare first name it drops ("Robert"). Those are decided by the signature
// rules; everything above them, quoted history included, must already be right.
const SHORT_LINE = /^\p{L}[\p{L} ,.!'’]{0,39}$/u

function differsOnlyInLastLine(actual: string, expected: string): boolean {
  const [shorter, longer] =
    actual.length <= expected.length
      ? [actual.trim(), expected.trim()]
      : [expected.trim(), actual.trim()]
  if (!longer.startsWith(shorter)) return false
  return SHORT_LINE.test(longer.slice(shorter.length).trim())
}

describe('held-out cleaning sets', () => {
  it('have at least 150 cases: 40 English, 40 Russian and 5 in each other language group', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150)
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length)
    const count = (lang: string): number => cases.filter((c) => c.lang === lang).length
    expect(count('en')).toBeGreaterThanOrEqual(40)
    expect(count('ru')).toBeGreaterThanOrEqual(40)
    for (const lang of ['uk', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'tr', 'ja', 'zh']) {
      expect(count(lang), lang).toBeGreaterThanOrEqual(5)
    }
    expect(count('sv') + count('no') + count('da')).toBeGreaterThanOrEqual(5)
  })

  it('clean at least 85% of the client texts in other languages exactly', () => {
    const others = results.filter(({ c }) => !MAIN_LANGS.includes(c.lang))
    const misses = others.filter(({ c, actual }) => !sameTrimmed(actual, c.expected))
    const tally: Tally = { total: others.length, correct: others.length - misses.length }
    expect(percent(tally), report(misses)).toBeGreaterThanOrEqual(85)
  })

  it('leave no quoted history in English and Russian client texts', () => {
    const main = results.filter(({ c }) => MAIN_LANGS.includes(c.lang))
    const wrong = main.filter(
      ({ c, actual }) =>
        !sameTrimmed(actual, c.expected) && !differsOnlyInLastLine(actual, c.expected),
    )
    expect(wrong, report(wrong)).toEqual([])
  })
})
