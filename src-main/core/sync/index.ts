// Sync composed for the core: the per-account runner, its API/CLI facade and the background
// scheduler (started by the Electron app only; the CLI never starts it).
import type { DbHandle } from '../../db/connection'
import type { AccountsService } from '../accounts/accounts-service'
import type { EventBus } from '../event-bus'
import type { GmailClientFactory } from '../google/gmail-client'
import { createLogger } from '../logging/logger'
import { readSettings } from '../settings/settings-store'
import { SyncScheduler } from './scheduler'
import { createSyncControl, type SyncControl } from './sync-control'
import { createSyncService } from './sync-service'

export type { SyncControl } from './sync-control'
export type { SyncService, SyncOptions } from './sync-service'
export { SyncScheduler, pickDueAccounts } from './scheduler'

const log = createLogger('sync')

export interface SyncParts {
  sync: SyncControl
  scheduler: SyncScheduler
  /** Stops the scheduler and cancels running syncs, waiting for them to record their state. */
  close(): Promise<void>
}

export function createSyncParts(deps: {
  dbh: DbHandle
  events: EventBus
  env: NodeJS.ProcessEnv
  accounts: AccountsService
  gmail: GmailClientFactory
}): SyncParts {
  const service = createSyncService({
    dbh: deps.dbh,
    events: deps.events,
    accounts: deps.accounts,
    env: deps.env,
    gmail: deps.gmail,
  })
  let control: SyncControl | null = null
  const scheduler = new SyncScheduler({
    listAccounts: () => control?.schedulable() ?? [],
    settings: () => readSettings(deps.dbh),
    runAccount: (id) => service.run(id),
    onError: (accountId, e) => log.info({ accountId, err: e }, 'scheduled sync not run'),
  })
  control = createSyncControl({ ...deps, sync: service, scheduler })
  return {
    sync: control,
    scheduler,
    async close() {
      service.cancel()
      await scheduler.stop()
      await service.close()
    },
  }
}
