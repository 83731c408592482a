import { describe, expect, it } from 'vitest'
import { repliesDiffer, replyOverlap } from './reply-consistency'

describe('reply consistency', () => {
  it('sees the same answer in other words forms, in Russian and English', () => {
    expect(
      repliesDiffer(
        'Ваш заказ передан курьеру, доставка завтра.',
        'Заказ передали курьеру, доставим завтра утром.',
      ),
    ).toBe(false)
    expect(
      repliesDiffer('Your refund was issued today.', 'We issued the refund to your card.'),
    ).toBe(false)
  })

  it('marks an answer that says something else', () => {
    expect(
      repliesDiffer(
        'Ваш заказ передан курьеру, доставка завтра.',
        'Оформили возврат денег на карту в течение трёх дней.',
      ),
    ).toBe(true)
    expect(replyOverlap('Thanks!', 'Thanks!')).toBe(1)
  })
})
