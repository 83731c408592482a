import { sql } from 'drizzle-orm'
import type { AppStatus } from '@contract'
import type { DbHandle } from '../../db/connection'
import { schemaVersionOf } from '../../db/migrate'
import type { SecretStore } from '../secrets/secret-store'

export async function readStatus(deps: {
  dbh: DbHandle
  secrets: SecretStore
  dataDir: string
  migrationsFolder: string
  version: string
  transport: AppStatus['transport']
}): Promise<AppStatus> {
  const { dbh, secrets } = deps
  const count = (table: string): number =>
    (dbh.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const byStatus = { new: 0, approved: 0, rejected: 0 }
  const rows = dbh.db.all<{ status: keyof typeof byStatus; n: number }>(
    sql`SELECT status, count(*) AS n FROM training_pairs GROUP BY status`,
  )
  for (const r of rows) byStatus[r.status] = r.n
  const keychain = await secrets.ping()
  return {
    version: deps.version,
    platform: `${process.platform}-${process.arch}`,
    dataDir: deps.dataDir,
    dbPath: dbh.path,
    ...schemaVersionOf(dbh.sqlite, deps.migrationsFolder),
    counts: {
      accounts: count('accounts'),
      messages: count('messages'),
      pairs: count('training_pairs'),
      pairsByStatus: byStatus,
    },
    keychain: {
      ok: keychain.ok,
      service: secrets.service,
      message: keychain.ok ? null : keychain.message,
    },
    transport: deps.transport,
  }
}
