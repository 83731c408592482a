// `pairs rebuild` on a data folder an older version filled: hard-wrapped texts come back as
// paragraphs, the approval stays, and the summary says what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open-database'
import { sourceMigrationsFolder } from '../../core/paths'
import { runCli } from '../../../tests/helpers/cli'
import { seedAccounts, seedPair } from '../../../tests/helpers/seed-pairs'
import { tempDir, testKeychainService } from '../../../tests/helpers/temp'
import { requireKeychain } from '../../../tests/helpers/keychain'

const tmp = tempDir()
const env = { REPLYBASE_DATA_DIR: tmp.dir, REPLYBASE_KEYCHAIN_SERVICE: testKeychainService() }
const TYPED =
  'После обновления приложение перестало синхронизировать заказы с сайтом, новые заказы ' +
  'появляются только через несколько часов, а иногда не появляются вовсе.'
const WRAPPED =
  'После обновления приложение перестало синхронизировать заказы с сайтом,\n' +
  'новые заказы появляются только через несколько часов, а иногда не\n' +
  'появляются вовсе.'
let pairId = 0

beforeAll(async () => {
  await requireKeychain()
  const dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  const [a] = seedAccounts(dbh, ['help@magazin.example'])
  pairId = seedPair(dbh, {
    accountId: a!,
    client: WRAPPED,
    reply: 'Проверили: синхронизация снова работает, заказы приходят сразу.',
    language: 'ru',
    status: 'approved',
  })
  dbh.close()
})
afterAll(() => tmp.cleanup())

describe('cli pairs rebuild', () => {
  it('redoes the stored texts, keeps the approval and prints what changed', async () => {
    const r = await runCli(['pairs', 'rebuild'], env)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Rebuilt 1 threads: 1 message texts changed.')
    expect(r.stdout).toContain('1 reviewed given new texts (status and edits kept)')
    expect(r.stderr).toContain('rebuilding: 1 of 1 threads (100%)')

    const list = await runCli(['pairs', 'list', '--json'], env)
    const rows = JSON.parse(list.stdout) as Array<Record<string, unknown>>
    expect(rows).toEqual([
      expect.objectContaining({ id: pairId, status: 'approved', client_text: TYPED }),
    ])

    const again = await runCli(['pairs', 'rebuild', '--json'], env)
    expect(JSON.parse(again.stdout)).toMatchObject({
      threads: 1,
      messageTextsChanged: 0,
      reviewedUpdated: 0,
    })
  })
})
