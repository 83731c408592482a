import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../core'
import type { KeychainBackend } from '../secrets/secret-store'
import { readStoredUnitsPerSecond } from './summary'
import { unitsPerSecondFrom } from '../gmail/quota-limiter'
import { tempDir } from '../../../tests/helpers/temp'

const memory: KeychainBackend = {
  getPassword: async () => null,
  setPassword: async () => undefined,
  deletePassword: async () => false,
}
const tmp = tempDir()
let core: Core
beforeAll(() => {
  core = createCore({ dataDir: tmp.dir, env: {}, keychain: memory, transport: 'cli' })
})
afterAll(async () => {
  await core.close()
  tmp.cleanup()
})

describe('the Gmail quota budget from Settings', () => {
  it("defaults to Gmail's per-user limit", async () => {
    expect((await core.settings.get()).gmailUnitsPerSecond).toBe(250)
    expect(unitsPerSecondFrom({}, readStoredUnitsPerSecond(core.dbh))).toBe(250)
  })

  it('paces sync with the value saved in Settings, and the environment wins over it', async () => {
    await core.settings.update({ gmailUnitsPerSecond: 1000 })
    expect(unitsPerSecondFrom({}, readStoredUnitsPerSecond(core.dbh))).toBe(1000)
    expect(
      unitsPerSecondFrom(
        { REPLYBASE_GMAIL_UNITS_PER_SECOND: '50' },
        readStoredUnitsPerSecond(core.dbh),
      ),
    ).toBe(50)
    await core.settings.update({ gmailUnitsPerSecond: 0 })
    expect(unitsPerSecondFrom({}, readStoredUnitsPerSecond(core.dbh))).toBe(0)
  })
})
