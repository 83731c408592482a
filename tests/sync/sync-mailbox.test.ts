// A generated support mailbox (English and Russian, every client, charset and encoding the
// generator knows) synced end to end through the real connect flow, keychain and fake Gmail:
// every visible message stored and decoded, the pairs equal to the generator's ground truth,
// and a second sync that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src-main/core/core'
import { expectedPairs, generateMailbox, type GeneratedMessage } from '../fakes/mailbox-generator'
import { startSyncKit, type SyncKit } from '../helpers/gmail-account'
import { runCli } from '../helpers/cli'

const OWN = 'support@acme.example'
const ALIAS = 'help@acme.example'
const HIDDEN = ['DRAFT', 'SPAM', 'TRASH']
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

let kit: SyncKit
let core: Core
let accountId: number
let generated: GeneratedMessage[]

beforeAll(async () => {
  kit = await startSyncKit({ email: OWN, aliases: [{ sendAsEmail: ALIAS }] })
  generated = generateMailbox({
    seed: 42,
    messages: 400,
    ownAddress: OWN,
    aliases: [ALIAS],
    days: 150,
  })
  kit.fake.addMessages(OWN, generated)
  core = kit.core()
  accountId = (await kit.connect(core)).id
}, 60_000)
afterAll(async () => kit?.dispose())

const visible = () => generated.filter((m) => !m.labelIds.some((l) => HIDDEN.includes(l)))
const byRfcId = () =>
  new Map(
    (
      core.dbh.sqlite
        .prepare(
          'SELECT id, rfc_message_id, subject, body_text, direction, parse_status FROM messages',
        )
        .all() as Array<{
        id: number
        rfc_message_id: string
        subject: string
        body_text: string
        direction: string
        parse_status: string
      }>
    ).map((r) => [r.rfc_message_id, r]),
  )

describe('full sync of a generated mailbox', () => {
  it('stores every visible message once, decoded, with the right direction', async () => {
    const [result] = await core.sync.now({ accountId })
    expect(result?.status).toBe('ok')
    expect(result?.summary).toMatchObject({ mode: 'full', full_reason: 'first_sync', errors: [] })
    const want = visible()
    expect(result?.summary?.messages_fetched).toBe(want.length)
    const stored = byRfcId()
    expect(stored.size).toBe(want.length)
    for (const m of want) {
      const row = stored.get(`<${m.truth.key}>`)
      expect(row, m.truth.key).toBeDefined()
      expect(row!.direction).toBe(m.truth.direction)
      expect(row!.parse_status).toBe('ok')
    }
    const account = core.accounts.get(accountId)
    expect(account.lastSyncSummary?.messages_upserted).toBe(want.length)
    expect(kit.fake.stats().byEndpoint['messages.attachments.get'] ?? 0).toBe(0)
  })

  it('decodes Russian mail in every legacy charset: subjects exact, own words in the body', () => {
    const stored = byRfcId()
    const legacy = visible().filter(
      (m) => m.truth.language === 'ru' && m.truth.kind === 'client' && m.truth.charset !== 'utf-8',
    )
    expect(new Set(legacy.map((m) => m.truth.charset)).size).toBeGreaterThanOrEqual(2)
    let found = 0
    for (const m of legacy) {
      const row = stored.get(`<${m.truth.key}>`)!
      expect(row.subject, `${m.truth.charset} ${m.truth.transferEncoding}`).toBe(m.truth.subject)
      expect(row.body_text).toMatch(/[а-яё]/i)
      if (collapse(row.body_text).includes(collapse(m.truth.cleanText).slice(0, 40))) found++
    }
    expect(found / legacy.length).toBeGreaterThan(0.95)
  })

  it('builds exactly the pairs of the ground truth, with mostly identical cleaned texts', () => {
    const hiddenKeys = new Set(
      generated.filter((m) => m.labelIds.some((l) => HIDDEN.includes(l))).map((m) => m.truth.key),
    )
    const expected = expectedPairs(generated).filter(
      (p) => !hiddenKeys.has(p.replyKey) && !p.clientKeys.some((k) => hiddenKeys.has(k)),
    )
    const rows = core.dbh.sqlite
      .prepare(
        `SELECT p.client_text, p.reply_text, p.language, p.status, p.client_turn_ids, r.rfc_message_id AS reply
         FROM training_pairs p JOIN messages r ON r.id = p.reply_message_id`,
      )
      .all() as Array<{
      client_text: string
      reply_text: string
      language: string
      status: string
      client_turn_ids: string
      reply: string
    }>
    const rfcOf = new Map(
      (
        core.dbh.sqlite.prepare('SELECT id, rfc_message_id FROM messages').all() as Array<{
          id: number
          rfc_message_id: string
        }>
      ).map((r) => [r.id, r.rfc_message_id]),
    )
    const got = new Map(rows.map((r) => [r.reply, r]))
    expect(rows.length).toBe(expected.length)
    let sameClient = 0
    let sameReply = 0
    let sameLanguage = 0
    for (const e of expected) {
      const row = got.get(`<${e.replyKey}>`)
      expect(row, e.replyKey).toBeDefined()
      const turn = (JSON.parse(row!.client_turn_ids) as number[]).map((id) => rfcOf.get(id))
      expect(turn).toEqual(e.clientKeys.map((k) => `<${k}>`))
      expect(row!.status).toBe('new')
      if (collapse(row!.client_text) === collapse(e.clientText)) sameClient++
      if (collapse(row!.reply_text) === collapse(e.replyText)) sameReply++
      if (row!.language === e.language) sameLanguage++
    }
    // Which texts pair up is sync's job and is exact above; how well the texts are cleaned is
    // clean-text.ts's (measured on its labelled corpus, docs/cleaning.md). Here they only have
    // to be mostly right: the differences are sign-offs such as "Thanks in advance." that the
    // generator counts as the author's words.
    expect(sameClient / expected.length).toBeGreaterThan(0.6)
    expect(sameReply / expected.length).toBeGreaterThan(0.75)
    expect(sameLanguage / expected.length).toBeGreaterThan(0.95)
  })

  it('a second sync is incremental and changes nothing', async () => {
    const before = core.dbh.sqlite
      .prepare('SELECT count(*) AS n, max(updated_at) AS u FROM messages')
      .get()
    const [again] = await core.sync.now({ accountId })
    expect(again?.status).toBe('ok')
    expect(again?.summary).toMatchObject({
      mode: 'incremental',
      messages_fetched: 0,
      messages_upserted: 0,
      messages_deleted: 0,
      pairs_created: 0,
      pairs_skipped: {},
      errors: [],
    })
    expect(
      core.dbh.sqlite.prepare('SELECT count(*) AS n, max(updated_at) AS u FROM messages').get(),
    ).toEqual(before)
  })

  it('a manual resync rescans everything and still changes nothing', async () => {
    core.accounts.requestResync(accountId)
    const pairsBefore = core.dbh.sqlite
      .prepare('SELECT id, client_text, reply_text FROM training_pairs ORDER BY id')
      .all()
    const [rescan] = await core.sync.now({ accountId })
    expect(rescan?.summary).toMatchObject({
      mode: 'full',
      full_reason: 'manual_resync',
      messages_upserted: 0,
      pairs_created: 0,
      pairs_updated: 0,
    })
    expect(rescan?.summary?.messages_fetched).toBe(visible().length)
    expect(core.accounts.get(accountId).manualResyncRequestedAt).toBeNull()
    expect(
      core.dbh.sqlite
        .prepare('SELECT id, client_text, reply_text FROM training_pairs ORDER BY id')
        .all(),
    ).toEqual(pairsBefore)
  })

  it('messages list and sync print through the CLI', async () => {
    await core.close()
    const thread = visible().find((m) => m.truth.language === 'ru')!.threadId
    const listed = await runCli(['messages', 'list', '--account', OWN, '--json'], kit.env)
    expect(listed.code).toBe(0)
    const all = JSON.parse(listed.stdout) as Array<Record<string, unknown>>
    expect(all).toHaveLength(visible().length)
    expect(Object.keys(all[0]!).sort()).toEqual(
      [
        'body_text',
        'direction',
        'external_id',
        'from_address',
        'labels',
        'sent_at',
        'subject',
        'thread_id',
        'to_addresses',
      ].sort(),
    )
    const one = await runCli(['messages', 'list', '--thread', thread, '--json'], kit.env)
    expect((JSON.parse(one.stdout) as unknown[]).length).toBe(
      visible().filter((m) => m.threadId === thread).length,
    )
    const sync = await runCli(['sync', '--account', String(accountId)], kit.env)
    expect(sync.code).toBe(0)
    expect(sync.stdout).toMatch(/incremental sync ok/)
    expect(sync.stdout).toMatch(/0 fetched, 0 stored or updated, 0 removed/)
    core = kit.core()
  }, 60_000)
})
