import { readStatus } from '../../core/status/status-service'
import { isSafeExternalUrl } from '../../core/security/external-url'
import type { DomainHandlers } from './types'

export const appHandlers =
  (
    openExternal: (url: string) => Promise<void> | void,
  ): DomainHandlers<'app.status' | 'app.openExternal'> =>
  (core) => ({
    'app.status': () =>
      readStatus({
        dbh: core.dbh,
        secrets: core.secrets,
        dataDir: core.dataDir,
        migrationsFolder: core.migrationsFolder,
        version: core.version,
        transport: core.transport,
      }),
    'app.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) return { opened: false }
      await openExternal(url)
      return { opened: true }
    },
  })
