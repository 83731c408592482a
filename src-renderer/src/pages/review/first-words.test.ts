import { describe, expect, it } from 'vitest'
import type { MarkRange } from '@contract'
import { firstWords } from './first-words'

const marked = (r: { line: string; marks: MarkRange[] }): string[] =>
  r.marks.map(([a, b]) => r.line.slice(a, b))

describe('a thread message on one line', () => {
  it('folds whitespace and keeps the marked words marked', () => {
    const text = '  Хочу вернуть заказ.\n\n\tНомер\u00a0заказа 5512  '
    const a = text.indexOf('заказ')
    const b = text.indexOf('заказа')
    const r = firstWords(text, [
      [a, a + 5],
      [b, b + 6],
    ])
    expect(r.line).toBe('Хочу вернуть заказ. Номер заказа 5512')
    expect(marked(r)).toEqual(['заказ', 'заказа'])
  })

  it('cuts a long text with an ellipsis, and the marks with it', () => {
    const text = `${'word '.repeat(10)}parcel ${'more '.repeat(10)}parcel`
    const first = text.indexOf('parcel')
    const r = firstWords(
      text,
      [
        [first, first + 6],
        [text.length - 6, text.length],
      ],
      54,
    )
    expect(r.line).toBe(`${'word '.repeat(10)}par…`)
    expect(marked(r)).toEqual(['par'])
    expect(firstWords('short', [[9, 12]]).marks).toEqual([])
    // The default line: 160 characters at most, a mark near its start kept.
    const long = `Parcel ${'x'.repeat(10_000)}`
    const r160 = firstWords(long, [[0, 6]])
    expect(r160.line).toHaveLength(160)
    expect(marked(r160)).toEqual(['Parcel'])
  })
})
