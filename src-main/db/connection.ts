// One writable connection per process. The app and the CLI may hold one each at the same
// time, so every write transaction is BEGIN IMMEDIATE and waits on the busy timeout.
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema'
import { stemText } from './stem'

export type Sqlite = Database.Database
export type Db = BetterSQLite3Database<typeof schema>

export interface DbHandle {
  path: string
  sqlite: Sqlite
  db: Db
  /** Runs fn in one BEGIN IMMEDIATE transaction; never pass an async function. */
  write<T>(fn: () => T): T
  close(): void
}

export const DB_FILE = 'replybase.db'

/** Connection settings every ReplyBase connection needs, migrations included. */
export function configureConnection(sqlite: Sqlite): void {
  // https://sqlite.org/wal.html: readers never block the writer (UI reads during sync).
  sqlite.pragma('journal_mode = WAL')
  // https://sqlite.org/pragma.html#pragma_synchronous: FULL fsyncs each commit, so a
  // committed page of mail survives power loss, not only a killed process.
  sqlite.pragma('synchronous = FULL')
  // https://sqlite.org/foreignkeys.html: off by default per connection.
  sqlite.pragma('foreign_keys = ON')
  // https://sqlite.org/pragma.html#pragma_busy_timeout: wait for the other process's writer.
  sqlite.pragma('busy_timeout = 5000')
  // https://sqlite.org/pragma.html#pragma_journal_size_limit: keep the -wal file bounded.
  sqlite.pragma('journal_size_limit = 67108864')
  // Full-text triggers index stemmed text (see db/stem.ts); deterministic so
  // SQLite may use it in triggers and indexes.
  sqlite.function('rb_stem', { deterministic: true }, (text: unknown) =>
    stemText(typeof text === 'string' ? text : null),
  )
}

export function openConnection(path: string, options: { readonly?: boolean } = {}): DbHandle {
  const sqlite = new Database(path, { readonly: options.readonly ?? false, timeout: 5000 })
  configureConnection(sqlite)
  const db = drizzle(sqlite, { schema })
  return {
    path,
    sqlite,
    db,
    write: <T>(fn: () => T): T => sqlite.transaction(fn).immediate(),
    close: () => {
      if (sqlite.open) sqlite.close()
    },
  }
}
