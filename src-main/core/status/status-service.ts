import type { AppStatus } from '@contract'
import type { DbHandle } from '../../db/connection'
import { schemaVersionOf } from '../../db/migrate'
import { countRows } from '../../db/queries/status'
import { probeVectorExtension } from '../../db/vector-extension'
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
  const keychain = await secrets.ping()
  return {
    version: deps.version,
    platform: `${process.platform}-${process.arch}`,
    dataDir: deps.dataDir,
    dbPath: dbh.path,
    ...schemaVersionOf(dbh.sqlite, deps.migrationsFolder),
    counts: countRows(dbh),
    keychain: {
      ok: keychain.ok,
      service: secrets.service,
      message: keychain.ok ? null : keychain.message,
    },
    vectorSearch: await vectorSearch(),
    transport: deps.transport,
  }
}

async function vectorSearch(): Promise<AppStatus['vectorSearch']> {
  const v = await probeVectorExtension()
  return v.ok
    ? { ok: true, version: v.version, message: null }
    : { ok: false, version: null, message: v.message }
}
