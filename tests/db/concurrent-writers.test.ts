import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection } from '../../src-main/db/connection'
import { sourceMigrationsFolder } from '../../src-main/core/paths'
import { repoRoot, tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

function writer(
  dbPath: string,
  name: string,
  count: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(repoRoot(), 'node_modules', '.bin', 'tsx'),
      [path.join(repoRoot(), 'tests', 'helpers', 'writer-child.ts'), dbPath, name, String(count)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (c) => (stderr += c))
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

describe('the app and the CLI writing at once', () => {
  it('uses WAL, full fsync, foreign keys and a busy timeout on every connection', () => {
    const dbPath = path.join(tmp.dir, 'pragmas.db')
    migrateDatabase(dbPath, sourceMigrationsFolder())
    const h = openConnection(dbPath)
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(h.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(h.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    h.close()
  })

  it('lets no SQLITE_BUSY escape and loses no write', async () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, sourceMigrationsFolder())
    const count = 300
    const results = await Promise.all([writer(dbPath, 'app', count), writer(dbPath, 'cli', count)])
    for (const r of results) {
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
    }
    const h = openConnection(dbPath)
    const rows = h.sqlite.prepare(`SELECT key, value FROM app_settings`).all() as Array<{
      key: string
      value: string
    }>
    expect(rows).toHaveLength(2 * count)
    // Each writer saw its own earlier rows: no transaction read a stale snapshot.
    for (const name of ['app', 'cli']) {
      const values = rows
        .filter((r) => r.key.startsWith(`${name}-`))
        .map((r) => Number(JSON.parse(r.value)))
      expect(values.sort((a, b) => a - b)).toEqual([...Array(count).keys()])
    }
    expect(h.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    h.close()
  })
})
