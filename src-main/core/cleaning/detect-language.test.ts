import { describe, expect, it } from 'vitest'
import { detectLanguage } from './detect-language'

describe('detectLanguage', () => {
  it.each([
    ['Спасибо, всё заработало.', 'ru'],
    ['Здравствуйте, заказ №552100 так и не пришёл, трек RA123456789RU.', 'ru'],
    ['Привет, my order #123 не пришёл вовремя', 'ru'],
    ['Пришлите счёт на accounts@brightpath-consulting.com, пожалуйста', 'ru'],
    ['Hi, where is my order?', 'en'],
    ['Please see https://shop.example.com/orders/123 for details', 'en'],
    ['The refund of £24.99 has not arrived yet.', 'en'],
  ] as const)('%j -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it('labels Ukrainian, other Cyrillic and other Latin-script languages as other', () => {
    expect(detectLanguage('Дякую, все працює чудово')).toBe('other')
    expect(detectLanguage('Добрий день, де моє замовлення?')).toBe('other')
    expect(detectLanguage('Bonjour, je n’ai pas reçu ma commande')).toBe('other')
    expect(detectLanguage('Hallo, ich habe meine Bestellung nicht erhalten')).toBe('other')
    expect(detectLanguage('您好，我的订单还没有到')).toBe('other')
  })

  it('answers unknown under three words, so the caller inherits the thread language', () => {
    expect(detectLanguage('Ok')).toBe('unknown')
    expect(detectLanguage('Спасибо большое!')).toBe('unknown')
    expect(detectLanguage('Thanks!')).toBe('unknown')
    expect(detectLanguage('')).toBe('unknown')
    expect(detectLanguage('12345 +7 (495) 123-45-67')).toBe('unknown')
    expect(detectLanguage('john@example.com https://x.example')).toBe('unknown')
  })

  it('ignores a stray Ukrainian letter in Russian text', () => {
    expect(detectLanguage('Заказ пришёл, но коробка була мятая, прошу заменить товар.')).toBe('ru')
  })

  it('stays fast on a long text without spaces', () => {
    const start = performance.now()
    detectLanguage('@'.repeat(200_000))
    detectLanguage('a'.repeat(200_000))
    // Backtracking would take minutes here; the margin absorbs a busy machine.
    expect(performance.now() - start).toBeLessThan(5_000)
  })
})
