// Applies drizzle-kit's SQL migrations at start-up, around drizzle's own migrator, which
// (drizzle-orm sqlite-core/dialect.ts) only compares each migration's stamp with the last
// applied one: a migration stamped older is skipped silently, and a database written by a
// newer ReplyBase is not noticed. This wrapper refuses both, backs the file up first, and
// checks the result.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { AppError } from '@contract/errors'
import { configureConnection } from './connection'

interface JournalEntry {
  idx: number
  when: number
  tag: string
}

export interface MigrationOutcome {
  applied: string[]
  schemaVersion: number
  latestMigration: string | null
  backupPath: string | null
}

const TABLE = '__drizzle_migrations'

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const file = path.join(migrationsFolder, 'meta', '_journal.json')
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: JournalEntry[] }
  const entries = journal.entries
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1]!
    const cur = entries[i]!
    if (cur.when <= prev.when) {
      throw new AppError(
        'db_migration_failed',
        `Migration ${cur.tag} is stamped before ${prev.tag}; its stamp must be later or it would be skipped.`,
      )
    }
  }
  return entries
}

function appliedStamps(sqlite: Database.Database): number[] {
  const exists = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(TABLE)
  if (!exists) return []
  return (sqlite.prepare(`SELECT created_at FROM ${TABLE}`).all() as Array<{ created_at: number }>)
    .map((r) => Number(r.created_at))
    .sort((a, b) => a - b)
}

/** Number of migrations applied to an open database, and the tag of the last one. */
export function schemaVersionOf(
  sqlite: Database.Database,
  migrationsFolder: string,
): { schemaVersion: number; latestMigration: string | null } {
  const stamps = appliedStamps(sqlite)
  const entries = readJournal(migrationsFolder)
  const last = stamps.at(-1)
  return {
    schemaVersion: stamps.length,
    latestMigration: entries.find((e) => e.when === last)?.tag ?? null,
  }
}

/**
 * When the whole file is read for PRAGMA quick_check: on every open ('always', the desktop app,
 * where a damaged file is best found at start) or only after a schema change ('after-migration',
 * the CLI: quick_check reads every page, which on a large knowledge base is most of a short
 * command's time; SQLite still refuses damaged pages as they are read).
 */
export type IntegrityCheck = 'always' | 'after-migration'

export function migrateDatabase(
  dbPath: string,
  migrationsFolder: string,
  integrity: IntegrityCheck = 'always',
): MigrationOutcome {
  const entries = readJournal(migrationsFolder)
  const known = new Map(entries.map((e) => [e.when, e.tag]))
  fs.mkdirSync(path.dirname(dbPath), { recursive: true })
  const sqlite = new Database(dbPath, { timeout: 5000 })
  try {
    configureConnection(sqlite)
    const stamps = appliedStamps(sqlite)
    const unknown = stamps.filter((s) => !known.has(s))
    if (unknown.length > 0) {
      throw new AppError(
        'db_newer_version',
        `The database at ${dbPath} was written by a newer version of ReplyBase. ` +
          'Update ReplyBase to open it; it has not been changed.',
      )
    }
    const applied = new Set(stamps)
    const lastApplied = stamps.at(-1) ?? 0
    const pending = entries.filter((e) => !applied.has(e.when))
    const skipped = pending.find((e) => e.when < lastApplied)
    if (skipped) {
      throw new AppError(
        'db_migration_failed',
        `Migration ${skipped.tag} is older than the last one applied to this database and cannot be applied.`,
      )
    }
    if (pending.length === 0) {
      if (integrity === 'always') checkIntegrity(sqlite)
      return {
        applied: [],
        schemaVersion: stamps.length,
        latestMigration: entries.at(-1)?.tag ?? null,
        backupPath: null,
      }
    }

    let backupPath: string | null = null
    if (stamps.length > 0) {
      backupPath = `${dbPath}.pre-${pending[0]!.tag}`
      fs.rmSync(backupPath, { force: true })
      sqlite.prepare('VACUUM INTO ?').run(backupPath)
    }

    // Table rebuilds need foreign keys off, and the pragma is a no-op inside a transaction.
    sqlite.pragma('foreign_keys = OFF')
    try {
      migrate(drizzle(sqlite), { migrationsFolder })
    } catch (e) {
      const failed = pending.find((p) => !appliedStamps(sqlite).includes(p.when))
      throw new AppError(
        'db_migration_failed',
        `Updating the database failed at migration ${failed?.tag ?? '?'} (${(e as Error).message}). ` +
          'It was left as it was before the update' +
          (backupPath ? `, and a copy is at ${backupPath}.` : '.'),
        { cause: e },
      )
    } finally {
      sqlite.pragma('foreign_keys = ON')
    }
    const violations = sqlite.pragma('foreign_key_check') as unknown[]
    if (violations.length > 0) {
      throw new AppError(
        'db_migration_failed',
        `The update left ${violations.length} broken references.`,
      )
    }
    checkIntegrity(sqlite)
    return {
      applied: pending.map((p) => p.tag),
      schemaVersion: stamps.length + pending.length,
      latestMigration: pending.at(-1)!.tag,
      backupPath,
    }
  } finally {
    sqlite.close()
  }
}

function checkIntegrity(sqlite: Database.Database): void {
  const result = sqlite.pragma('quick_check', { simple: true })
  if (result !== 'ok') {
    throw new AppError(
      'db_migration_failed',
      `The database failed its integrity check (${String(result)}). Restore a backup copy from the data folder.`,
    )
  }
}
