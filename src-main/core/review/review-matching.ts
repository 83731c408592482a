// Review by filter: every pair the list shows for a filter and tab changes status in one
// transaction (the CLI's bulk actions, the Review page's "all matching this filter"). An
// undoable change keeps what the pairs were, in memory and for the latest such change only
// (undo undoes the last action), so undoing thousands of pairs sends no id list across IPC.
import { randomUUID } from 'node:crypto'
import type {
  PairStatus,
  PairsSetStatusMatchingQuery,
  SetStatusMatchingResult,
} from '@contract/pairs'
import { PAIR_STATUSES } from '@contract/pairs'
import { AppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import {
  countMatching,
  restoreReviewStates,
  reviewStatesMatching,
  updateStatusMatching,
} from '../../db/queries/pairs-export'
import type { PairFilterSql } from '../../db/queries/pairs-review'
import type { EventBus } from '../event-bus'

type ReviewState = { id: number; status: PairStatus; reviewedAt: string | null }

export interface MatchingReview {
  setStatusMatching(q: PairsSetStatusMatchingQuery, f: PairFilterSql): SetStatusMatchingResult
  restoreMatching(undoId: string): { restored: number }
}

export function createMatchingReview(deps: {
  dbh: DbHandle
  events: EventBus
  nowIso: () => string
}): MatchingReview {
  const { dbh, events, nowIso } = deps
  let latest: { undoId: string; states: ReviewState[] } | null = null

  return {
    setStatusMatching(q, f) {
      const from = (q.status === 'all' ? PAIR_STATUSES : [q.status]).filter(
        (s) => s !== q.newStatus,
      )
      const now = nowIso()
      const result = dbh.write(() => {
        const matched = from.reduce((n, s) => n + countMatching(dbh, s, f, null), 0)
        if (q.dryRun) return { matched, updated: 0, states: [] }
        const states = q.undoable ? from.flatMap((s) => reviewStatesMatching(dbh, s, f)) : []
        const reviewedAt = q.newStatus === 'new' ? null : now
        const updated = from.reduce(
          (n, s) => n + updateStatusMatching(dbh, s, f, q.newStatus, reviewedAt, now),
          0,
        )
        return { matched, updated, states }
      })
      let undoId: string | null = null
      if (q.undoable && result.updated > 0) {
        undoId = randomUUID()
        latest = { undoId, states: result.states }
      }
      if (result.updated > 0) events.emit('pairs.changed', {})
      return { matched: result.matched, updated: result.updated, undoId }
    },

    restoreMatching(undoId) {
      if (!latest || latest.undoId !== undoId) {
        throw new AppError('not_found', 'That bulk change can no longer be undone.')
      }
      const { states } = latest
      const now = nowIso()
      const restored = dbh.write(() => restoreReviewStates(dbh, states, now))
      latest = null
      if (restored > 0) events.emit('pairs.changed', {})
      return { restored }
    },
  }
}
