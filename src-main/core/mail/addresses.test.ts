import { addressParser } from 'postal-mime'
import { describe, expect, it } from 'vitest'
import { firstAddress, flattenAddresses, parseAddressList } from './addresses'

describe('addresses', () => {
  it('flattens groups, lower-cases and de-duplicates addresses', () => {
    const list = addressParser(
      'Team: A@Example.ru, "B" <b@example.ru>;, c@example.ru, C@EXAMPLE.RU, undisclosed-recipients:;',
    )
    expect(flattenAddresses(list)).toEqual([
      { name: '', address: 'a@example.ru' },
      { name: 'B', address: 'b@example.ru' },
      { name: '', address: 'c@example.ru' },
    ])
  })

  it('decodes RFC 2047 display names', () => {
    expect(parseAddressList('=?windows-1251?B?yOLg7Q==?= <Ivan@Example.ru>')).toEqual([
      { name: 'Иван', address: 'ivan@example.ru' },
    ])
  })

  it('returns the first mailbox of From, or null', () => {
    expect(firstAddress(addressParser('Robot <NoReply@X.ru>')[0])).toEqual({
      name: 'Robot',
      address: 'noreply@x.ru',
    })
    expect(firstAddress(undefined)).toBeNull()
    expect(parseAddressList('not an address')).toEqual([])
    expect(parseAddressList(undefined)).toEqual([])
  })
})
