import { pairThreadContext } from '../../core/review/thread-context'
import type { DomainHandlers } from './types'

export const pairThreadHandlers: DomainHandlers<'pairs.thread'> = (core) => ({
  'pairs.thread': ({ id, q }) => pairThreadContext(core.dbh, id, { q }),
})
