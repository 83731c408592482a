import { describe, expect, it } from 'vitest'
import { parseMessageIds, parseSentAt } from './header-fields'

describe('parseMessageIds', () => {
  it('normalises every id to <left@right>', () => {
    expect(parseMessageIds('<abc@example.ru>')).toEqual(['<abc@example.ru>'])
    expect(parseMessageIds('  abc@example.ru  ')).toEqual(['<abc@example.ru>'])
    expect(parseMessageIds('<a@x>,<b@y>\r\n  <c@z> <a@x>')).toEqual(['<a@x>', '<b@y>', '<c@z>'])
  })

  it('ignores comments, stray text and folding inside brackets', () => {
    expect(parseMessageIds('<orig@x.ru> (Ivan\'s message of "Tue, 24 Nov")')).toEqual([
      '<orig@x.ru>',
    ])
    expect(parseMessageIds('<long-id\r\n @host>')).toEqual(['<long-id@host>'])
    expect(parseMessageIds('')).toEqual([])
    expect(parseMessageIds(undefined)).toEqual([])
    expect(parseMessageIds('no ids here')).toEqual([])
  })

  it('caps hostile References headers', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `<id${i}@x>`).join(' ')
    expect(parseMessageIds(many)).toHaveLength(200)
  })
})

describe('parseSentAt', () => {
  it.each([
    ['Tue, 24 Nov 2026 10:00:00 +0300', '2026-11-24T07:00:00.000Z'],
    ['Tue, 24 Nov 2026 10:00:00 +0300 (MSK)', '2026-11-24T07:00:00.000Z'],
    ['24 Nov 2026 10:00 MSK', '2026-11-24T07:00:00.000Z'],
    ['Tue, 24 Nov 26 10:00:00 GMT', '2026-11-24T10:00:00.000Z'],
    ['Wed, 1 Jan 99 00:00:00 -0500', '1999-01-01T05:00:00.000Z'],
    ['Tue,  4 Nov 2026 10:00:00 -0000', '2026-11-04T10:00:00.000Z'],
    ['2026-11-24T10:00:00Z', '2026-11-24T10:00:00.000Z'],
  ])('parses %s', (value, iso) => {
    expect(parseSentAt(value)).toBe(iso)
  })

  it.each([
    [undefined],
    [''],
    ['garbage'],
    ['Втр, 24 Ноя 2026'],
    ['Tue, 24 Nov 2026 25:61:00 +0300'],
    ['Mon, 30 Feb 2026 10:00:00 +0000'],
    ['Mon, 1 Jan 1900 00:00:00 +0000'],
    ['Mon, 1 Jan 9999 00:00:00 +0000'],
  ])('rejects %s', (value) => {
    expect(parseSentAt(value)).toBeNull()
  })
})
