import type { DomainHandlers } from './types'

type RebuildMethods = 'pairs.rebuildStatus' | 'pairs.rebuild' | 'pairs.rebuildCancel'

export const rebuildHandlers: DomainHandlers<RebuildMethods> = (core) => ({
  'pairs.rebuildStatus': ({ accountId }) => core.sync.rebuildStatus(accountId),
  'pairs.rebuild': ({ accountId }) => core.sync.rebuildPairs(accountId),
  'pairs.rebuildCancel': () => core.sync.cancelRebuild(),
})
