import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../core'
import { keytarBackend } from './keytar-backend'
import { createSecretStore, MAX_SECRET_BYTES, type KeychainBackend } from './secret-store'
import {
  databaseBytes,
  encodingsOf,
  tempDir,
  testKeychainService,
} from '../../../tests/helpers/temp'
import { requireKeychain } from '../../../tests/helpers/keychain'

const service = testKeychainService()
const tmp = tempDir()
let core: Core

beforeAll(async () => {
  await requireKeychain()
  core = createCore({
    dataDir: tmp.dir,
    env: { REPLYBASE_KEYCHAIN_SERVICE: service },
    transport: 'cli',
  })
})
afterAll(async () => {
  for (const kind of ['openai-api-key', 'google-client-secret'] as const)
    await core.secrets.delete(kind)
  await core.secrets.delete('gmail-token', 'agent@example.com')
  await core.close()
  tmp.cleanup()
})

describe('secret store on the real OS keychain', () => {
  it('keeps a secret in the keychain and nowhere in replybase.db', async () => {
    const secret = `sk-CANARY-${crypto.randomUUID()}`
    await core.secrets.set('openai-api-key', secret)
    // Written settings and rows make the database and WAL non-trivial.
    await core.settings.update({
      googleClientId: 'client-id.apps.googleusercontent.com',
      theme: 'dark',
    })

    expect(await keytarBackend.getPassword(service, 'openai-api-key')).toBe(secret)
    expect(await core.secrets.get('openai-api-key')).toBe(secret)
    const bytes = databaseBytes(core.dbh.path)
    expect(bytes.length).toBeGreaterThan(0)
    for (const encoded of encodingsOf(secret)) expect(bytes.includes(encoded)).toBe(false)
  })

  it('keeps one entry per account and kind', async () => {
    await core.secrets.set('gmail-token', '{"access_token":"a"}', 'agent@example.com')
    expect(await keytarBackend.getPassword(service, 'gmail-token:agent@example.com')).toBe(
      '{"access_token":"a"}',
    )
    expect(await core.secrets.get('gmail-token', 'other@example.com')).toBeNull()
  })

  it('deletes a secret', async () => {
    await core.secrets.set('google-client-secret', 'GOCSPX-delete-me')
    expect(await core.secrets.delete('google-client-secret')).toBe(true)
    expect(await core.secrets.get('google-client-secret')).toBeNull()
  })

  it('refuses, before writing, a value over the Windows 2,560-byte cap', async () => {
    const big = 'x'.repeat(MAX_SECRET_BYTES + 1)
    await expect(core.secrets.set('openai-api-key', big)).rejects.toMatchObject({
      code: 'secret_too_large',
    })
  })

  it('reports a missing keychain with how to fix it, and never falls back to plain text', async () => {
    const broken: KeychainBackend = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      deletePassword: () =>
        Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    }
    const store = createSecretStore(broken, service)
    const failure = store.set('openai-api-key', 'sk-should-not-be-anywhere-000000000')
    await expect(failure).rejects.toMatchObject({ code: 'keychain_unavailable' })
    await expect(failure).rejects.toThrow(/gnome-keyring/)
    expect(await store.ping()).toMatchObject({ ok: false })
  })
})
