// The courtesy-close and signature held-out set (tests/fixtures/cleaning/held-out/
// signatures-courtesy.json), labelled by hand before the signature rules were changed for it:
// closes that stay, sign-offs, bare names and mobile footers that go, in client texts and in
// our replies alike.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { percent, sameTrimmed, type LabelledCase } from '../../../tests/fixtures/cleaning/corpus'
import { HELD_OUT_DIR } from '../../../tests/fixtures/cleaning/held-out'
import { cleanReplyText } from './clean-text'

const cases = JSON.parse(
  readFileSync(join(HELD_OUT_DIR, 'signatures-courtesy.json'), 'utf8'),
) as LabelledCase[]

describe('courtesy closes and signatures, held out', () => {
  it('has at least 60 cases, in English and Russian, of closes that stay and of signatures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
    for (const lang of ['en', 'ru']) {
      const inLang = cases.filter((c) => c.lang === lang)
      expect(
        inLang.some((c) => c.style.startsWith('reply-')),
        lang,
      ).toBe(true)
      expect(
        inLang.some((c) => c.style === 'courtesy-close'),
        lang,
      ).toBe(true)
      expect(
        inLang.some((c) => c.style === 'bare-name'),
        lang,
      ).toBe(true)
    }
  })

  it.each(['en', 'ru'])('cleans at least 95% of the %s cases exactly', (lang) => {
    const inLang = cases.filter((c) => c.lang === lang)
    const misses = inLang
      .map((c) => ({ c, actual: cleanReplyText(c.input).text }))
      .filter(({ c, actual }) => !sameTrimmed(actual, c.expected))
    const report = misses
      .map(
        ({ c, actual }) => `--- ${c.id} (${c.style})\nexpected:\n${c.expected}\nactual:\n${actual}`,
      )
      .join('\n\n')
    const tally = { total: inLang.length, correct: inLang.length - misses.length }
    expect(percent(tally), report).toBeGreaterThanOrEqual(95)
  })
})
