// The run around the engine, with Gmail stubbed: how a run ends when Gmail refuses for good,
// what it records, and which account status it leaves.
import type { gmail_v1 } from '@googleapis/gmail'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedDatabase } from '../../db/open-database'
import { openStoreDb, type StoreDb } from '../../../tests/helpers/sync-store'
import type { AccountsService } from '../accounts/accounts-service'
import { createEventBus } from '../event-bus'
import type { GmailClientFactory, GmailForAccount } from '../google/gmail-client'
import { createSyncService } from './sync-service'

let db: StoreDb
let dbh: OpenedDatabase
let accountId: number
let marks: Array<[number, string]>

beforeEach(() => {
  db = openStoreDb('replybase-syncsvc-')
  dbh = db.dbh
  accountId = db.accountId
  marks = []
})
afterEach(() => db.close())

const accounts = {
  markError: (id: number, reason: string) => void marks.push([id, reason]),
  markActive: () => undefined,
  notifyChanged: () => undefined,
} as unknown as AccountsService

function refusing(status: number, reason: string): GmailClientFactory {
  const fail = () =>
    Promise.reject({
      response: {
        status,
        headers: {},
        data: { error: { code: status, message: reason, errors: [{ reason }] } },
      },
    })
  const gmail = {
    users: { getProfile: fail, messages: { list: fail, get: fail }, history: { list: fail } },
  } as unknown as gmail_v1.Gmail
  const client = { gmail, auth: {}, email: 'us@acme.example' } as unknown as GmailForAccount
  return { getAccountClient: async () => client, clientFor: async () => client }
}

describe('createSyncService', () => {
  it('403 insufficientPermissions: no retry, scope_denied on the run and the account', async () => {
    const events = createEventBus()
    const seen: string[] = []
    events.subscribe((e) => seen.push(e))
    const sync = createSyncService({
      dbh,
      events,
      accounts,
      gmail: refusing(403, 'insufficientPermissions'),
      env: { REPLYBASE_SYNC_DECODE_WORKERS: '0' },
    })
    const r = await sync.run(accountId)
    expect(r).toMatchObject({ status: 'failed', error: { code: 'scope_denied' } })
    expect(marks).toEqual([[accountId, 'scope_denied']])
    expect(seen).toEqual(['sync.started', 'sync.progress', 'sync.finished'])
    const run = dbh.sqlite
      .prepare('SELECT status, mode, errors, summary FROM sync_runs')
      .get() as Record<string, string>
    expect(run).toMatchObject({ status: 'failed', mode: 'full' })
    expect(JSON.parse(run.errors!)[0]).toMatch(/^scope_denied: .*reconnect/)
    const meta = JSON.parse(
      (dbh.sqlite.prepare('SELECT meta FROM accounts').get() as { meta: string }).meta,
    )
    expect(meta.last_sync_summary).toMatchObject({
      mode: 'full',
      messages_fetched: 0,
      errors: [expect.stringMatching(/scope_denied/)],
    })
    await sync.close()
  })

  it("401 after the client's own refresh: the account needs attention (auth_failed)", async () => {
    const sync = createSyncService({
      dbh,
      events: createEventBus(),
      accounts,
      gmail: refusing(401, 'authError'),
      env: { REPLYBASE_SYNC_DECODE_WORKERS: '0' },
    })
    expect((await sync.run(accountId)).error?.code).toBe('auth_failed')
    expect(marks).toEqual([[accountId, 'auth_failed']])
    await sync.close()
  })

  it('a disabled account is refused before anything runs; a second run of one account is refused', async () => {
    dbh.sqlite.prepare("UPDATE accounts SET status = 'disabled'").run()
    const sync = createSyncService({
      dbh,
      events: createEventBus(),
      accounts,
      gmail: refusing(500, 'backendError'),
      env: {},
    })
    await expect(sync.run(accountId)).rejects.toMatchObject({ code: 'account_disabled' })
    expect(dbh.sqlite.prepare('SELECT count(*) AS n FROM sync_runs').get()).toEqual({ n: 0 })
    dbh.sqlite.prepare("UPDATE accounts SET status = 'active'").run()
    let release!: () => void
    const slow: GmailClientFactory = {
      clientFor: () =>
        new Promise<GmailForAccount>((_r, reject) => (release = () => reject(new Error('stop')))),
      getAccountClient: () => Promise.reject(new Error('unused')),
    }
    const sync2 = createSyncService({
      dbh,
      events: createEventBus(),
      accounts,
      gmail: slow,
      env: {},
    })
    const first = sync2.run(accountId)
    await new Promise((r) => setTimeout(r, 10))
    expect(sync2.running()).toEqual([
      expect.objectContaining({ accountId, mode: 'full', phase: 'starting' }),
    ])
    await expect(sync2.run(accountId)).rejects.toMatchObject({ code: 'sync_in_progress' })
    release()
    expect((await first).status).toBe('failed')
    await sync.close()
    await sync2.close()
  })
})
