// Small pure pieces of the fakes: Gmail query subset, QP and encoded-word encoders.

import { describe, expect, it } from 'vitest'
import { parseQuery } from './fake-google/gmail-query'
import { decodeQp, decodeWords } from './fake-google/mime-tree'
import { encodeCharset, encodeQp, encodeWords } from './mailbox/encoding'

describe('gmail query subset', () => {
  const facts = (date: string, labels: string[]) => ({
    internalDate: Date.parse(date),
    labels: new Set(labels),
  })

  it('reads calendar dates as midnight PST, after inclusive and before exclusive', () => {
    const q = parseQuery('after:2026/03/01 before:2026/03/02', 0)
    expect(q.matches(facts('2026-03-01T08:00:00Z', ['INBOX']))).toBe(true)
    expect(q.matches(facts('2026-03-01T07:59:59Z', ['INBOX']))).toBe(false)
    expect(q.matches(facts('2026-03-02T07:59:59Z', ['INBOX']))).toBe(true)
    expect(q.matches(facts('2026-03-02T08:00:00Z', ['INBOX']))).toBe(false)
    expect(parseQuery('after:1772352000', 0).matches(facts('2026-03-01T08:00:00Z', []))).toBe(true)
  })

  it('handles negation, relative ages, in:anywhere and ignores unknown terms', () => {
    const now = Date.parse('2026-03-10T00:00:00Z')
    const q = parseQuery('-in:spam -in:drafts newer_than:7d from:x@y.z "quoted words"', now)
    expect(q.matches(facts('2026-03-05T00:00:00Z', ['INBOX']))).toBe(true)
    expect(q.matches(facts('2026-03-05T00:00:00Z', ['DRAFT']))).toBe(false)
    expect(q.matches(facts('2026-02-05T00:00:00Z', ['INBOX']))).toBe(false)
    expect(q.mentionsSpamTrash).toBe(false)
    expect(parseQuery('in:anywhere', now).mentionsSpamTrash).toBe(true)
    expect(parseQuery('is:read label:Label_1', now).matches(facts('2026-03-05', ['Label_1']))).toBe(
      true,
    )
  })
})

describe('encoders', () => {
  it('quoted-printable round-trips and keeps lines within 76 columns', () => {
    const text = `${'Съешь же ещё этих мягких французских булок, да выпей чаю. '.repeat(4)} \r\nend=\t`
    const bytes = encodeCharset(text, 'koi8-r')
    const qp = encodeQp(bytes)
    for (const line of qp.toString('latin1').split('\r\n'))
      expect(line.length).toBeLessThanOrEqual(76)
    expect(decodeQp(qp).equals(bytes)).toBe(true)
  })

  it('encoded words stay under 75 characters and decode back', () => {
    const subject = 'Не выгружается отчёт в CSV — ошибка «Timeout while generating file»'
    for (const [cs, mode] of [
      ['utf-8', 'B'],
      ['utf-8', 'Q'],
      ['windows-1251', 'Q'],
      ['koi8-r', 'B'],
    ] as const) {
      const words = encodeWords(subject.replace(/[—«»]/g, '-'), cs, mode)
      for (const w of words.split('\r\n ')) expect(w.length).toBeLessThanOrEqual(75)
      expect(decodeWords(words.replace(/\r\n /g, ' '))).toBe(subject.replace(/[—«»]/g, '-'))
    }
  })
})
