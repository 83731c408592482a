import { describe, expect, it } from 'vitest'
import { accountName } from './account-name'

const email = 'support@shop.example'

describe('account name', () => {
  it('keeps a name that is not the address', () => {
    expect(accountName({ email, displayName: 'Shop support team' })).toBe('Shop support team')
    expect(accountName({ email, displayName: '  Служба поддержки ' })).toBe('Служба поддержки')
  })

  it('drops a name that only repeats the address, in any letters or around a provider', () => {
    expect(accountName({ email, displayName: `Gmail – ${email}` })).toBeNull()
    expect(accountName({ email, displayName: 'Support@Shop.Example' })).toBeNull()
    expect(accountName({ email, displayName: `Support <${email}>` })).toBeNull()
    expect(accountName({ email, displayName: '   ' })).toBeNull()
  })
})
