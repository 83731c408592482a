// The disk fills up in the middle of a sync: the run ends with an error that says so, what was
// committed before stays, and once there is room again the next run finishes the job.
import { afterEach, describe, expect, it } from 'vitest'
import { generateMailbox } from '../fakes/mailbox-generator'
import { startSyncKit, type SyncKit } from '../helpers/gmail-account'

const OWN = 'support@acme.example'
let kit: SyncKit | null = null
afterEach(async () => {
  await kit?.dispose()
  kit = null
})

describe('a full disk during sync', () => {
  it('fails clearly, keeps what was stored, and resumes when there is room', async () => {
    kit = await startSyncKit({ email: OWN })
    const generated = generateMailbox({ seed: 21, messages: 2400, ownAddress: OWN, days: 120 })
    kit.fake.addMessages(OWN, generated)
    const core = kit.core()
    const { id } = await kit.connect(core)
    const sqlite = core.dbh.sqlite
    const pages = (sqlite.pragma('page_count', { simple: true }) as number) + 1400
    // SQLite answers SQLITE_FULL once the file would grow past this many pages, exactly as
    // when the disk has no space left: room for the first page of mail (500), not all of it.
    sqlite.pragma(`max_page_count = ${pages}`)

    const [failed] = await core.sync.now({ accountId: id })
    expect(failed?.status).toBe('failed')
    expect(failed?.error?.code).toBe('db_disk_full')
    expect(failed?.error?.message).toMatch(/disk is full/i)
    const stored = (sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n
    expect(stored).toBeGreaterThan(0)
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')

    sqlite.pragma('max_page_count = 1073741823')
    const [resumed] = await core.sync.now({ accountId: id })
    expect(resumed?.status).toBe('ok')
    const hidden = ['DRAFT', 'SPAM', 'TRASH']
    const visible = generated.filter((m) => !m.labelIds.some((l) => hidden.includes(l))).length
    const after = (sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n
    const distinct = (
      sqlite.prepare('SELECT count(DISTINCT external_id) AS n FROM messages').get() as { n: number }
    ).n
    expect(after).toBeGreaterThanOrEqual(stored)
    expect(after).toBe(distinct)
    expect(after).toBe(visible)
  })
})
