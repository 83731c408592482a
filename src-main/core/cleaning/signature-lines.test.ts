import { describe, expect, it } from 'vitest'
import { isContactLine, isNameLine, isOrgLine, isTailLine } from './signature-lines'

describe('signature line classes', () => {
  it.each([
    '+7 (495) 123-45-67',
    '8 (800) 555-35-35',
    'Тел.: +7 916 123-45-67',
    'тел. +7 (812) 320-10-20',
    'Mobile: +1 415 555 0199',
    'Phone: 020 7946 0321',
    'john.smith@gmail.com',
    'www.romashka-shop.ru',
    'https://greenleaf-home.com',
    'Telegram: @amorozov',
  ])('contact: %j', (line) => expect(isContactLine(line)).toBe(true))

  it.each(['Order 123456789', 'It was 552100.', 'Please call me back', '12 March'])(
    'not contact: %j',
    (line) => expect(isContactLine(line)).toBe(false),
  )

  it('names: capitalised words and initials', () => {
    expect(isNameLine('Иван Петров')).toBe(true)
    expect(isNameLine('John S.')).toBe(true)
    expect(isNameLine('Anna-Maria Rossi')).toBe(true)
    expect(isNameLine('please call me')).toBe(false)
    expect(isNameLine('Order 4521')).toBe(false)
  })

  it('companies and positions: short, no sentence punctuation', () => {
    expect(isOrgLine('ООО «Ромашка», менеджер по закупкам')).toBe(true)
    expect(isOrgLine('Northfield Logistics Inc.')).toBe(true)
    expect(isOrgLine('ИП Орлова Ю.А.')).toBe(true)
    expect(isOrgLine('коллектив ООО «Вектор»')).toBe(true)
    expect(isOrgLine('Can you send it?')).toBe(false)
    expect(isOrgLine('The parcel never arrived.')).toBe(false)
    expect(isOrgLine('P.S. I need the invoice')).toBe(false)
  })

  it('tail lines exclude long prose', () => {
    expect(isTailLine('the replacement arrived but the charger is missing from the box.')).toBe(
      false,
    )
    expect(isTailLine('')).toBe(false)
  })
})
