import type { DomainHandlers } from './types'

type SyncMethods = 'sync.now' | 'sync.status' | 'sync.setPaused' | 'sync.cancel'

export const syncHandlers: DomainHandlers<SyncMethods> = (core) => ({
  'sync.now': ({ accountId, full, since }) =>
    core.sync.now({
      accountId,
      full,
      since: since === undefined ? null : new Date(`${since}T00:00:00Z`),
    }),
  'sync.status': () => core.sync.status(),
  'sync.setPaused': ({ paused }) => core.sync.setPaused(paused),
  'sync.cancel': ({ accountId }) => core.sync.cancel(accountId),
})
