import { describe, expect, it } from 'vitest'
import { segments } from './highlighted'

describe('highlight segments', () => {
  it('cut the text at the marks and keep every character', () => {
    const text = 'Где мой заказ? Номер заказа 5512.'
    const s = segments(text, [
      [21, 27],
      [8, 13],
    ])
    expect(s).toEqual([
      { text: 'Где мой ', hit: false },
      { text: 'заказ', hit: true },
      { text: '? Номер ', hit: false },
      { text: 'заказа', hit: true },
      { text: ' 5512.', hit: false },
    ])
    expect(s.map((x) => x.text).join('')).toBe(text)
  })

  it('ignore ranges that overlap, fall outside the text or are not ranges', () => {
    const text = '<b>card</b>'
    expect(
      segments(text, [
        [3, 7],
        [4, 6],
        [9, 40],
        [1.5, 2],
        [5, 5],
      ]),
    ).toEqual([
      { text: '<b>', hit: false },
      { text: 'card', hit: true },
      { text: '</b>', hit: false },
    ])
    expect(segments(text, undefined)).toEqual([{ text, hit: false }])
  })
})
