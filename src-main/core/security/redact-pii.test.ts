import { describe, expect, it } from 'vitest'
import { redactPii } from './redact-pii'

describe('redactPii', () => {
  it('replaces addresses, phones and cards in English mail and counts them', () => {
    const r = redactPii(
      'Hi, I am john.smith+orders@example.co.uk, call me at +1 (415) 555-0134 or 415-555-0199. ' +
        'My card 4111 1111 1111 1111 was charged twice.',
    )
    expect(r.text).toBe(
      'Hi, I am [email], call me at [phone] or [phone]. My card [card] was charged twice.',
    )
    expect(r.counts).toEqual({ email: 1, phone: 2, card: 1 })
  })

  it('replaces addresses and phones in Russian mail, Cyrillic domains included', () => {
    const r = redactPii(
      'Здравствуйте! Пишите на иван.петров@почта.рф или ivan@mail.ru, звоните +7 (912) 345-67-89 ' +
        'или 8 800 555-35-35. Карта 5555-5555-5555-4444.',
    )
    expect(r.text).toBe(
      'Здравствуйте! Пишите на [email] или [email], звоните [phone] или [phone]. Карта [card].',
    )
    expect(r.counts).toEqual({ email: 2, phone: 2, card: 1 })
  })

  it('leaves dates, order numbers, prices and non-Luhn long numbers alone', () => {
    const text =
      'Order 1234567890 of 2026-12-05 (05.12.2026) costs 1 299.00 ₽; tracking 1234 5678 9012 3456.'
    const r = redactPii(text)
    expect(r.text).toBe(text)
    expect(r.counts).toEqual({ email: 0, phone: 0, card: 0 })
  })

  it('keeps the punctuation around a phone and phones on their own lines', () => {
    const r = redactPii('Телефон:\n+7 912 345 67 89\n(звоните после 10)')
    expect(r.text).toBe('Телефон:\n[phone]\n(звоните после 10)')
    expect(r.counts.phone).toBe(1)
  })
})
