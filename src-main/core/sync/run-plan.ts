// Which kind of run comes next for an account (pure): continue an unfinished full sync, serve a
// manual resync request, a first full sync, or an incremental sync from the stored historyId.
import { listWindow, type FullSyncPlan } from './full-sync'
import { parseResume, type AccountState, type RunRow } from './run-store'
import type { ResumeState, SyncMode } from './sync-types'

export interface RunPlan {
  mode: SyncMode
  cursor: string | null
  full: FullSyncPlan
  /** The plan a 404 from history.list falls back to. */
  fallbackFull: FullSyncPlan
  resumed: boolean
  fullReason: string | null
  account: AccountState
  /** Written into the new run's resume_state. */
  resume: Partial<ResumeState>
}

export interface PlanInput {
  previous: RunRow | undefined
  account: AccountState
  full: boolean
  since: Date | null
  lookbackDays: number
  now: number
}

/** A full sync the previous run left unfinished, if it can be continued. */
export function resumableState(previous: RunRow | undefined): ResumeState | null {
  if (
    !previous ||
    previous.status === 'ok' ||
    previous.status === 'running' ||
    previous.mode !== 'full'
  ) {
    return null
  }
  const state = parseResume(previous.resume_state)
  if (!state?.baselineHistoryId || state.q === undefined) return null
  // Its last page was committed (the cursor moved); only closing the row failed.
  if ((state.pagesDone ?? 0) > 0 && !state.pageToken) return null
  return state
}

export function planRun(input: PlanInput): RunPlan {
  const { account, now } = input
  const requested = account.meta['manual_resync_requested_at']
  const manual = typeof requested === 'string' ? requested : null
  const nowIso = new Date(now).toISOString()
  const fresh = (rescan: boolean, since: Date | null): FullSyncPlan => {
    const w = listWindow(input.lookbackDays, since, now)
    return {
      q: w.q,
      windowStart: w.windowStart,
      pageToken: null,
      pagesDone: 0,
      rescan,
      partial: false,
      ...(rescan && manual ? { clearResyncBefore: nowIso } : {}),
    }
  }
  const base = { cursor: account.cursor, fallbackFull: fresh(false, null), account }
  const asFull = (full: FullSyncPlan, reason: string, resumed = false): RunPlan => ({
    ...base,
    mode: 'full',
    full,
    resumed,
    fullReason: reason,
    resume: {
      baselineHistoryId: full.baselineHistoryId,
      q: full.q,
      windowStart: full.windowStart,
      pageToken: full.pageToken,
      pagesDone: full.pagesDone,
      rescan: full.rescan,
      partial: full.partial,
    },
  })
  if (input.full) return asFull(fresh(true, input.since), 'requested')
  if (input.since) return asFull(fresh(false, input.since), 'requested')
  const prev = resumableState(input.previous)
  if (prev && (!manual || prev.rescan)) {
    const full: FullSyncPlan = {
      baselineHistoryId: prev.baselineHistoryId,
      q: prev.q ?? '',
      windowStart: prev.windowStart ?? null,
      pageToken: prev.pageToken ?? null,
      pagesDone: prev.pagesDone ?? 0,
      rescan: prev.rescan ?? false,
      partial: Boolean(prev.partial) || Boolean(prev.pageToken),
      ...(prev.rescan && manual ? { clearResyncBefore: nowIso } : {}),
    }
    return asFull(full, 'resumed', true)
  }
  if (manual) return asFull(fresh(true, null), 'manual_resync')
  if (!account.cursor) return asFull(fresh(false, null), 'first_sync')
  return {
    ...base,
    mode: 'incremental',
    full: base.fallbackFull,
    resumed: false,
    fullReason: null,
    resume: {},
  }
}
