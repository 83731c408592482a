// sync_runs rows and the per-account lock. A `running` row is the lock, shared by every process
// (the app and the CLI open the same database): its resume_state names the owner's pid. A second
// run is refused while that process lives; a row left by a dead process (killed, crashed) is
// marked failed and the new run takes over, continuing its full sync from the saved page.
import type { DbHandle } from '../../db/connection'
import { parseMeta } from '../../db/queries/accounts'
import { AppError } from '@contract/errors'
import { stmt } from '../../db/statement-cache'
import type { ResumeState, SyncMode, SyncRunSummary } from './sync-types'

/** A lock whose owner has not committed anything for this long is taken over. */
export const STALE_LOCK_MS = 60 * 60_000

export interface RunRow {
  id: number
  account_id: number
  mode: SyncMode
  status: 'running' | 'ok' | 'failed' | 'cancelled'
  started_at: string
  finished_at: string | null
  summary: string
  errors: string
  resume_state: string | null
}

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
  const running = stmt<[number], RunRow>(
    dbh.sqlite,
    "SELECT * FROM sync_runs WHERE account_id = ? AND status = 'running' ORDER BY id",
  ).all(accountId)
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
    stmt(
      dbh.sqlite,
      "UPDATE sync_runs SET status = 'failed', finished_at = ?, errors = ? WHERE id = ?",
    ).run(
      new Date(check.now).toISOString(),
      JSON.stringify(['interrupted: the process running this sync ended before it finished']),
      row.id,
    )
  }
  return holder
}

export function latestRun(dbh: DbHandle, accountId: number): RunRow | undefined {
  return stmt<[number], RunRow>(
    dbh.sqlite,
    'SELECT * FROM sync_runs WHERE account_id = ? ORDER BY id DESC LIMIT 1',
  ).get(accountId)
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
  const row = stmt<
    [number],
    {
      email: string
      status: AccountState['status']
      status_reason: string | null
      sync_cursor: string | null
      meta: string
      last_sync_at: string | null
    }
  >(
    dbh.sqlite,
    'SELECT email, status, status_reason, sync_cursor, meta, last_sync_at FROM accounts WHERE id = ?',
  ).get(accountId)
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
    const row = stmt<[number, string, string, string], { id: number }>(
      dbh.sqlite,
      "INSERT INTO sync_runs (account_id, mode, status, started_at, resume_state) VALUES (?, ?, 'running', ?, ?) RETURNING id",
    ).get(accountId, chosen.mode, nowIso, JSON.stringify(state))!
    return { runId: row.id, plan: chosen, account }
  })
}

/** Updates the run's resume state (call inside a write transaction). */
export function saveResumeState(
  dbh: DbHandle,
  runId: number,
  patch: Partial<ResumeState>,
  nowIso: string,
): void {
  const row = stmt<[number], { resume_state: string | null; mode: SyncMode }>(
    dbh.sqlite,
    'SELECT resume_state, mode FROM sync_runs WHERE id = ?',
  ).get(runId)
  const current = parseResume(row?.resume_state ?? null) ?? {
    pid: process.pid,
    heartbeatAt: nowIso,
  }
  const next: ResumeState = { ...current, ...patch, heartbeatAt: nowIso }
  stmt(dbh.sqlite, 'UPDATE sync_runs SET resume_state = ? WHERE id = ?').run(
    JSON.stringify(next),
    runId,
  )
}

export function setRunMode(dbh: DbHandle, runId: number, mode: SyncMode): void {
  stmt(dbh.sqlite, 'UPDATE sync_runs SET mode = ? WHERE id = ?').run(mode, runId)
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
    stmt(
      dbh.sqlite,
      'UPDATE sync_runs SET status = ?, finished_at = ?, summary = ?, errors = ?, mode = ? WHERE id = ?',
    ).run(
      status,
      summary.finished_at,
      JSON.stringify(summary),
      JSON.stringify(summary.errors),
      summary.mode,
      runId,
    )
    const row = stmt<[number], { meta: string }>(
      dbh.sqlite,
      'SELECT meta FROM accounts WHERE id = ?',
    ).get(accountId)
    if (!row) return
    const meta = { ...parseMeta(row.meta), last_sync_summary: summary }
    if (status === 'ok') {
      stmt(
        dbh.sqlite,
        "UPDATE accounts SET meta = ?, last_sync_at = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
      ).run(JSON.stringify(meta), summary.finished_at, accountId)
    } else {
      stmt(
        dbh.sqlite,
        "UPDATE accounts SET meta = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
      ).run(JSON.stringify(meta), accountId)
    }
  })
}

/** Sets the cursor (and clears a served manual resync request) in the caller's transaction. */
export function setCursor(
  dbh: DbHandle,
  accountId: number,
  historyId: string,
  clearResyncBefore?: string,
): void {
  stmt(dbh.sqlite, 'UPDATE accounts SET sync_cursor = ? WHERE id = ?').run(historyId, accountId)
  if (clearResyncBefore === undefined) return
  const row = stmt<[number], { meta: string }>(
    dbh.sqlite,
    'SELECT meta FROM accounts WHERE id = ?',
  ).get(accountId)
  if (!row) return
  const meta = parseMeta(row.meta)
  const requested = meta['manual_resync_requested_at']
  // A request made while this rescan ran is served by the next one.
  if (typeof requested === 'string' && requested <= clearResyncBefore) {
    delete meta['manual_resync_requested_at']
    stmt(dbh.sqlite, 'UPDATE accounts SET meta = ? WHERE id = ?').run(
      JSON.stringify(meta),
      accountId,
    )
  }
}
