import { afterEach, describe, expect, it } from 'vitest'
import { localDayBounds, localDayOf } from '../../src-main/contract/local-days'

const savedTz = process.env.TZ
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ
  else process.env.TZ = savedTz
})

describe('local days', () => {
  it("bound a day where this machine's day begins and ends, not UTC's", () => {
    process.env.TZ = 'Europe/Moscow'
    expect(localDayBounds('2026-03-01')).toEqual({
      start: '2026-02-28T21:00:00.000Z',
      end: '2026-03-01T20:59:59.999Z',
    })
    expect(localDayOf('2026-03-01T21:30:00.000Z')).toBe('2026-03-02')
    process.env.TZ = 'America/New_York'
    expect(localDayBounds('2026-03-01')).toEqual({
      start: '2026-03-01T05:00:00.000Z',
      end: '2026-03-02T04:59:59.999Z',
    })
    expect(localDayOf('2026-03-01T03:00:00.000Z')).toBe('2026-02-28')
  })

  it('keep a day whole when the clocks change (23 and 25 hours)', () => {
    process.env.TZ = 'America/New_York'
    expect(localDayBounds('2026-03-08')).toEqual({
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-09T03:59:59.999Z',
    })
    expect(localDayBounds('2026-11-01')).toEqual({
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T04:59:59.999Z',
    })
  })

  it('refuse what is not a calendar day', () => {
    for (const bad of ['', '2026-02-30', '2026-13-01', '2026-3-1', '2026-03-01T00:00:00Z']) {
      expect(localDayBounds(bad), bad).toBeNull()
    }
    expect(localDayBounds('2028-02-29')).not.toBeNull()
  })
})
