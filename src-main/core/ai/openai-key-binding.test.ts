// The stored OpenAI key goes only to the origin it was entered for: a base URL moved to
// another host needs the key again, and nothing is ever sent to metadata addresses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../core'
import { keytarBackend } from '../secrets/keytar-backend'
import { requireKeychain } from '../../../tests/helpers/keychain'
import { tempDir, testKeychainService } from '../../../tests/helpers/temp'
import {
  FAKE_OPENAI_KEY,
  startFakeOpenAI,
  type FakeOpenAI,
} from '../../../tests/fakes/fake-openai/server'

const service = testKeychainService()
const tmp = tempDir()
let trusted: FakeOpenAI
let other: FakeOpenAI
let core: Core

beforeAll(async () => {
  await requireKeychain()
  trusted = await startFakeOpenAI()
  other = await startFakeOpenAI()
  core = createCore({
    dataDir: tmp.dir,
    env: { REPLYBASE_KEYCHAIN_SERVICE: service },
    transport: 'cli',
  })
})
beforeEach(async () => {
  await keytarBackend.deletePassword(service, 'openai-api-key')
  await core.ai.saveOpenAI({ baseUrl: trusted.baseUrl, apiKey: FAKE_OPENAI_KEY })
  trusted.requests.length = 0
  other.requests.length = 0
})
afterAll(async () => {
  await keytarBackend.deletePassword(service, 'openai-api-key')
  await core?.close()
  await trusted?.close()
  await other?.close()
  tmp.cleanup()
})

describe('the OpenAI key is bound to its origin', () => {
  it('works against the server it was entered for', async () => {
    expect(await core.ai.testOpenAI()).toMatchObject({ ok: true })
    expect(trusted.requests.at(-1)?.authorization).toBe(`Bearer ${FAKE_OPENAI_KEY}`)
  })

  it('a base URL on another origin drops the key instead of sending it there', async () => {
    const moved = await core.ai.saveOpenAI({ baseUrl: other.baseUrl })
    expect(moved).toMatchObject({ hasKey: false, baseUrl: other.baseUrl })
    expect(await keytarBackend.getPassword(service, 'openai-api-key')).toBeNull()
    expect(await core.ai.testOpenAI()).toMatchObject({ ok: false, code: 'no_key' })
    expect(other.requests).toEqual([])
    // Entered again for the new server, it works there.
    await core.ai.saveOpenAI({ apiKey: FAKE_OPENAI_KEY })
    expect(await core.ai.testOpenAI()).toMatchObject({ ok: true })
    expect(other.requests.at(-1)?.authorization).toBe(`Bearer ${FAKE_OPENAI_KEY}`)
  })

  it('a new path on the same origin keeps the key', async () => {
    const sameOrigin = `${new URL(trusted.baseUrl).origin}/proxy/v1`
    expect(await core.ai.saveOpenAI({ baseUrl: sameOrigin })).toMatchObject({ hasKey: true })
  })

  it.each([
    'http://169.254.169.254/latest/meta-data',
    'https://[fe80::1]/v1',
    'http://api.openai.com/v1',
  ])('refuses %s and keeps everything as it was', async (baseUrl) => {
    await expect(core.ai.saveOpenAI({ baseUrl })).rejects.toMatchObject({ code: 'bad_request' })
    expect(await core.ai.getOpenAI()).toMatchObject({ hasKey: true, baseUrl: trusted.baseUrl })
  })

  it('a key whose entry was rewritten to another origin is not sent', async () => {
    // As if the database's base URL changed behind the app's back: the keychain still says
    // which origin the key belongs to.
    core.dbh.sqlite.prepare(`UPDATE ai_providers SET base_url = ?`).run(other.baseUrl)
    expect(await core.ai.getOpenAI()).toMatchObject({ hasKey: false })
    expect(await core.ai.testOpenAI()).toMatchObject({ ok: false, code: 'no_key' })
    expect(other.requests).toEqual([])
  })

  it('a key stored before binding is trusted for OpenAI itself only', async () => {
    await keytarBackend.setPassword(service, 'openai-api-key', FAKE_OPENAI_KEY)
    expect(await core.ai.getOpenAI()).toMatchObject({ hasKey: false })
    expect(await core.ai.testOpenAI()).toMatchObject({ ok: false, code: 'no_key' })
    expect(trusted.requests).toEqual([])
    core.dbh.sqlite.prepare(`UPDATE ai_providers SET base_url = NULL`).run()
    expect(await core.ai.getOpenAI()).toMatchObject({ hasKey: true })
  })
})
