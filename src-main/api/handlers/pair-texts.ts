import { pairLanguageCounts } from '../../db/queries/pair-languages'
import type { DomainHandlers } from './types'

type PairTextsMethods =
  'pairs.rebuildStatus' | 'pairs.rebuild' | 'pairs.rebuildCancel' | 'pairs.languages'

export const pairTextsHandlers: DomainHandlers<PairTextsMethods> = (core) => ({
  'pairs.rebuildStatus': ({ accountId }) => core.sync.rebuildStatus(accountId),
  'pairs.rebuild': ({ accountId }) => core.sync.rebuildPairs(accountId),
  'pairs.rebuildCancel': () => core.sync.cancelRebuild(),
  'pairs.languages': () => pairLanguageCounts(core.dbh),
})
