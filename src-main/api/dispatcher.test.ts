import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../core/core'
import { buildHandlers } from './handlers'
import { createDispatcher, type Dispatch } from './dispatcher'
import type { KeychainBackend } from '../core/secrets/secret-store'
import { tempDir } from '../../tests/helpers/temp'
import { journal } from '../../tests/helpers/migrations'
import { seedAccounts, seedPair } from '../../tests/helpers/seed-pairs'

// An in-memory keychain: this file tests the dispatcher, not the OS keychain.
function memoryKeychain(): KeychainBackend {
  const m = new Map<string, string>()
  return {
    getPassword: async (s, a) => m.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void m.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => m.delete(`${s}/${a}`),
  }
}

const tmp = tempDir()
let core: Core
let dispatch: Dispatch
const opened: string[] = []

beforeAll(() => {
  core = createCore({ dataDir: tmp.dir, env: {}, keychain: memoryKeychain(), transport: 'bridge' })
  dispatch = createDispatcher(buildHandlers(core, { openExternal: (u) => void opened.push(u) }))
})
afterAll(async () => {
  await core.close()
  tmp.cleanup()
})

describe('dispatcher', () => {
  it('answers a valid call with its value', async () => {
    const r = await dispatch('app.status', {})
    expect(r.ok).toBe(true)
    if (r.ok)
      expect(r.value).toMatchObject({
        schemaVersion: journal().length,
        transport: 'bridge',
        keychain: { ok: true },
      })
  })

  it('refuses an unknown method without running anything', async () => {
    expect(await dispatch('app.deleteEverything', {})).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Unknown method: app.deleteEverything' },
    })
    expect(await dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })

  it('refuses invalid input and leaves the settings untouched', async () => {
    const before = await dispatch('settings.get', {})
    const r = await dispatch('settings.update', { syncIntervalMinutes: -5, theme: 'neon' })
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    if (!r.ok) expect(r.error.message).toMatch(/syncIntervalMinutes/)
    expect(await dispatch('settings.update', { unknownField: 1 })).toMatchObject({ ok: false })
    expect(await dispatch('settings.get', {})).toEqual(before)
  })

  it('never echoes a rejected value, which may be a secret', async () => {
    const r = await dispatch('settings.update', { googleClientSecret: 12345678901234 })
    expect(JSON.stringify(r)).not.toContain('12345678901234')
  })

  it('counts unknown fields instead of naming them: a pasted key may be the name', async () => {
    const pasted = 'sk-proj-PASTEDasAFIELDname0123456789'
    const r = await dispatch('settings.update', { [pasted]: true, other: 1 })
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/2 unknown fields/) },
    })
    expect(JSON.stringify(r)).not.toContain('PASTED')
    expect(JSON.stringify(r)).not.toContain('other')
  })

  it('refuses a huge payload', async () => {
    const r = await dispatch('settings.update', { googleClientId: 'x'.repeat(2_000_000) })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/too large/) },
    })
  })

  it('stores settings and keeps the client secret out of every result', async () => {
    const r = await dispatch('settings.update', {
      language: 'ru',
      googleClientId: 'abc.apps.googleusercontent.com',
      googleClientSecret: 'GOCSPX-dispatcher-canary',
    })
    expect(r).toMatchObject({
      ok: true,
      value: {
        language: 'ru',
        googleClientId: 'abc.apps.googleusercontent.com',
        googleClientSecretStored: true,
      },
    })
    expect(JSON.stringify(r)).not.toContain('GOCSPX-dispatcher-canary')
    expect(JSON.stringify(await dispatch('settings.get', {}))).not.toContain(
      'GOCSPX-dispatcher-canary',
    )
  })

  it('opens only vetted links', async () => {
    expect(await dispatch('app.openExternal', { url: 'file:///etc/passwd' })).toEqual({
      ok: true,
      value: { opened: false },
    })
    expect(await dispatch('app.openExternal', { url: 'https://example.com/' })).toEqual({
      ok: true,
      value: { opened: true },
    })
    expect(opened).toEqual(['https://example.com/'])
  })

  it("never sends a message's HTML to the window", async () => {
    const [account] = seedAccounts(core.dbh, ['html@acme.example'])
    const pair = seedPair(core.dbh, { accountId: account!, client: 'Hello', reply: 'Hi' })
    const { client_message_id: id } = core.dbh.sqlite
      .prepare(`SELECT client_message_id FROM training_pairs WHERE id = ?`)
      .get(pair) as { client_message_id: number }
    core.dbh.sqlite
      .prepare(`UPDATE messages SET body_html = ? WHERE id = ?`)
      .run('<p onclick="steal()">Hello<img src="https://tracker.example/p.gif"></p>', id)
    const r = await dispatch('messages.get', { id })
    expect(r).toMatchObject({ ok: true, value: { bodyText: 'Hello', hasHtml: true } })
    expect(JSON.stringify(r)).not.toMatch(/onclick|tracker|<p/)
    expect(await dispatch('messages.get', { id: 987_654 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})
