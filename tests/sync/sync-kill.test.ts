// `replybase sync` killed with SIGKILL mid-sync (a real child process, as in a crash or a
// power-button quit): every committed page survives, the database is intact, and the next run
// continues from the saved page with no duplicates and the same pairs as an uninterrupted sync.
import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectedPairs, generateMailbox, type GeneratedMessage } from '../fakes/mailbox-generator'
import { startSyncKit, type SyncKit } from '../helpers/gmail-account'
import { CLI_BUNDLE } from '../helpers/cli'
import { repoRoot } from '../helpers/temp'
import type { SyncRunResult } from '@contract/sync'

const OWN = 'support@acme.example'
const HIDDEN = ['DRAFT', 'SPAM', 'TRASH']

let kit: SyncKit
let generated: GeneratedMessage[]

beforeAll(async () => {
  // A little latency so the kill lands between pages rather than after the last one.
  kit = await startSyncKit({
    email: OWN,
    fake: { faults: { latencyMs: 4 } },
    env: { REPLYBASE_SYNC_DECODE_WORKERS: '0' },
  })
  generated = generateMailbox({ seed: 5, messages: 1300, ownAddress: OWN, days: 150 })
  kit.fake.addMessages(OWN, generated)
  const core = kit.core()
  await kit.connect(core)
  await core.close()
}, 60_000)
afterAll(async () => kit?.dispose())

/** The built CLI on plain node, so the pid we kill is the process doing the work. */
function cli(args: string[]) {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: repoRoot(),
    env: kit.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  const exit = new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
    stdout: string
    stderr: string
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })))
  return { child, exit }
}

function readOnly<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(kit.dataDir, 'replybase.db'), {
    readonly: true,
    fileMustExist: true,
  })
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

const count = (sql: string) => readOnly((db) => (db.prepare(sql).get() as { n: number }).n)

it('resumes after SIGKILL with nothing lost and nothing twice', async () => {
  const first = cli(['sync', '--account', OWN])
  // Poll (read-only) until the first page is committed, then kill without warning.
  const deadline = Date.now() + 45_000
  let seen = 0
  while (Date.now() < deadline) {
    seen = await new Promise<number>((r) =>
      setTimeout(() => r(count('SELECT count(*) AS n FROM messages')), 20),
    )
    if (seen >= 500) break
  }
  first.child.kill('SIGKILL')
  const killed = await first.exit
  expect(killed.signal).toBe('SIGKILL')
  const visible = generated.filter((m) => !m.labelIds.some((l) => HIDDEN.includes(l))).length
  const kept = count('SELECT count(*) AS n FROM messages')
  expect(kept).toBeGreaterThanOrEqual(500)
  expect(kept).toBeLessThan(visible)
  expect(readOnly((db) => db.pragma('integrity_check', { simple: true }))).toBe('ok')
  expect(count("SELECT count(*) AS n FROM sync_runs WHERE status = 'running'")).toBe(1)

  const second = cli(['sync', '--account', OWN, '--json'])
  const done = await second.exit
  expect(done.code, done.stderr).toBe(0)
  const [result] = JSON.parse(done.stdout) as SyncRunResult[]
  expect(result?.summary).toMatchObject({ mode: 'full', resumed: true, errors: [] })
  expect(count('SELECT count(*) AS n FROM messages')).toBe(visible)
  expect(count('SELECT count(DISTINCT external_id) AS n FROM messages')).toBe(visible)
  const runs = readOnly((db) =>
    db.prepare('SELECT status, errors FROM sync_runs ORDER BY id').all(),
  ) as Array<{ status: string; errors: string }>
  expect(runs.map((r) => r.status)).toEqual(['failed', 'ok'])
  expect(runs[0]!.errors).toMatch(/interrupted/)

  const hidden = new Set(
    generated.filter((m) => m.labelIds.some((l) => HIDDEN.includes(l))).map((m) => m.truth.key),
  )
  const want = expectedPairs(generated).filter(
    (p) => !hidden.has(p.replyKey) && !p.clientKeys.some((k) => hidden.has(k)),
  )
  expect(count('SELECT count(*) AS n FROM training_pairs')).toBe(want.length)
  expect(readOnly((db) => db.pragma('integrity_check', { simple: true }))).toBe('ok')

  const third = cli(['sync', '--account', OWN, '--json'])
  const again = await third.exit
  const [nothing] = JSON.parse(again.stdout) as SyncRunResult[]
  expect(nothing?.summary).toMatchObject({
    mode: 'incremental',
    messages_fetched: 0,
    messages_upserted: 0,
    pairs_created: 0,
  })
}, 120_000)
