// sync_runs rows: the `running` row that is each account's lock, its resume state, and the
// closing status and summary. Callers wrap these in DbHandle.write where they must be atomic.
import type { SyncMode } from '@contract/sync'
import type { Sqlite } from '../connection'
import { stmt } from '../statement-cache'

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

export function runningRunsOf(sqlite: Sqlite, accountId: number): RunRow[] {
  return stmt<[number], RunRow>(
    sqlite,
    "SELECT * FROM sync_runs WHERE account_id = ? AND status = 'running' ORDER BY id",
  ).all(accountId)
}

export interface RunningRunRow {
  account_id: number
  mode: SyncMode
  started_at: string
  resume_state: string | null
  email: string
}

/** Every account's running row, with the account's address. */
export function runningRuns(sqlite: Sqlite): RunningRunRow[] {
  return stmt<[], RunningRunRow>(
    sqlite,
    `SELECT r.account_id, r.mode, r.started_at, r.resume_state, a.email FROM sync_runs r
     JOIN accounts a ON a.id = r.account_id WHERE r.status = 'running'`,
  ).all()
}

export function latestRunOf(sqlite: Sqlite, accountId: number): RunRow | undefined {
  return stmt<[number], RunRow>(
    sqlite,
    'SELECT * FROM sync_runs WHERE account_id = ? ORDER BY id DESC LIMIT 1',
  ).get(accountId)
}

export function insertRunningRun(
  sqlite: Sqlite,
  accountId: number,
  mode: SyncMode,
  startedAt: string,
  resumeJson: string,
): number {
  return stmt<[number, string, string, string], { id: number }>(
    sqlite,
    "INSERT INTO sync_runs (account_id, mode, status, started_at, resume_state) VALUES (?, ?, 'running', ?, ?) RETURNING id",
  ).get(accountId, mode, startedAt, resumeJson)!.id
}

/** Closes a run left by a process that is gone. */
export function markRunFailed(
  sqlite: Sqlite,
  runId: number,
  finishedAt: string,
  errorsJson: string,
): void {
  stmt(
    sqlite,
    "UPDATE sync_runs SET status = 'failed', finished_at = ?, errors = ? WHERE id = ?",
  ).run(finishedAt, errorsJson, runId)
}

export function runResumeRow(
  sqlite: Sqlite,
  runId: number,
): { resume_state: string | null; mode: SyncMode } | undefined {
  return stmt<[number], { resume_state: string | null; mode: SyncMode }>(
    sqlite,
    'SELECT resume_state, mode FROM sync_runs WHERE id = ?',
  ).get(runId)
}

export function setRunResumeState(sqlite: Sqlite, runId: number, resumeJson: string): void {
  stmt(sqlite, 'UPDATE sync_runs SET resume_state = ? WHERE id = ?').run(resumeJson, runId)
}

export function setRunMode(sqlite: Sqlite, runId: number, mode: SyncMode): void {
  stmt(sqlite, 'UPDATE sync_runs SET mode = ? WHERE id = ?').run(mode, runId)
}

export function closeRun(
  sqlite: Sqlite,
  runId: number,
  close: {
    status: 'ok' | 'failed' | 'cancelled'
    finishedAt: string
    summaryJson: string
    errorsJson: string
    mode: SyncMode
  },
): void {
  stmt(
    sqlite,
    'UPDATE sync_runs SET status = ?, finished_at = ?, summary = ?, errors = ?, mode = ? WHERE id = ?',
  ).run(close.status, close.finishedAt, close.summaryJson, close.errorsJson, close.mode, runId)
}
