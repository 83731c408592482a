// Disconnecting an account while it syncs: the run stops first, so the purge leaves nothing
// behind and no half-written page.
import { afterEach, describe, expect, it } from 'vitest'
import { generateMailbox } from '../fakes/mailbox-generator'
import { startSyncKit, type SyncKit } from '../helpers/gmail-account'
import { disconnectAccount } from '../../src-main/core/accounts/disconnect-account'

const OWN = 'support@acme.example'
let kit: SyncKit | null = null
afterEach(async () => {
  await kit?.dispose()
  kit = null
})

describe('disconnect during a sync', () => {
  it('stops the run, then purges everything of the account', async () => {
    kit = await startSyncKit({ email: OWN, fake: { faults: { latencyMs: 60 } } })
    kit.fake.addMessages(
      OWN,
      generateMailbox({ seed: 9, messages: 300, ownAddress: OWN, days: 90 }),
    )
    const core = kit.core()
    const { id } = await kit.connect(core)
    const run = core.sync.now({ accountId: id })
    await expect
      .poll(() => core.sync.status().running.some((r) => r.accountId === id), { timeout: 10_000 })
      .toBe(true)

    const result = await disconnectAccount(core, id, true)
    expect(result).toMatchObject({ purged: true })
    const [finished] = await run
    expect(finished?.status).toBe('cancelled')
    const n = (sql: string) => (core.dbh.sqlite.prepare(sql).get() as { n: number }).n
    expect(n('SELECT count(*) AS n FROM messages')).toBe(0)
    expect(n('SELECT count(*) AS n FROM training_pairs')).toBe(0)
    expect(n('SELECT count(*) AS n FROM accounts')).toBe(0)
    expect(core.dbh.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
