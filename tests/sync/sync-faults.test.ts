// Sync against a misbehaving Gmail (the fake's quota, faults and control API), each test with
// its own fake server, data folder and keychain service: nothing lost, nothing duplicated, and
// a clear reason whenever a run has to stop.
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src-main/core/core'
import { generateMailbox, type GeneratedMessage } from '../fakes/mailbox-generator'
import type { FakeGoogleOptions } from '../fakes/fake-google'
import { startSyncKit, type SyncKit } from '../helpers/gmail-account'

const OWN = 'support@acme.example'
const HIDDEN = ['DRAFT', 'SPAM', 'TRASH']

let kit: SyncKit | null = null
afterEach(async () => {
  await kit?.dispose()
  kit = null
})

async function setup(
  messages: number,
  options: { fake?: FakeGoogleOptions; env?: NodeJS.ProcessEnv; seed?: number } = {},
): Promise<{
  kit: SyncKit
  core: Core
  id: number
  generated: GeneratedMessage[]
  visible: number
}> {
  kit = await startSyncKit({ email: OWN, fake: options.fake, env: options.env })
  const generated = generateMailbox({
    seed: options.seed ?? 3,
    messages,
    ownAddress: OWN,
    days: 150,
  })
  kit.fake.addMessages(OWN, generated)
  const core = kit.core()
  const id = (await kit.connect(core)).id
  const visible = generated.filter((m) => !m.labelIds.some((l) => HIDDEN.includes(l))).length
  return { kit, core, id, generated, visible }
}

function counts(core: Core) {
  const q = (sql: string) => (core.dbh.sqlite.prepare(sql).get() as { n: number }).n
  return {
    messages: q('SELECT count(*) AS n FROM messages WHERE deleted_at IS NULL'),
    distinct: q('SELECT count(DISTINCT external_id) AS n FROM messages'),
    pairs: q('SELECT count(*) AS n FROM training_pairs'),
  }
}

describe('rate limits', () => {
  it('a 429 storm is paced down: every message once, none lost', async () => {
    // Also "Too many concurrent requests": the fake runs a batch's parts at once, like Gmail.
    const s = await setup(60, {
      fake: { quotaUnitsPerSecond: 150, quotaStyle: '429', maxConcurrent: 10 },
      env: { REPLYBASE_GMAIL_UNITS_PER_SECOND: '2000' },
    })
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.status).toBe('ok')
    expect(s.kit.fake.stats().rateLimited).toBeGreaterThan(0)
    expect(r?.summary?.rate_limited).toBeGreaterThan(0)
    expect(counts(s.core)).toMatchObject({ messages: s.visible, distinct: s.visible })
  }, 60_000)

  it('without batch requests (one messages.get per message) the storm is paced down too', async () => {
    // A quota far below what the client is told (even a slow, busy machine overruns it).
    const s = await setup(40, {
      fake: { quotaUnitsPerSecond: 40, quotaStyle: '429', maxConcurrent: 4 },
      env: { REPLYBASE_GMAIL_UNITS_PER_SECOND: '2000', REPLYBASE_GMAIL_BATCH: '0' },
    })
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.status).toBe('ok')
    const stats = s.kit.fake.stats()
    expect(stats.byEndpoint['batch'] ?? 0).toBe(0)
    expect(stats.rateLimited + stats.concurrencyRejected).toBeGreaterThan(0)
    expect(counts(s.core)).toMatchObject({ messages: s.visible, distinct: s.visible })
  }, 60_000)

  it('403 userRateLimitExceeded is a rate limit too, not a permission problem', async () => {
    const s = await setup(40, {
      fake: { quotaUnitsPerSecond: 150, quotaStyle: '403' },
      env: { REPLYBASE_GMAIL_UNITS_PER_SECOND: '2000' },
    })
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.status).toBe('ok')
    expect(s.kit.fake.stats().rateLimited).toBeGreaterThan(0)
    expect(counts(s.core).messages).toBe(s.visible)
    expect(s.core.accounts.get(s.id).status).toBe('active')
  }, 60_000)
})

describe('server and network faults', () => {
  it('20 % of calls answering 5xx: backs off, completes', async () => {
    const s = await setup(80, { fake: { faults: { errorRate: 0.2 }, seed: 11 } })
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.status).toBe('ok')
    expect(s.kit.fake.stats().faultsInjected).toBeGreaterThan(0)
    expect(r?.summary?.retries).toBeGreaterThan(0)
    expect(counts(s.core)).toMatchObject({ messages: s.visible, distinct: s.visible })
  }, 60_000)

  it('messages deleted between list and get are skipped and counted', async () => {
    const s = await setup(50)
    s.kit.fake.setFaults({ deleteAfterList: 3 })
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.status).toBe('ok')
    expect(r?.summary?.messages_vanished).toBe(3)
    expect(counts(s.core).messages).toBe(s.visible - 3)
  })

  it('domainPolicy stops at once with a clear reason and no retries', async () => {
    const s = await setup(10)
    s.kit.fake.resetStats()
    s.kit.fake.setFaults({ domainPolicy: true })
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r).toMatchObject({ status: 'failed', error: { code: 'domain_policy' } })
    expect(r?.error?.message).toMatch(/administrator/)
    expect(s.kit.fake.stats().byStatus['403']).toBe(1)
    expect(s.core.accounts.get(s.id)).toMatchObject({
      status: 'error',
      statusReason: 'domain_policy',
    })
  })

  it('offline: the run ends with `offline`, nothing stored is lost, the next run completes', async () => {
    const s = await setup(50)
    s.kit.fake.setFaults({ offline: 'refuse' })
    const [down] = await s.core.sync.now({ accountId: s.id })
    expect(down).toMatchObject({ status: 'failed', error: { code: 'offline' } })
    expect(down?.summary?.errors.join(' ')).toMatch(/offline/)
    s.kit.fake.setFaults({ offline: false })
    await new Promise((r) => setTimeout(r, 50))
    const [up] = await s.core.sync.now({ accountId: s.id })
    expect(up?.status).toBe('ok')
    expect(counts(s.core).messages).toBe(s.visible)
    s.kit.fake.setFaults({ offline: 'reset' })
    const [again] = await s.core.sync.now({ accountId: s.id })
    expect(again?.error?.code).toBe('offline')
    expect(counts(s.core).messages).toBe(s.visible)
  }, 60_000)
})

describe('authorization', () => {
  it('a grant revoked mid-sync: token_revoked, committed work kept, Reconnect resumes', async () => {
    const s = await setup(700, { env: { REPLYBASE_SYNC_DECODE_WORKERS: '0' } })
    // The grant dies after 560 Gmail calls, while the first two pages (500 each) are in flight.
    s.kit.fake.setFaults({ revokeAfterRequests: 560 })
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r).toMatchObject({ status: 'failed', error: { code: 'token_revoked' } })
    expect(s.core.accounts.get(s.id)).toMatchObject({
      status: 'error',
      statusReason: 'token_revoked',
    })
    // What was fetched before the revocation is saved; how much that is depends on how the two
    // overlapping pages interleaved, which the machine's load decides.
    const kept = counts(s.core).messages
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(s.visible)
    await s.kit.connect(s.core)
    expect(s.core.accounts.get(s.id).status).toBe('active')
    const [again] = await s.core.sync.now({ accountId: s.id })
    expect(again?.status).toBe('ok')
    expect(again?.summary?.resumed).toBe(true)
    expect(counts(s.core)).toMatchObject({ messages: s.visible, distinct: s.visible })
  }, 60_000)

  it('an access token expiring mid-sync is refreshed and the sync goes on', async () => {
    const s = await setup(40)
    s.kit.fake.expireTokens(OWN)
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.status).toBe('ok')
    expect(counts(s.core).messages).toBe(s.visible)
  })
})

describe('history', () => {
  it('an expired historyId falls back to a full sync with no duplicates', async () => {
    const s = await setup(60)
    await s.core.sync.now({ accountId: s.id })
    const more = generateMailbox({ seed: 99, messages: 20, ownAddress: OWN, days: 20 })
    s.kit.fake.addMessages(OWN, more)
    const gone = s.kit.fake.messageIds(OWN)[5]!
    s.kit.fake.deleteMessage(OWN, gone)
    s.kit.fake.expireHistory(OWN)
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.summary).toMatchObject({ mode: 'full', full_reason: 'history_expired' })
    const live = s.kit.fake.messageIds(OWN).length
    const drafts = [...s.generated, ...more].filter((m) => m.labelIds.includes('DRAFT')).length
    expect(counts(s.core)).toMatchObject({ messages: live - drafts, distinct: live - drafts })
    const stored = s.core.dbh.sqlite
      .prepare('SELECT 1 FROM messages WHERE external_id = ?')
      .get(gone)
    expect(stored).toBeUndefined()
    const [next] = await s.core.sync.now({ accountId: s.id })
    expect(next?.summary).toMatchObject({ mode: 'incremental', messages_upserted: 0 })
  }, 60_000)

  it('deleted and trashed messages leave; reviewed pairs stay, orphaned, until the message returns', async () => {
    const s = await setup(120)
    await s.core.sync.now({ accountId: s.id })
    const pairs = s.core.dbh.sqlite
      .prepare(
        `SELECT p.id, c.external_id AS client, r.external_id AS reply FROM training_pairs p
         JOIN messages c ON c.id = p.client_message_id JOIN messages r ON r.id = p.reply_message_id ORDER BY p.id`,
      )
      .all() as Array<{ id: number; client: string; reply: string }>
    expect(pairs.length).toBeGreaterThanOrEqual(3)
    const [a, b, c] = pairs as [(typeof pairs)[0], (typeof pairs)[0], (typeof pairs)[0]]
    s.core.dbh.sqlite
      .prepare("UPDATE training_pairs SET status = 'approved' WHERE id = ?")
      .run(a.id)
    s.core.dbh.sqlite
      .prepare("UPDATE training_pairs SET reply_text_edited = 'Reviewer wording.' WHERE id = ?")
      .run(b.id)
    s.kit.fake.deleteMessage(OWN, a.client)
    s.kit.fake.modifyLabels(OWN, b.reply, ['TRASH'], [])
    s.kit.fake.deleteMessage(OWN, c.reply)
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.summary).toMatchObject({ mode: 'incremental', messages_deleted: 3 })
    const row = (id: number) =>
      s.core.dbh.sqlite
        .prepare('SELECT status, orphaned_at, reply_text_edited FROM training_pairs WHERE id = ?')
        .get(id) as Record<string, unknown> | undefined
    expect(row(a.id)).toMatchObject({ status: 'approved', orphaned_at: expect.any(String) })
    expect(row(b.id)).toMatchObject({
      reply_text_edited: 'Reviewer wording.',
      orphaned_at: expect.any(String),
    })
    expect(row(c.id)).toBeUndefined()
    const tomb = (ext: string) =>
      (
        s.core.dbh.sqlite
          .prepare('SELECT deleted_at FROM messages WHERE external_id = ?')
          .get(ext) as { deleted_at: string | null } | undefined
      )?.deleted_at
    expect(tomb(a.client)).toEqual(expect.any(String))
    expect(tomb(b.reply)).toEqual(expect.any(String))
    expect(tomb(c.reply)).toBeUndefined()
    // Out of the Trash again: the message is back and the pair is whole.
    s.kit.fake.modifyLabels(OWN, b.reply, [], ['TRASH'])
    const [back] = await s.core.sync.now({ accountId: s.id })
    expect(back?.summary?.messages_fetched).toBe(1)
    expect(tomb(b.reply)).toBeNull()
    expect(row(b.id)).toMatchObject({ orphaned_at: null, reply_text_edited: 'Reviewer wording.' })
  }, 60_000)
})

describe('send-as aliases', () => {
  it('an alias added after connecting is picked up by the next full sync', async () => {
    const s = await setup(5)
    s.kit.fake.addAlias(OWN, { sendAsEmail: 'sales@acme.example' })
    s.kit.fake.addMessage(OWN, {
      raw: 'From: Sales <sales@acme.example>\r\nTo: a@client.example\r\nSubject: Offer\r\nDate: Mon, 16 Nov 2026 10:00:00 +0000\r\nMessage-ID: <offer-1@acme.example>\r\n\r\nHello, here is our offer.\r\n',
      labelIds: ['INBOX'],
    })
    await s.core.sync.now({ accountId: s.id })
    const row = s.core.dbh.sqlite
      .prepare("SELECT direction FROM messages WHERE rfc_message_id = '<offer-1@acme.example>'")
      .get()
    expect(row).toEqual({ direction: 'outgoing' })
    const meta = JSON.parse(
      (s.core.dbh.sqlite.prepare('SELECT meta FROM accounts').get() as { meta: string }).meta,
    )
    expect(meta.send_as.map((a: { email: string }) => a.email)).toContain('sales@acme.example')
  })
})

describe('one run per account', () => {
  it("a running sync of a live process blocks; a dead owner's row is taken over and resumed", async () => {
    const s = await setup(30)
    const insert = (pid: number) =>
      s.core.dbh.sqlite
        .prepare(
          "INSERT INTO sync_runs (account_id, mode, status, started_at, resume_state) VALUES (?, 'full', 'running', ?, ?)",
        )
        .run(
          s.id,
          new Date().toISOString(),
          JSON.stringify({ pid, heartbeatAt: new Date().toISOString() }),
        )
    insert(process.ppid)
    await expect(s.core.sync.now({ accountId: s.id })).rejects.toMatchObject({
      code: 'sync_in_progress',
    })
    s.core.dbh.sqlite
      .prepare(
        "UPDATE sync_runs SET resume_state = json_set(resume_state, '$.pid', 999999) WHERE status = 'running'",
      )
      .run()
    const [r] = await s.core.sync.now({ accountId: s.id })
    expect(r?.status).toBe('ok')
    const runs = s.core.dbh.sqlite
      .prepare('SELECT status, errors FROM sync_runs ORDER BY id')
      .all() as Array<{ status: string; errors: string }>
    expect(runs.map((x) => x.status)).toEqual(['failed', 'ok'])
    expect(runs[0]!.errors).toMatch(/interrupted/)
  })

  it('cancel stops between pages; the next run continues where it stopped', async () => {
    const s = await setup(1100, {
      fake: { faults: { latencyMs: 5 } },
      env: { REPLYBASE_SYNC_DECODE_WORKERS: '0' },
    })
    const running = s.core.sync.now({ accountId: s.id })
    const off = s.core.events.subscribe((event, payload) => {
      const p = payload as { done?: number }
      if (event === 'sync.progress' && (p.done ?? 0) > 550) s.core.sync.cancel(s.id)
    })
    const [r] = await running
    off()
    expect(r).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } })
    const partial = counts(s.core).messages
    expect(partial).toBeGreaterThanOrEqual(450)
    expect(partial).toBeLessThan(s.visible)
    const [next] = await s.core.sync.now({ accountId: s.id })
    expect(next?.summary).toMatchObject({ mode: 'full', resumed: true })
    expect(counts(s.core)).toMatchObject({ messages: s.visible, distinct: s.visible })
  }, 60_000)

  it('cancelling every sync also stops the accounts still waiting in the batch', async () => {
    const s = await setup(600, {
      fake: { faults: { latencyMs: 5 } },
      env: { REPLYBASE_SYNC_DECODE_WORKERS: '0' },
    })
    const second = 'help@acme.example'
    s.kit.fake.addMailbox(second)
    s.kit.fake.addMessages(
      second,
      generateMailbox({ seed: 4, messages: 50, ownAddress: second, days: 30 }),
    )
    const other = await s.kit.connect(s.core, second)
    const running = s.core.sync.now({})
    const off = s.core.events.subscribe((event, payload) => {
      const p = payload as { done?: number }
      if (event === 'sync.progress' && (p.done ?? 0) > 100) s.core.sync.cancel()
    })
    const results = await running
    off()
    expect(results.map((r) => r.status)).toEqual(['cancelled'])
    expect(s.core.accounts.get(other.id).lastSyncAt).toBeNull()
  }, 60_000)
})
