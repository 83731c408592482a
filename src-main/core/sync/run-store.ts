// sync_runs rows and the per-account lock. A `running` row is the lock, shared by every process
// (the app and the CLI open the same database): its resume_state names the owner's pid. A second
// run is refused while that process lives; a row left by a dead process (killed, crashed) is
// marked failed and the new run takes over, continuing its full sync from the saved page.
import type { DbHandle } from '../../db/connection'
import {
  accountSyncRow,
  parseMeta,
  setSyncCursor,
  updateAccountMetaIn,
} from '../../db/queries/accounts'
import {
  closeRun,
  insertRunningRun,
  latestRunOf,
  markRunFailed,
  runResumeRow,
  runningRunsOf,
  setRunResumeState,
  setRunMode as setRunModeRow,
  type RunRow,
} from '../../db/queries/sync-runs'
import { AppError } from '@contract/errors'
import type { ResumeState, SyncMode, SyncRunSummary } from './sync-types'

export type { RunRow } from '../../db/queries/sync-runs'

/** A lock whose owner has not committed anything for this long is taken over. */
export const STALE_LOCK_MS = 60 * 60_000
export function parseResume(raw: string | null): ResumeState | null {
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as ResumeState
    return v && typeof v === 'object' && typeof v.pid === 'number' ? v : null
  } catch {
    return null
  }
}

export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export interface LockCheck {
  /** Runs of this process that are really in progress (the in-memory registry). */
  ownRunIds: ReadonlySet<number>
  now: number
  pid: number
}

/** The live lock holder, or null; stale rows are closed as failed on the way. */
function liveHolder(dbh: DbHandle, accountId: number, check: LockCheck): RunRow | null {
  const running = runningRunsOf(dbh.sqlite, accountId)
  let holder: RunRow | null = null
  for (const row of running) {
    const state = parseResume(row.resume_state)
    const beat = Date.parse(state?.heartbeatAt ?? row.started_at)
    const alive =
      state !== null &&
      (state.pid === check.pid ? check.ownRunIds.has(row.id) : isPidAlive(state.pid)) &&
      check.now - beat < STALE_LOCK_MS
    if (alive) {
      holder = row
      continue
    }
    markRunFailed(
      dbh.sqlite,
      row.id,
      new Date(check.now).toISOString(),
      JSON.stringify(['interrupted: the process running this sync ended before it finished']),
    )
  }
  return holder
}

export function latestRun(dbh: DbHandle, accountId: number): RunRow | undefined {
  return latestRunOf(dbh.sqlite, accountId)
}

export interface AccountState {
  email: string
  status: 'active' | 'disabled' | 'error'
  statusReason: string | null
  cursor: string | null
  meta: Record<string, unknown>
  lastSyncAt: string | null
}

export function readAccountState(dbh: DbHandle, accountId: number): AccountState {
  const row = accountSyncRow(dbh.sqlite, accountId)
  if (!row) throw new AppError('not_found', `No account with id ${accountId}.`)
  return {
    email: row.email,
    status: row.status,
    statusReason: row.status_reason,
    cursor: row.sync_cursor,
    meta: parseMeta(row.meta),
    lastSyncAt: row.last_sync_at,
  }
}

/**
 * Takes the account's lock: inside one BEGIN IMMEDIATE transaction, checks for a live run,
 * lets `plan` choose the mode from the previous run, and inserts the new `running` row.
 */
export function acquireRun<P extends { mode: SyncMode; resume: Partial<ResumeState> }>(
  dbh: DbHandle,
  accountId: number,
  check: LockCheck,
  plan: (previous: RunRow | undefined, account: AccountState) => P,
): { runId: number; plan: P; account: AccountState } {
  return dbh.write(() => {
    const holder = liveHolder(dbh, accountId, check)
    if (holder) {
      throw new AppError(
        'sync_in_progress',
        `A sync of this account is already running (started ${holder.started_at}); wait for it to finish or cancel it.`,
      )
    }
    const account = readAccountState(dbh, accountId)
    const chosen = plan(latestRun(dbh, accountId), account)
    const nowIso = new Date(check.now).toISOString()
    const state: ResumeState = { ...chosen.resume, pid: check.pid, heartbeatAt: nowIso }
    const runId = insertRunningRun(
      dbh.sqlite,
      accountId,
      chosen.mode,
      nowIso,
      JSON.stringify(state),
    )
    return { runId, plan: chosen, account }
  })
}

/** Updates the run's resume state (call inside a write transaction). */
export function saveResumeState(
  dbh: DbHandle,
  runId: number,
  patch: Partial<ResumeState>,
  nowIso: string,
): void {
  const row = runResumeRow(dbh.sqlite, runId)
  const current = parseResume(row?.resume_state ?? null) ?? {
    pid: process.pid,
    heartbeatAt: nowIso,
  }
  const next: ResumeState = { ...current, ...patch, heartbeatAt: nowIso }
  setRunResumeState(dbh.sqlite, runId, JSON.stringify(next))
}

export function setRunMode(dbh: DbHandle, runId: number, mode: SyncMode): void {
  setRunModeRow(dbh.sqlite, runId, mode)
}

/**
 * Closes the run and records its summary on the account (meta.last_sync_summary; a successful
 * run also sets last_sync_at). The resume state stays on runs that did not finish, so the next
 * run continues them.
 */
export function finishRun(
  dbh: DbHandle,
  runId: number,
  accountId: number,
  status: 'ok' | 'failed' | 'cancelled',
  summary: SyncRunSummary,
): void {
  dbh.write(() => {
    closeRun(dbh.sqlite, runId, {
      status,
      finishedAt: summary.finished_at,
      summaryJson: JSON.stringify(summary),
      errorsJson: JSON.stringify(summary.errors),
      mode: summary.mode,
    })
    updateAccountMetaIn(
      dbh.sqlite,
      accountId,
      (meta) => ({ ...meta, last_sync_summary: summary }),
      status === 'ok' ? summary.finished_at : undefined,
    )
  })
}

/** Sets the cursor (and clears a served manual resync request) in the caller's transaction. */
export function setCursor(
  dbh: DbHandle,
  accountId: number,
  historyId: string,
  clearResyncBefore?: string,
): void {
  setSyncCursor(dbh.sqlite, accountId, historyId)
  if (clearResyncBefore === undefined) return
  updateAccountMetaIn(dbh.sqlite, accountId, (meta) => {
    const requested = meta['manual_resync_requested_at']
    // A request made while this rescan ran is served by the next one.
    if (typeof requested !== 'string' || requested > clearResyncBefore) return null
    const { manual_resync_requested_at: _served, ...rest } = meta
    return rest
  })
}
