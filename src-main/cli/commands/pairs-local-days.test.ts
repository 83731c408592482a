// `pairs list --since/--until` and the review filters read days in this machine's time zone,
// as the app does: the same dates find the same pairs in the window and in a terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open-database'
import { sourceMigrationsFolder } from '../../core/paths'
import { runCli } from '../../../tests/helpers/cli'
import { seedAccounts, seedPair } from '../../../tests/helpers/seed-pairs'
import { tempDir, testKeychainService } from '../../../tests/helpers/temp'
import { requireKeychain } from '../../../tests/helpers/keychain'

const tmp = tempDir()
const base = { REPLYBASE_DATA_DIR: tmp.dir, REPLYBASE_KEYCHAIN_SERVICE: testKeychainService() }
const MOSCOW = { ...base, TZ: 'Europe/Moscow' } // UTC+3 all year
const NEW_YORK = { ...base, TZ: 'America/New_York' } // UTC-5 in winter
const UTC = { ...base, TZ: 'UTC' }
const ids = {} as Record<'early' | 'noon' | 'late', number>

beforeAll(async () => {
  await requireKeychain()
  const dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  const [a] = seedAccounts(dbh, ['support@shop.example'])
  const pair = (client: string, sentAt: string) =>
    seedPair(dbh, { accountId: a!, client, reply: 'Проверим.', language: 'ru', sentAt })
  // 1 March in UTC; in Moscow the late one is already 2 March, in New York the early one is
  // still 28 February.
  ids.early = pair('Ранний вопрос', '2026-03-01T02:00:00.000Z')
  ids.noon = pair('Дневной вопрос', '2026-03-01T12:00:00.000Z')
  ids.late = pair('Поздний вопрос', '2026-03-01T22:30:00.000Z')
  dbh.close()
})
afterAll(() => tmp.cleanup())

const listed = async (env: NodeJS.ProcessEnv, ...args: string[]): Promise<number[]> => {
  const r = await runCli(['pairs', 'list', '--json', ...args], env)
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return (JSON.parse(r.stdout) as Array<{ id: number }>).map((p) => p.id)
}

describe('cli days in local time', () => {
  it('lists the pairs whose client wrote on a local day, both days included', async () => {
    const march1 = ['--since', '2026-03-01', '--until', '2026-03-01']
    expect(await listed(MOSCOW, ...march1)).toEqual([ids.early, ids.noon])
    expect(await listed(MOSCOW, '--since', '2026-03-02')).toEqual([ids.late])
    expect(await listed(NEW_YORK, ...march1)).toEqual([ids.noon, ids.late])
    expect(await listed(NEW_YORK, '--until', '2026-02-28')).toEqual([ids.early])
    expect(await listed(UTC, ...march1)).toEqual([ids.early, ids.noon, ids.late])
  })

  it('prints the local day the client wrote', async () => {
    const r = await runCli(['pairs', 'list'], MOSCOW)
    expect(r.code).toBe(0)
    const day = (id: number) =>
      r.stdout
        .split('\n')
        .find((l) => l.trim().startsWith(`${id} `))
        ?.split(/\s+/)[2]
    expect([day(ids.early), day(ids.noon), day(ids.late)]).toEqual([
      '2026-03-01',
      '2026-03-01',
      '2026-03-02',
    ])
  })

  it('reads the review filters of bulk review and export the same way', async () => {
    const dry = await runCli(['pairs', 'approve', '--since', '2026-03-02', '--json'], MOSCOW)
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.stdout)).toMatchObject({ matched: 1, updated: 0, dryRun: true })
  })

  it('refuses a day the calendar does not have', async () => {
    const r = await runCli(['pairs', 'list', '--until', '2026-02-30'], MOSCOW)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--until 2026-02-30 is not a calendar day/)
    expect(r.stdout).toBe('')
  })
})
