import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import {
  bestCyrillic,
  CYRILLIC_CANDIDATES,
  cyrillicScore,
  guessCharset,
  looksLikeCyrillicAsLatin,
  PLAUSIBLE_CYRILLIC,
} from './cyrillic-detect'

const SHORT = 'Спасибо'
const GREETING = 'Здравствуйте, мой заказ не пришёл'

describe('guessCharset', () => {
  it.each(CYRILLIC_CANDIDATES)('recognises short and long Russian text in %s', (encoding) => {
    expect(guessCharset(iconv.encode(SHORT, encoding)).encoding).toBe(encoding)
    expect(guessCharset(iconv.encode(GREETING, encoding)).encoding).toBe(encoding)
    expect(
      guessCharset(iconv.encode(`${GREETING}. Заказ 12345.\r\n`.repeat(300), encoding)).encoding,
    ).toBe(encoding)
  })

  it('prefers valid UTF-8, also when a few bytes are damaged', () => {
    expect(guessCharset(Buffer.from(GREETING, 'utf8')).encoding).toBe('utf-8')
    const damaged = Buffer.concat([Buffer.from(GREETING.repeat(5), 'utf8'), Buffer.from([0xff])])
    expect(guessCharset(damaged).encoding).toBe('utf-8')
  })

  it('reports ASCII as utf-8 and Western text as windows-1252', () => {
    expect(guessCharset(Buffer.from('plain ascii')).encoding).toBe('utf-8')
    const western = iconv.encode('Viele Grüße aus München, café crème', 'windows-1252')
    expect(guessCharset(western).encoding).toBe('windows-1252')
  })

  it('handles mixed English and Russian', () => {
    const mixed = iconv.encode('Order #12345 (заказ): tracking номер RU123456789CN', 'koi8-r')
    expect(guessCharset(mixed).encoding).toBe('koi8-r')
  })
})

describe('cyrillicScore', () => {
  it('scores the right decoding around -3 and wrong ones far lower', () => {
    const bytes = iconv.encode(GREETING, 'windows-1251')
    expect(cyrillicScore(bytes, 'windows-1251')).toBeGreaterThan(-4)
    expect(cyrillicScore(bytes, 'koi8-r')).toBeLessThan(-5)
    expect(cyrillicScore(Buffer.from('ascii only'), 'koi8-r')).toBe(-Infinity)
  })

  it('bestCyrillic returns the winner with its score', () => {
    const best = bestCyrillic(iconv.encode(GREETING, 'ibm866'))
    expect(best.encoding).toBe('ibm866')
    expect(best.score).toBeGreaterThan(PLAUSIBLE_CYRILLIC)
  })
})

describe('looksLikeCyrillicAsLatin', () => {
  it('flags Cyrillic bytes that would be read as Latin-1 letters', () => {
    expect(looksLikeCyrillicAsLatin(iconv.encode(GREETING, 'windows-1251'))).toBe(true)
    expect(looksLikeCyrillicAsLatin(iconv.encode(GREETING, 'koi8-r'))).toBe(true)
  })

  it('leaves real Western European text alone', () => {
    const samples = ['Viele Grüße aus München', 'À bientôt, ça été un café crème', 'Señor Muñoz']
    for (const text of samples) {
      expect(looksLikeCyrillicAsLatin(iconv.encode(text, 'latin1'))).toBe(false)
    }
  })
})
