import { beforeEach, describe, expect, it } from 'vitest'
import type { AccountDto } from '@contract'
import { setTransport } from '../api/client'
import { createFakeTransport, FakeFailure, flush, type FakeTransport } from '../test/fake-transport'
import { flashStillTrue, startAccountsSync, useAccounts } from './accounts-store'

const initial = useAccounts.getState()
let t: FakeTransport

const account = (over: Partial<AccountDto> = {}): AccountDto => ({
  id: 1,
  provider: 'gmail',
  email: 'support@acme.example',
  displayName: 'Support',
  status: 'active',
  statusReason: null,
  lastSyncAt: null,
  lastSyncSummary: null,
  manualResyncRequestedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  holdings: { messages: 0, pairs: { new: 0, approved: 0, rejected: 0 } },
  ...over,
})

beforeEach(() => {
  t = createFakeTransport()
  setTransport(t)
  t.answer('accounts.list', [account()])
  useAccounts.setState(initial, true)
})

const state = () => useAccounts.getState()

describe('accounts store', () => {
  it('loads the accounts, or keeps the failure for the error state', async () => {
    await state().load()
    expect(state().accounts).toHaveLength(1)
    t.answer('accounts.list', () => {
      throw new FakeFailure('core_unreachable', 'down')
    })
    await state().load()
    expect(state().error).toEqual({ code: 'core_unreachable', message: 'down' })
  })

  it('waits for the browser with the announced link, then flashes success', async () => {
    const stop = startAccountsSync()
    let finish: (v: { ok: true; account: AccountDto }) => void = () => undefined
    t.answer('gmail.connect', () => new Promise((resolve) => (finish = resolve)))
    const done = state().startConnect()
    expect(state().connect).toEqual({ phase: 'waiting', authUrl: null, reconnect: null })
    t.emit('gmail.connect.waiting', { authUrl: 'http://127.0.0.1:1/auth?x' })
    expect(state().connect).toMatchObject({
      phase: 'waiting',
      authUrl: 'http://127.0.0.1:1/auth?x',
    })
    // A second click while waiting starts nothing new.
    await state().startConnect()
    expect(t.callsOf('gmail.connect')).toHaveLength(1)
    finish({ ok: true, account: account() })
    await done
    expect(state().connect).toEqual({ phase: 'idle' })
    expect(state().flash).toEqual({
      kind: 'success',
      code: 'connected',
      params: { email: 'support@acme.example' },
      accountId: account().id,
    })
    stop()
  })

  it('reconnects with the mailbox preselected and says so when it succeeds', async () => {
    t.answer('gmail.connect', { ok: true, account: account() })
    await state().startConnect('support@acme.example')
    expect(t.callsOf('gmail.connect')).toEqual([{ loginHint: 'support@acme.example' }])
    expect(state().flash).toMatchObject({ kind: 'success', code: 'reconnected' })
  })

  it('turns every failure reason into an error flash with the core message as detail', async () => {
    t.answer('gmail.connect', { ok: false, reason: 'access_denied', message: 'denied in browser' })
    await state().startConnect()
    expect(state().flash).toEqual({
      kind: 'error',
      code: 'access_denied',
      detail: 'denied in browser',
    })
    t.answer('gmail.connect', { ok: false, reason: 'cancelled', message: 'cancelled' })
    await state().startConnect()
    expect(state().flash).toEqual({ kind: 'info', code: 'cancelled' })
  })

  it('says "reconnected" when reconnecting an account, and drops the highlight', async () => {
    t.answer('gmail.connect', { ok: true, account: account() })
    state().setHighlight(1)
    await state().startConnect('support@acme.example')
    expect(state().flash?.code).toBe('reconnected')
    expect(state().highlight).toBeNull()
  })

  it('cancels through main', async () => {
    t.answer('gmail.cancelConnect', { cancelled: true })
    await state().cancelConnect()
    expect(t.callsOf('gmail.cancelConnect')).toHaveLength(1)
  })

  it('replaces a row after enable/disable and reports failures', async () => {
    await state().load()
    t.answer('accounts.setEnabled', ({ id, enabled }) =>
      account({ id, status: enabled ? 'active' : 'disabled' }),
    )
    const pending = state().setEnabled(1, false)
    expect(state().busy[1]).toBe('disable')
    await pending
    expect(state().busy[1]).toBeUndefined()
    expect(state().accounts?.[0]?.status).toBe('disabled')
    t.answer('accounts.requestResync', () => {
      throw new FakeFailure('not_found', 'No account with id 1.')
    })
    await state().requestResync(1)
    expect(state().flash).toMatchObject({
      kind: 'error',
      code: 'action_failed',
      params: { code: 'not_found' },
    })
  })

  it('disconnects, says what was deleted, and reloads', async () => {
    t.answer('accounts.disconnect', {
      id: 1,
      email: 'support@acme.example',
      revoked: true,
      purged: true,
      messagesDeleted: 120,
      pairsDeleted: 45,
    })
    t.answer('accounts.list', [])
    expect(await state().disconnect(1, true)).toBe(true)
    expect(t.callsOf('accounts.disconnect')).toEqual([{ id: 1, purge: true }])
    expect(state().flash).toEqual({
      kind: 'success',
      code: 'disconnected_purged',
      params: { email: 'support@acme.example', messages: 120, pairs: 45 },
    })
    expect(state().accounts).toEqual([])
  })

  it('reloads when main says an account changed', async () => {
    const stop = startAccountsSync()
    t.answer('accounts.list', [account({ status: 'error', statusReason: 'token_revoked' })])
    t.emit('accounts.changed', { accountId: 1 })
    await flush()
    expect(state().accounts?.[0]?.status).toBe('error')
    stop()
  })

  it('drops a success about an account once that account is in error or gone', () => {
    const ok = { kind: 'success' as const, code: 'connected', accountId: 1 }
    const err = { kind: 'error' as const, code: 'denied' }
    const a = account()
    expect(flashStillTrue(ok, [{ ...a, id: 1 }])).toBe(ok)
    expect(flashStillTrue(ok, [{ ...a, id: 1, status: 'error' }])).toBeNull()
    expect(flashStillTrue(ok, [{ ...a, id: 2 }])).toBeNull()
    // Errors say what to do: they stay until dismissed or replaced.
    expect(flashStillTrue(err, [])).toBe(err)
  })
})
