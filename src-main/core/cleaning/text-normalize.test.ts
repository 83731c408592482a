import { describe, expect, it } from 'vitest'
import { normalizeLines, normalizeWhitespace, splitNormalizedLines } from './text-normalize'

describe('text normalisation', () => {
  it('unifies line breaks (CRLF, CR, U+2028)', () => {
    expect(normalizeLines('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd')
  })

  it('drops invisible characters and turns odd spaces into plain ones', () => {
    expect(normalizeLines('\ufeffa\u200bb\u00adc 1\u00a0000\u202f₽')).toBe('abc 1 000 ₽')
  })

  it('strips trailing spaces and tabs but keeps indentation', () => {
    expect(splitNormalizedLines('  indented  \n-- \n\ttext\t')).toEqual([
      '  indented',
      '--',
      '\ttext',
    ])
  })

  it('collapses runs of blank lines to one and trims the text', () => {
    expect(normalizeWhitespace('\n\na\n\n\n\nb\n\nc\n\n')).toBe('a\n\nb\n\nc')
  })
})
