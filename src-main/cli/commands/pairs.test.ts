import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open-database'
import { sourceMigrationsFolder } from '../../core/paths'
import { runCli } from '../../../tests/helpers/cli'
import { seedAccounts, seedPair } from '../../../tests/helpers/seed-pairs'
import { tempDir, testKeychainService } from '../../../tests/helpers/temp'
import { requireKeychain } from '../../../tests/helpers/keychain'

const tmp = tempDir()
// Days are local (pairs-local-days.test.ts): UTC here keeps these dates the same on any machine.
const env = {
  REPLYBASE_DATA_DIR: tmp.dir,
  REPLYBASE_KEYCHAIN_SERVICE: testKeychainService(),
  TZ: 'UTC',
}
const ids = {} as Record<'a' | 'b' | 'p1' | 'p2' | 'p3', number>

beforeAll(async () => {
  await requireKeychain()
  const dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  const [a, b] = seedAccounts(dbh, ['support@shop.example', 'help@magazin.example'])
  ids.a = a!
  ids.b = b!
  ids.p1 = seedPair(dbh, {
    accountId: a!,
    client: 'Where is my order?',
    reply: 'It ships today.',
    language: 'en',
    sentAt: '2026-03-01T10:00:00.000Z',
  })
  ids.p2 = seedPair(dbh, {
    accountId: b!,
    client: 'Где мой заказ?',
    reply: 'Отправлен.',
    language: 'ru',
    status: 'approved',
    replyTextEdited: 'Отправлен вчера.',
  })
  ids.p3 = seedPair(dbh, {
    accountId: b!,
    client: 'Спасибо',
    reply: 'Пожалуйста',
    language: 'ru',
    status: 'rejected',
  })
  dbh.close()
})
afterAll(() => tmp.cleanup())

type Row = Record<string, unknown>
const listJson = async (...args: string[]): Promise<Row[]> => {
  const r = await runCli(['pairs', 'list', '--json', ...args], env)
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as Row[]
}

describe('cli pairs', () => {
  it('lists pairs as JSON with the documented fields, edits apart from the cleaned texts', async () => {
    const rows = await listJson()
    expect(rows.map((r) => r.id)).toEqual([ids.p1, ids.p2, ids.p3])
    expect(Object.keys(rows[1]!).sort()).toEqual(
      [
        'id',
        'account_id',
        'thread_id',
        'client_external_id',
        'reply_external_id',
        'client_text',
        'reply_text',
        'client_text_edited',
        'reply_text_edited',
        'status',
        'language',
        'labels',
        'sent_at',
        'created_at',
        'updated_at',
      ].sort(),
    )
    expect(rows[1]).toMatchObject({
      account_id: ids.b,
      client_text: 'Где мой заказ?',
      reply_text: 'Отправлен.',
      client_text_edited: null,
      reply_text_edited: 'Отправлен вчера.',
      status: 'approved',
      language: 'ru',
      labels: [],
    })
    expect(String(rows[0]!.client_external_id)).toMatch(/^c-/)
    expect(String(rows[0]!.reply_external_id)).toMatch(/^r-/)
    expect((await listJson('--status', 'approved')).map((r) => r.id)).toEqual([ids.p2])
    expect((await listJson('--account', 'help@magazin.example')).map((r) => r.id)).toEqual([
      ids.p2,
      ids.p3,
    ])
    expect(
      (await listJson('--account', String(ids.a), '--status', 'new')).map((r) => r.id),
    ).toEqual([ids.p1])
    expect(await listJson('--status', 'new', '--account', 'help@magazin.example')).toEqual([])
    // The day the client wrote, and --since/--until filter by it.
    expect(rows[0]!.sent_at).toBe('2026-03-01T10:00:00.000Z')
    expect(
      (await listJson('--since', '2026-03-01', '--until', '2026-03-01')).map((r) => r.id),
    ).toEqual([ids.p1])
    expect((await listJson('--until', '2026-02-28')).map((r) => r.id)).toEqual([])
  })

  it('prints one line per pair without --json', async () => {
    const r = await runCli(['pairs', 'list'], env)
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(
      /approved\s+ru\s+acct \d+ edited\s+Где мой заказ\?\s+→\s+Отправлен вчера\./,
    )
    expect(lines[0]).toMatch(/^\s*\d+\s+2026-03-01\s+new\s/)
  })

  it('approves, rejects and resets by id', async () => {
    const ok = await runCli(['pairs', 'approve', String(ids.p1)], env)
    expect(ok).toMatchObject({ code: 0, stderr: '' })
    expect(ok.stdout).toMatch(/1 pair set to approved\./)
    const row = (await listJson('--status', 'approved')).find((r) => r.id === ids.p1)!
    expect(row.updated_at).not.toBe(row.created_at)
    const again = await runCli(['pairs', 'approve', String(ids.p1), '--json'], env)
    expect(JSON.parse(again.stdout)).toEqual({ status: 'approved', updated: 0, missing: [] })
    expect((await runCli(['pairs', 'reject', String(ids.p1), String(ids.p2)], env)).stdout).toMatch(
      /2 pairs set to rejected/,
    )
    expect((await runCli(['pairs', 'reset', String(ids.p1)], env)).code).toBe(0)
    expect((await listJson('--status', 'new')).map((r) => r.id)).toEqual([ids.p1])
    // The reviewer's edit survives status changes.
    expect((await listJson('--status', 'rejected')).find((r) => r.id === ids.p2)).toMatchObject({
      reply_text_edited: 'Отправлен вчера.',
    })
  })

  it('fails clearly on unknown ids, accounts and bad usage', async () => {
    const missing = await runCli(['pairs', 'approve', '987654'], env)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/not_found: no pair with id 987654/)
    const acct = await runCli(['pairs', 'list', '--account', 'nobody@example.com'], env)
    expect(acct.code).toBe(1)
    expect(acct.stderr).toMatch(/not_found/)
    for (const args of [
      ['pairs'],
      ['pairs', 'list', '--status', 'done'],
      ['pairs', 'approve'],
      ['pairs', 'approve', 'x1'],
      ['pairs', 'frob', '1'],
    ]) {
      const r = await runCli(args, env)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/Usage: replybase pairs/)
    }
  })

  it("refuses ids past 2^53 and more ids than one call takes, with the API's words", async () => {
    // Past 2^53 an id would be rounded to another pair's: refused, never rounded.
    const huge = await runCli(['pairs', 'approve', '9999999999999999'], env)
    expect(huge.code).toBe(2)
    expect(huge.stderr).toMatch(/9999999999999999 is not a valid pair id/)
    const hugeAccount = await runCli(['accounts', 'enable', '12345678901234567'], env)
    expect(hugeAccount.code).toBe(2)
    expect(hugeAccount.stderr).toMatch(/12345678901234567 is not a valid account id/)
    // The API's own checks and words: more ids than one call takes is the dispatcher's refusal.
    const tooMany = Array.from({ length: 5001 }, (_, i) => String(i + 1))
    const bulk = await runCli(['pairs', 'approve', ...tooMany], env)
    expect(bulk.code).toBe(1)
    expect(bulk.stderr).toMatch(/^error: bad_request: Invalid input for pairs\.setStatus: ids:/m)
  })
})
