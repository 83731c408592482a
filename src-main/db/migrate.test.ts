import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateDatabase } from './migrate'
import { openConnection } from './connection'
import { journal, migrationsFolder } from '../../tests/helpers/migrations'
import { tempDir } from '../../tests/helpers/temp'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function freshDb(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return path.join(t.dir, 'replybase.db')
}

function seedAccount(dbPath: string): void {
  const h = openConnection(dbPath)
  h.sqlite
    .prepare(
      `INSERT INTO accounts (email, display_name) VALUES ('agent@example.com', 'Gmail – agent@example.com')`,
    )
    .run()
  h.close()
}

describe('migrations at start-up', () => {
  it('creates every table on an empty folder and records the schema version', () => {
    const dbPath = freshDb()
    const out = migrateDatabase(dbPath, migrationsFolder(journal().length))
    expect(out.schemaVersion).toBe(journal().length)
    expect(out.backupPath).toBeNull()
    const db = new Database(dbPath)
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .all() as Array<{ name: string }>
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'messages',
        'training_pairs',
        'ai_providers',
        'sync_runs',
        'messages_fts',
        'pairs_fts',
      ]),
    )
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('leaves the previous database intact and readable when a migration fails', () => {
    const dbPath = freshDb()
    migrateDatabase(dbPath, migrationsFolder(journal().length))
    seedAccount(dbPath)
    const broken = migrationsFolder(journal().length, [
      {
        tag: '9999_broken',
        sql: 'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nALTER TABLE no_such_table ADD COLUMN x integer;',
      },
    ])
    expect(() => migrateDatabase(dbPath, broken)).toThrow(/9999_broken.*left as it was/s)

    const db = new Database(dbPath, { readonly: true })
    expect(db.prepare(`SELECT email FROM accounts`).all()).toEqual([{ email: 'agent@example.com' }])
    expect(
      db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get(),
    ).toBeUndefined()
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    db.close()
    // The copy taken before the update opens and holds the same rows.
    const backup = `${dbPath}.pre-9999_broken`
    expect(fs.existsSync(backup)).toBe(true)
    const copy = new Database(backup, { readonly: true })
    expect(copy.prepare(`SELECT count(*) AS n FROM accounts`).get()).toEqual({ n: 1 })
    copy.close()
    // The app still opens it with the migrations it knows.
    expect(migrateDatabase(dbPath, migrationsFolder(journal().length)).applied).toEqual([])
  })

  it('refuses a database written by a newer ReplyBase and does not touch it', () => {
    const dbPath = freshDb()
    const newer = migrationsFolder(journal().length, [
      { tag: '9000_future', sql: 'CREATE TABLE future_things (id integer);' },
    ])
    migrateDatabase(dbPath, newer)
    const before = fs.readFileSync(dbPath)
    expect(() => migrateDatabase(dbPath, migrationsFolder(journal().length))).toThrow(
      /newer version of ReplyBase/,
    )
    try {
      migrateDatabase(dbPath, migrationsFolder(journal().length))
    } catch (e) {
      expect((e as { code: string }).code).toBe('db_newer_version')
    }
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true)
  })

  it('refuses a migration stamped before the last applied one instead of skipping it', () => {
    const dbPath = freshDb()
    migrateDatabase(dbPath, migrationsFolder(journal().length))
    const first = journal()[0]!.when
    const late = migrationsFolder(journal().length, [
      { tag: '0500_late', sql: 'CREATE TABLE late (id integer);', when: first + 1 },
    ])
    expect(() => migrateDatabase(dbPath, late)).toThrow(/stamped before|older than the last/)
  })

  it('backs the database up before applying a new migration', () => {
    const dbPath = freshDb()
    migrateDatabase(dbPath, migrationsFolder(1))
    seedAccount(dbPath)
    const out = migrateDatabase(dbPath, migrationsFolder(2))
    expect(out.applied).toEqual([journal()[1]!.tag])
    expect(out.backupPath).toBe(`${dbPath}.pre-${journal()[1]!.tag}`)
    expect(fs.existsSync(out.backupPath!)).toBe(true)
  })

  it('finds a damaged file at the app start, and lets a CLI command skip the full read', () => {
    const dbPath = freshDb()
    const folder = migrationsFolder(journal().length)
    migrateDatabase(dbPath, folder)
    const h = openConnection(dbPath)
    const insert = h.sqlite.prepare(
      `INSERT INTO accounts (email, display_name) VALUES (?, 'Gmail')`,
    )
    for (let i = 0; i < 2000; i++) insert.run(`agent${i}@example.com`)
    h.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    h.close()
    // Scribble over the header of a page in the middle (account rows, never the schema page).
    const fd = fs.openSync(dbPath, 'r+')
    const pages = fs.fstatSync(fd).size / 4096
    fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(pages / 2) * 4096)
    fs.closeSync(fd)
    expect(() => migrateDatabase(dbPath, folder, 'always')).toThrow(/integrity check/)
    expect(migrateDatabase(dbPath, folder, 'after-migration').applied).toEqual([])
  })

  it('keeps the journal stamps strictly increasing', () => {
    const stamps = journal().map((e) => e.when)
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps)
    expect(new Set(stamps).size).toBe(stamps.length)
  })
})
