import type { DomainHandlers } from './types'

type PairsMethods =
  | 'pairs.list'
  | 'pairs.counts'
  | 'pairs.get'
  | 'pairs.records'
  | 'pairs.setStatus'
  | 'pairs.edit'
  | 'pairs.restore'
  | 'pairs.setStatusMatching'
  | 'pairs.restoreMatching'

export const pairsHandlers: DomainHandlers<PairsMethods> = (core) => ({
  'pairs.list': (q) => core.review.list(q),
  'pairs.counts': (q) => core.review.counts(q),
  'pairs.get': ({ id, q }) => core.review.get(id, q),
  'pairs.records': (q) => core.review.records(q),
  'pairs.setStatus': ({ ids, status }) => core.review.setStatus(ids, status),
  'pairs.edit': (input) => core.review.edit(input),
  'pairs.restore': ({ items }) => core.review.restore(items),
  'pairs.setStatusMatching': (q) => core.review.setStatusMatching(q),
  'pairs.restoreMatching': ({ undoId }) => core.review.restoreMatching(undoId),
})
