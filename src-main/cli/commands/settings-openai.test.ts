import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keytarBackend } from '../../core/secrets/keytar-backend'
import { runCli } from '../../../tests/helpers/cli'
import { startKeychainOpenAI, type KeychainOpenAI } from '../../../tests/helpers/openai-keychain'
import {
  databaseBytes,
  encodingsOf,
  tempDir,
  testKeychainService,
} from '../../../tests/helpers/temp'
import { FAKE_OPENAI_KEY, type FakeOpenAI } from '../../../tests/fakes/fake-openai/server'

const tmp = tempDir()
const service = testKeychainService()
let openai: KeychainOpenAI
let fake: FakeOpenAI
let env: Record<string, string>
const outputs: string[] = []

const cli = async (args: string[], stdin?: string) => {
  const r = await runCli(['settings', 'openai', ...args], env, stdin)
  outputs.push(r.stdout, r.stderr)
  return r
}

beforeAll(async () => {
  openai = await startKeychainOpenAI(service)
  fake = openai.fake
  env = { REPLYBASE_DATA_DIR: tmp.dir, ...openai.env }
})
afterAll(async () => {
  await openai?.stop()
  tmp.cleanup()
})

describe('cli settings openai', () => {
  it('stores the key read from stdin and the model, and tests the connection', async () => {
    const saved = await cli(
      ['--api-key-stdin', '--model', 'gpt-4.1', '--json'],
      `${FAKE_OPENAI_KEY}\n`,
    )
    expect(saved.code).toBe(0)
    expect(JSON.parse(saved.stdout)).toEqual({
      settings: {
        hasKey: true,
        keychainAvailable: true,
        model: 'gpt-4.1',
        baseUrl: fake.baseUrl,
        baseUrlFromEnv: true,
      },
    })
    // The keychain holds the key with the origin it was entered for.
    expect(JSON.parse((await keytarBackend.getPassword(service, 'openai-api-key'))!)).toEqual({
      origin: new URL(fake.baseUrl).origin,
      key: FAKE_OPENAI_KEY,
    })

    const tested = await cli(['--test'])
    expect(tested.code).toBe(0)
    expect(tested.stdout).toMatch(/API key:\s+stored in the keychain/)
    expect(tested.stdout).toMatch(/Model:\s+gpt-4\.1\n/)
    expect(tested.stdout).toMatch(/Connection: OK \(model gpt-4\.1\)/)
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/v1/models',
      authorization: `Bearer ${FAKE_OPENAI_KEY}`,
    })
  })

  it('exits 1 with the problem when the test fails', async () => {
    fake.set({ mode: 'rate_limited' })
    const r = await cli(['--test', '--json'])
    fake.set({ mode: 'ok' })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).test).toMatchObject({ ok: false, code: 'rate_limited' })
    fake.set({ keys: ['sk-some-other-key-0000000000000000'] })
    const bad = await cli(['--test'])
    fake.set({ keys: [FAKE_OPENAI_KEY] })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/Connection: FAILED \(bad_key\)/)
  })

  it('refuses a key on the command line and an empty stdin', async () => {
    expect((await cli(['--api-key', FAKE_OPENAI_KEY])).code).toBe(2)
    expect((await cli(['--api-key-stdin'], '')).code).toBe(2)
    expect((await cli(['--api-key-stdin', '--remove-key'], 'sk-x')).code).toBe(2)
    expect((await runCli(['settings', 'gmail'], env)).code).toBe(2)
    const badUrl = await cli(['--base-url', 'ftp://example.com'])
    expect(badUrl.code).toBe(1)
    expect(badUrl.stderr).toMatch(/bad_request/)
  })

  it('removes the key; the key never appeared in any output, log or database byte', async () => {
    const r = await cli(['--remove-key'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/API key:\s+not set/)
    expect(await keytarBackend.getPassword(service, 'openai-api-key')).toBeNull()
    const logFile = path.join(tmp.dir, 'logs', 'replybase.log')
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile) : Buffer.alloc(0)
    const all = Buffer.from(outputs.join('\n'))
    const db = databaseBytes(path.join(tmp.dir, 'replybase.db'))
    for (const enc of encodingsOf(FAKE_OPENAI_KEY)) {
      expect(all.includes(enc)).toBe(false)
      expect(log.includes(enc)).toBe(false)
      expect(db.includes(enc)).toBe(false)
    }
  })
})
