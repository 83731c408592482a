import path from 'node:path'
import { DB_FILE, openConnection, type DbHandle } from './connection'
import { migrateDatabase, type IntegrityCheck, type MigrationOutcome } from './migrate'

export interface OpenedDatabase extends DbHandle {
  migration: MigrationOutcome
}

/** Migrates (with backup and checks) and opens the knowledge base in a data folder. */
export function openDatabase(
  dataDir: string,
  migrationsFolder: string,
  integrity: IntegrityCheck = 'always',
): OpenedDatabase {
  const dbPath = path.join(dataDir, DB_FILE)
  const migration = migrateDatabase(dbPath, migrationsFolder, integrity)
  return Object.assign(openConnection(dbPath), { migration })
}
