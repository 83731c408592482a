import type { DomainHandlers } from './types'

type SyncMethods = 'sync.now' | 'sync.status' | 'sync.setPaused' | 'sync.cancel'

export const syncHandlers: DomainHandlers<SyncMethods> = (core) => ({
  'sync.now': ({ accountId, full }) => core.sync.now({ accountId, full }),
  'sync.status': () => core.sync.status(),
  'sync.setPaused': ({ paused }) => core.sync.setPaused(paused),
  'sync.cancel': ({ accountId }) => core.sync.cancel(accountId),
})
