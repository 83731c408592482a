// Account management with a connected account (fake Google, real keychain, real SQLite),
// through the typed API dispatcher as the UI calls it.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../api/dispatcher'
import { buildHandlers } from '../../api/handlers'
import type { AccountDto, DisconnectResult, GmailConnectResult } from '@contract/accounts'
import type { Core } from '../core'
import { followAuthUrl, MAILBOX, startKit, type Kit } from '../../../tests/helpers/connect-test-kit'
import { parseTokens } from '../google/token-store'

let kit: Kit
beforeAll(async () => {
  kit = await startKit()
})
afterAll(async () => {
  await kit.dispose()
})

function api(core: Core) {
  const dispatch = createDispatcher(
    buildHandlers(core, { openExternal: (url) => void followAuthUrl(url) }),
  )
  return async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(method, input)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
    return r.value as T
  }
}

async function connectedCore(): Promise<{
  core: Core
  call: ReturnType<typeof api>
  account: AccountDto
}> {
  const core = kit.core()
  const call = api(core)
  const r = await call<GmailConnectResult>('gmail.connect')
  if (!r.ok) throw new Error(`connect failed: ${r.reason}`)
  return { core, call, account: r.account }
}

function seedData(core: Core, accountId: number): void {
  const insert = core.dbh.sqlite.prepare(
    "INSERT INTO messages (account_id, external_id, thread_id, direction, subject, body_text, sent_at) VALUES (?, ?, 't1', ?, 'Заказ', ?, '2026-01-01T00:00:00Z')",
  )
  const client = insert.run(
    accountId,
    'm1',
    'incoming',
    'Где мой заказ PURGE-CANARY-7f3a?',
  ).lastInsertRowid
  const reply = insert.run(accountId, 'm2', 'outgoing', 'Отправили вчера.').lastInsertRowid
  core.dbh.sqlite
    .prepare(
      "INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id, client_text, reply_text) VALUES (?, 't1', ?, ?, 'Где мой заказ?', 'Отправили вчера.')",
    )
    .run(accountId, client, reply)
  core.dbh.sqlite
    .prepare(
      "INSERT INTO sync_runs (account_id, mode, status, started_at) VALUES (?, 'full', 'ok', '2026-01-01T00:00:00Z')",
    )
    .run(accountId)
}

const count = (core: Core, table: string, id: number): number =>
  (
    core.dbh.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE account_id = ?`).get(id) as {
      n: number
    }
  ).n

describe('accounts service via the API', () => {
  it('gmail.connect through the dispatcher returns the account; accounts.list shows it with its summary', async () => {
    const { core, call, account } = await connectedCore()
    expect(account).toMatchObject({
      email: MAILBOX,
      status: 'active',
      lastSyncSummary: null,
      manualResyncRequestedAt: null,
    })
    const summary = {
      messages_fetched: 10,
      messages_upserted: 9,
      messages_deleted: 1,
      pairs_created: 3,
      pairs_skipped: { auto_reply: 2 },
      errors: [],
      mode: 'full',
      duration_ms: 1234,
      finished_at: '2026-11-25T10:00:00.000Z',
    }
    core.dbh.sqlite
      .prepare(
        "UPDATE accounts SET meta = json_set(meta, '$.last_sync_summary', json(?)), last_sync_at = ? WHERE id = ?",
      )
      .run(JSON.stringify(summary), summary.finished_at, account.id)
    const list = await call<AccountDto[]>('accounts.list')
    expect(list).toEqual([
      {
        id: account.id,
        provider: 'gmail',
        email: MAILBOX,
        displayName: MAILBOX,
        status: 'active',
        statusReason: null,
        lastSyncAt: summary.finished_at,
        lastSyncSummary: summary,
        manualResyncRequestedAt: null,
        createdAt: expect.any(String),
        holdings: { messages: 0, pairs: { new: 0, approved: 0, rejected: 0 } },
      },
    ])
    // No token in any DTO.
    const tokens = parseTokens((await kit.keychainEntry(MAILBOX))!)!
    expect(JSON.stringify(list)).not.toContain(tokens.accessToken)
    expect(JSON.stringify(list)).not.toContain(tokens.refreshToken)
  })

  it('disable and enable, with an accounts.changed event per change', async () => {
    const { core, call, account } = await connectedCore()
    const events: unknown[] = []
    core.events.subscribe((e, p) => e === 'accounts.changed' && events.push(p))
    expect(
      await call<AccountDto>('accounts.setEnabled', { id: account.id, enabled: false }),
    ).toMatchObject({
      status: 'disabled',
      statusReason: null,
    })
    expect(
      await call<AccountDto>('accounts.setEnabled', { id: account.id, enabled: false }),
    ).toMatchObject({ status: 'disabled' })
    expect(
      await call<AccountDto>('accounts.setEnabled', { id: account.id, enabled: true }),
    ).toMatchObject({ status: 'active' })
    expect(events).toEqual([{ accountId: account.id }, { accountId: account.id }])
    // markError leaves a disabled account alone; markActive restores from error.
    core.accounts.markError(account.id, 'token_revoked')
    expect(core.accounts.get(account.id)).toMatchObject({
      status: 'error',
      statusReason: 'token_revoked',
    })
    // Enabling does not paper over an error: Reconnect fixes it.
    expect(
      await call<AccountDto>('accounts.setEnabled', { id: account.id, enabled: true }),
    ).toMatchObject({ status: 'error' })
    core.accounts.markActive(account.id)
    expect(core.accounts.get(account.id).status).toBe('active')
  })

  it('requestResync sets manual_resync_requested_at', async () => {
    const { call, account } = await connectedCore()
    const before = Date.now()
    const r = await call<AccountDto>('accounts.requestResync', { id: account.id })
    expect(Date.parse(r.manualResyncRequestedAt!)).toBeGreaterThanOrEqual(before - 5)
  })

  it('rejects bad input and unknown accounts with codes', async () => {
    const { call } = await connectedCore()
    await expect(call('accounts.setEnabled', { id: 'x', enabled: true })).rejects.toMatchObject({
      code: 'bad_request',
    })
    await expect(call('accounts.disconnect', { id: 1 })).rejects.toMatchObject({
      code: 'bad_request',
    })
    await expect(call('accounts.requestResync', { id: 424242 })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('disconnect keeps messages and pairs, revokes at Google, deletes the keychain entry', async () => {
    const { core, call, account } = await connectedCore()
    seedData(core, account.id)
    const r = await call<DisconnectResult>('accounts.disconnect', { id: account.id, purge: false })
    expect(r).toEqual({
      id: account.id,
      email: MAILBOX,
      revoked: true,
      purged: false,
      messagesDeleted: 0,
      pairsDeleted: 0,
    })
    expect(await kit.keychainEntry(MAILBOX)).toBeNull()
    expect(core.accounts.get(account.id)).toMatchObject({
      status: 'disabled',
      statusReason: 'disconnected',
    })
    expect(count(core, 'messages', account.id)).toBe(2)
    expect(count(core, 'training_pairs', account.id)).toBe(1)
    // Enabling without an authorization says so instead of pretending to be active.
    expect(
      await call<AccountDto>('accounts.setEnabled', { id: account.id, enabled: true }),
    ).toMatchObject({
      status: 'error',
      statusReason: 'not_connected',
    })
    // Reconnect brings it back with its data.
    const again = await call<GmailConnectResult>('gmail.connect')
    expect(again).toMatchObject({ ok: true, account: { id: account.id, status: 'active' } })
    expect(count(core, 'messages', account.id)).toBe(2)
  })

  it('disconnect --purge deletes its messages, pairs and runs in one transaction and leaves no bytes in the WAL', async () => {
    const { core, call, account } = await connectedCore()
    seedData(core, account.id)
    const r = await call<DisconnectResult>('accounts.disconnect', { id: account.id, purge: true })
    expect(r).toMatchObject({ purged: true, messagesDeleted: 2, pairsDeleted: 1, revoked: true })
    expect(await kit.keychainEntry(MAILBOX)).toBeNull()
    expect(await call<AccountDto[]>('accounts.list')).toEqual([])
    for (const t of ['messages', 'training_pairs', 'sync_runs'])
      expect(count(core, t, account.id)).toBe(0)
    for (const file of ['replybase.db', 'replybase.db-wal']) {
      const p = path.join(core.dataDir, file)
      if (fs.existsSync(p))
        expect(fs.readFileSync(p).includes('PURGE-CANARY-7f3a'), file).toBe(false)
    }
  })

  it('disconnect still deletes the keychain entry when Google is unreachable', async () => {
    const { core, account } = await connectedCore()
    const offline = kit.core({
      dataDir: core.dataDir,
      env: { ...core.env, REPLYBASE_GOOGLE_REVOKE_URL: 'http://127.0.0.1:9/revoke' },
    })
    const r = await offline.accounts.disconnect(account.id, false)
    expect(r.revoked).toBe(false)
    expect(await kit.keychainEntry(MAILBOX)).toBeNull()
  })
})
