// The labelled corpus (tests/fixtures/cleaning/) run end to end: accuracy over all cases, and
// every rule of both tables exercised by at least one labelled case (corpus or held-out sets).
import { describe, expect, it } from 'vitest'
import { loadCorpus, percent, scoreCorpus } from '../../../tests/fixtures/cleaning/corpus'
import { loadHeldOut } from '../../../tests/fixtures/cleaning/held-out'
import { cleanReplyText } from './clean-text'
import { QUOTE_RULES } from './quote-rules'
import { SIGNATURE_RULES } from './signature-rules'

const cases = loadCorpus()

describe('cleaning corpus', () => {
  it('has at least 200 cases in both languages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200)
    expect(cases.filter((c) => c.lang === 'en').length).toBeGreaterThanOrEqual(100)
    expect(cases.filter((c) => c.lang === 'ru').length).toBeGreaterThanOrEqual(100)
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length)
  })

  it('is cleaned with at least 95% exact matches', () => {
    const score = scoreCorpus(cases, (text) => cleanReplyText(text).text)
    const report = score.failures
      .map((f) => `--- ${f.id} (${f.style})\nexpected:\n${f.expected}\nactual:\n${f.actual}`)
      .join('\n\n')
    expect(percent(score.overall), report).toBeGreaterThanOrEqual(95)
    for (const [lang, tally] of score.byLang) {
      expect(percent(tally), `${lang}\n${report}`).toBeGreaterThanOrEqual(95)
    }
  })

  it('exercises every rule of the quote and signature tables', () => {
    const fired = new Set<string>()
    for (const c of [...cases, ...loadHeldOut()]) {
      for (const r of cleanReplyText(c.input).removed) fired.add(r.rule)
    }
    const unused = [...QUOTE_RULES, ...SIGNATURE_RULES]
      .map((r) => r.id)
      .filter((id) => !fired.has(id))
    expect(unused).toEqual([])
  })
})
