import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../tests/helpers/cli'
import { tempDir, testKeychainService } from '../../tests/helpers/temp'
import { requireKeychain } from '../../tests/helpers/keychain'
import { journal } from '../../tests/helpers/migrations'

const tmp = tempDir()
const env = { REPLYBASE_DATA_DIR: tmp.dir, REPLYBASE_KEYCHAIN_SERVICE: testKeychainService() }
beforeAll(() => requireKeychain())
afterAll(() => tmp.cleanup())

describe('cli status', () => {
  it('prints the data folder, schema version and keychain state as JSON', async () => {
    const r = await runCli(['status', '--json'], env)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s).toMatchObject({
      dataDir: tmp.dir,
      dbPath: `${tmp.dir}/replybase.db`,
      schemaVersion: journal().length,
      latestMigration: journal().at(-1)!.tag,
      counts: { accounts: 0, messages: 0, pairs: 0 },
      keychain: { ok: true, service: env.REPLYBASE_KEYCHAIN_SERVICE },
      transport: 'cli',
    })
  })

  it('says plainly when no keychain answers', async () => {
    const r = await runCli(['status'], {
      ...env,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Keychain:\s+UNAVAILABLE: .*gnome-keyring/)
  })

  it('exits 2 with usage on an unknown command or option', async () => {
    expect((await runCli(['frobnicate'], env)).code).toBe(2)
    const bad = await runCli(['status', '--bogus'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/Usage: replybase status/)
  })
})
