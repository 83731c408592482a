import { describe, expect, it } from 'vitest'
import { dateHint, formatTypedDate, parseTypedDate, shiftDay } from './date-input'

const EN = { day: 'DD', month: 'MM', year: 'YYYY' }
const RU = { day: 'ДД', month: 'ММ', year: 'ГГГГ' }

describe('typed dates', () => {
  it("follow the app's language, not the browser's", () => {
    expect(dateHint('en', EN)).toBe('MM/DD/YYYY')
    expect(dateHint('ru', RU)).toBe('ДД.ММ.ГГГГ')
    expect(formatTypedDate('2026-12-31', 'en')).toBe('12/31/2026')
    expect(formatTypedDate('2026-12-31', 'ru')).toBe('31.12.2026')
    expect(formatTypedDate('', 'ru')).toBe('')
  })

  it('read what a person types in that language, or say it is not a date', () => {
    expect(parseTypedDate('12/31/2026', 'en')).toBe('2026-12-31')
    expect(parseTypedDate('1/5/2026', 'en')).toBe('2026-01-05')
    expect(parseTypedDate('31.12.2026', 'ru')).toBe('2026-12-31')
    expect(parseTypedDate('5.1.2026', 'ru')).toBe('2026-01-05')
    // ISO is read in every language; blank is no date.
    expect(parseTypedDate('2026-01-05', 'ru')).toBe('2026-01-05')
    expect(parseTypedDate('  ', 'en')).toBe('')
    for (const bad of [
      '31.12.2026x1',
      '31/12/2026',
      '13/01/2026',
      '02/30/2026',
      '1/1/26',
      'soon',
    ]) {
      expect(parseTypedDate(bad, 'en'), bad).toBeNull()
    }
    expect(parseTypedDate('12.31.2026', 'ru')).toBeNull()
  })

  it('step by days across months', () => {
    expect(shiftDay('2026-02-28', 1)).toBe('2026-03-01')
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28')
    expect(shiftDay('2025-12-31', 1)).toBe('2026-01-01')
  })
})
