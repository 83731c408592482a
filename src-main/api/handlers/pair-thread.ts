import { pairThreadContext } from '../../core/review/thread-context'
import type { DomainHandlers } from './types'

export const pairThreadHandlers: DomainHandlers<'pairs.thread'> = (core) => ({
  'pairs.thread': ({ id }) => pairThreadContext(core.dbh, id),
})
