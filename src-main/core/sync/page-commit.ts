// One unit of committed sync work: a page of fetched messages, removals and label changes, the
// rebuilt pairs of every thread they touched, and the run's cursor or resume state, all in one
// BEGIN IMMEDIATE transaction. A kill between commits loses nothing committed; a kill inside
// one loses that whole page, which the next run fetches again.
import type { FetchedMessage } from './message-fetch'
import { removeMessages, updateLabels, upsertMessage } from './message-store'
import { rebuildThread } from './pair-store'
import type { RunContext } from './sync-types'

export interface PageWork {
  messages?: readonly FetchedMessage[]
  removals?: Iterable<string>
  labels?: ReadonlyArray<{ externalId: string; labels: string[] }>
  /** Rebuild the threads of unchanged messages too (a manual full rescan). */
  rebuildUnchanged?: boolean
  /** Cursor, resume state, account meta: runs last, in the same transaction. */
  finish?: () => void
}

/**
 * Cleaned texts kept between pages, newest last: a thread whose messages arrive in different
 * pages is rebuilt without cleaning its earlier messages again. Bounded, so a first sync of a
 * large mailbox does not hold every message's text; an older message is cleaned again from its
 * stored body when its thread changes later.
 */
const CLEANED_KEPT = 5_000

function trimCleaned(cleaned: Map<number, string>): void {
  let excess = cleaned.size - CLEANED_KEPT
  if (excess <= 0) return
  for (const id of cleaned.keys()) {
    if (excess-- <= 0) break
    cleaned.delete(id)
  }
}

export function commitPage(rc: RunContext, work: PageWork): void {
  const { sqlite } = rc.dbh
  const c = rc.counters
  const nowIso = new Date(rc.now()).toISOString()
  rc.dbh.write(() => {
    const threads = new Set<string>()
    for (const m of work.messages ?? []) {
      const outcome = upsertMessage(sqlite, rc.accountId, m.input)
      if (m.cleaned !== undefined) rc.cleaned.set(outcome.id, m.cleaned)
      else rc.cleaned.delete(outcome.id)
      if (outcome.change !== 'unchanged') c.upserted++
      if (outcome.change !== 'unchanged' || work.rebuildUnchanged) threads.add(m.input.threadId)
    }
    if (work.removals) {
      const removed = removeMessages(sqlite, rc.accountId, work.removals, nowIso)
      c.deleted += removed.deleted + removed.tombstoned
      for (const t of removed.threads) threads.add(t)
    }
    for (const l of work.labels ?? []) {
      const outcome = updateLabels(sqlite, rc.accountId, l.externalId, l.labels, rc.own)
      if (!outcome?.changed) continue
      c.upserted++
      if (outcome.directionChanged) threads.add(outcome.threadId)
    }
    const ctx = { sqlite, accountId: rc.accountId, nowIso, cleaned: rc.cleaned, detect: rc.detect }
    for (const threadId of threads) {
      const r = rebuildThread(ctx, threadId)
      c.pairsCreated += r.created
      c.pairsUpdated += r.updated
      c.pairsDeleted += r.deleted
      c.pairsOrphaned += r.orphaned
      c.threadSkips.set(threadId, r.skipped)
    }
    work.finish?.()
  })
  trimCleaned(rc.cleaned)
}
