import { z } from 'zod'
import type { SyncSummary } from './accounts'
import { method, noInput, type NoInput, rowId } from './define'

export type SyncMode = 'full' | 'incremental'
export type SyncPhase = 'starting' | 'listing' | 'fetching' | 'history' | 'finishing'

/** What a run records in sync_runs.summary: the account's SyncSummary plus diagnostics. */
export interface SyncRunSummary extends SyncSummary {
  pairs_updated: number
  pairs_deleted: number
  pairs_orphaned: number
  messages_parse_failed: number
  /** Listed, then gone before messages.get (deleted meanwhile): skipped. */
  messages_vanished: number
  /** Failed Gmail calls that were retried (rate limits, 5xx, network). */
  retries: number
  rate_limited: number
  /** The run continued a full sync an earlier run left unfinished. */
  resumed: boolean
  /** Why the run was a full sync: first_sync, history_expired, manual_resync, requested, resumed. */
  full_reason: string | null
}

export interface SyncRunResult {
  accountId: number
  email: string
  runId: number | null
  /** already_running: another run of this account (this process or another) was in progress. */
  status: 'ok' | 'failed' | 'cancelled' | 'already_running'
  summary: SyncRunSummary | null
  error: { code: string; message: string } | null
}

export interface SyncProgress {
  accountId: number
  phase: SyncPhase
  done: number
  total: number
}

export interface SyncRunningDto extends SyncProgress {
  email: string
  mode: SyncMode | null
  startedAt: string
  /** False for a run held by another ReplyBase process (the CLI): no live progress. */
  local: boolean
}

export interface SyncStatusDto {
  running: SyncRunningDto[]
  /** Background sync paused (Settings / tray). */
  paused: boolean
  /** When the scheduler looks for due accounts next; null when it is not running (CLI). */
  nextRunAt: string | null
  intervalMinutes: number
}

const accountId = rowId
/** A calendar day, YYYY-MM-DD (UTC). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date')
const nowInput = z
  .object({
    accountId: accountId.optional(),
    full: z.boolean().optional(),
    /** Fetch only mail from this day on (a full sync's window; default: the lookback setting). */
    since: day.optional(),
  })
  .strict()
const pausedInput = z.object({ paused: z.boolean() }).strict()
const cancelInput = z.object({ accountId: accountId.optional() }).strict()

export const syncContract = {
  /** Runs the given account, or every active account, one after another; resolves when done.
   * A given account that is already syncing is refused with `sync_in_progress`; `sync.cancel`
   * without an account stops the rest of such a batch too. */
  'sync.now': method<typeof nowInput, SyncRunResult[]>(nowInput),
  'sync.status': method<NoInput, SyncStatusDto>(noInput),
  'sync.setPaused': method<typeof pausedInput, SyncStatusDto>(pausedInput),
  'sync.cancel': method<typeof cancelInput, { cancelled: number }>(cancelInput),
}
