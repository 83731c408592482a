import { describe, expect, it } from 'vitest'
import { initialPage, pageFromHash, reconnectFromHash } from './route-store'

describe('route store', () => {
  it('reads the page from the address', () => {
    expect(pageFromHash('#/review')).toBe('review')
    expect(pageFromHash('#/settings?x=1')).toBe('settings')
    expect(pageFromHash('#/nope')).toBeNull()
    expect(pageFromHash('')).toBeNull()
  })

  it('opens the address first, then the remembered page, then Accounts', () => {
    expect(initialPage('#/settings', 'review')).toBe('settings')
    expect(initialPage('', 'review')).toBe('review')
    expect(initialPage('', 'garbage')).toBe('accounts')
    expect(initialPage('', null)).toBe('accounts')
  })

  it('reads the account to reconnect from a notification link', () => {
    expect(reconnectFromHash('#/accounts?reconnect=3')).toBe(3)
    expect(reconnectFromHash('#/accounts?reconnect=x')).toBeNull()
    expect(reconnectFromHash('#/accounts')).toBeNull()
  })
})
