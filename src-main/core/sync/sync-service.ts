// One sync run per account: take the account's lock (a `running` sync_runs row, shared with
// other processes), choose the mode, run it under a quota limiter, and record the summary on
// the run and the account. Progress goes out as throttled `sync.progress` events; an
// AbortSignal (cancel, app quit) stops the run between calls, and whatever was committed stays.
import { setMaxListeners } from 'node:events'
import type { SyncRunResult } from '@contract/sync'
import type { DbHandle } from '../../db/connection'
import type { AccountsService } from '../accounts/accounts-service'
import { AppError, toAppError } from '@contract/errors'
import type { EventBus } from '../event-bus'
import type { GmailClientFactory } from '../google/gmail-client'
import { createLogger } from '../logging/logger'
import { readSetting } from '../settings/settings-store'
import { createDecodePool, defaultWorkerCount } from './decode-pool'
import { GmailCallError } from '../gmail/gmail-calls'
import { runFullSync } from './full-sync'
import { runIncrementalSync } from './incremental-sync'
import { realClock, type LimiterClock } from '../gmail/quota-limiter'
import { failureToAppError } from '../gmail/retry-policy'
import { buildRunContext } from './run-context'
import { planRun, type RunPlan } from './run-plan'
import { acquireRun, finishRun, setRunMode } from './run-store'
import { buildSummary } from './summary'
import { newCounters, type SyncMode, type SyncPhase } from './sync-types'

const log = createLogger('sync')
const PROGRESS_EVERY_MS = 100

export interface SyncOptions {
  /** Rescan everything and refresh stored rows (CLI --full, "Resync"). */
  full?: boolean
  /** List from this date instead of the lookback setting (CLI --since). */
  since?: Date | null
  signal?: AbortSignal
}

export type { SyncRunResult }

export interface RunningSync {
  accountId: number
  email: string
  runId: number
  mode: SyncMode
  phase: SyncPhase
  done: number
  total: number
  startedAt: string
}

export interface SyncService {
  run(accountId: number, options?: SyncOptions): Promise<SyncRunResult>
  running(): RunningSync[]
  isRunning(accountId: number): boolean
  /** Cancels the given account's run, or all runs; returns how many were asked to stop. */
  cancel(accountId?: number): number
  /** Cancels everything and waits for the runs to close their rows (app quit). */
  close(): Promise<void>
}

export interface SyncDeps {
  dbh: DbHandle
  events: EventBus
  accounts: AccountsService
  gmail: GmailClientFactory
  env: NodeJS.ProcessEnv
  clock?: LimiterClock
}

interface Entry extends RunningSync {
  controller: AbortController
  lastEmit: number
  promise: Promise<SyncRunResult>
}

/** Account statuses a failed run leaves behind: the reasons a person has to act on. */
const ACCOUNT_ERRORS = new Set([
  'token_revoked',
  'scope_denied',
  'domain_policy',
  'auth_failed',
  'not_connected',
])

export function createSyncService(deps: SyncDeps): SyncService {
  const { dbh, events } = deps
  const clock = deps.clock ?? realClock
  const entries = new Map<number, Entry>()
  const pool = createDecodePool({ workers: defaultWorkerCount(deps.env) })
  const ownRunIds = (): Set<number> => new Set([...entries.values()].map((e) => e.runId))

  function emitProgress(e: Entry, phase: SyncPhase, done: number, total: number): void {
    const now = clock.now()
    const changed = phase !== e.phase
    e.phase = phase
    e.done = done
    e.total = total
    if (!changed && done < total && now - e.lastEmit < PROGRESS_EVERY_MS) return
    e.lastEmit = now
    events.emit('sync.progress', { accountId: e.accountId, phase, done, total })
  }

  async function execute(e: Entry, plan: RunPlan, signal: AbortSignal): Promise<SyncRunResult> {
    const started = clock.now()
    const counters = newCounters()
    let mode: SyncMode = plan.mode
    let fullReason = plan.fullReason
    let status: SyncRunResult['status'] = 'ok'
    let error: AppError | null = null
    try {
      const client = await deps.gmail.clientFor({ id: e.accountId, email: plan.account.email })
      const rc = buildRunContext({
        dbh,
        env: deps.env,
        clock,
        pool,
        client,
        account: plan.account,
        accountId: e.accountId,
        runId: e.runId,
        signal,
        counters,
        progress: (phase, done, total) => emitProgress(e, phase, done, total),
      })
      if (plan.mode === 'incremental' && plan.cursor) {
        const outcome = await runIncrementalSync(rc, plan.cursor)
        if (outcome === 'expired') {
          log.info({ accountId: e.accountId }, 'history expired: full sync')
          mode = 'full'
          fullReason = 'history_expired'
          dbh.write(() => setRunMode(dbh, e.runId, 'full'))
          await runFullSync(rc, plan.fallbackFull)
        }
      } else {
        await runFullSync(rc, plan.full)
      }
      if (plan.account.status === 'error') deps.accounts.markActive(e.accountId)
    } catch (err) {
      error =
        err instanceof GmailCallError ? failureToAppError(err.failure, e.email) : toAppError(err)
      status = error.code === 'cancelled' || signal.aborted ? 'cancelled' : 'failed'
      if (status === 'cancelled') error = new AppError('cancelled', 'The sync was cancelled.')
      if (ACCOUNT_ERRORS.has(error.code)) deps.accounts.markError(e.accountId, error.code)
      counters.errors.push(`${error.code}: ${error.message}`)
      if (error.code === 'internal') log.error({ accountId: e.accountId, err }, 'sync failed')
      else log.warn({ accountId: e.accountId, code: error.code }, 'sync ended early')
    } finally {
      // Stops any call still queued or in flight after a failure.
      e.controller.abort()
    }
    const summary = buildSummary(
      counters,
      mode,
      clock.now() - started,
      new Date(clock.now()).toISOString(),
      {
        resumed: plan.resumed,
        fullReason,
      },
    )
    finishRun(dbh, e.runId, e.accountId, status, summary)
    return {
      accountId: e.accountId,
      email: e.email,
      runId: e.runId,
      status,
      summary,
      error: error ? { code: error.code, message: error.message } : null,
    }
  }

  async function run(accountId: number, options: SyncOptions = {}): Promise<SyncRunResult> {
    if (entries.has(accountId)) {
      throw new AppError('sync_in_progress', 'A sync of this account is already running.')
    }
    const now = clock.now()
    const { runId, plan, account } = acquireRun(
      dbh,
      accountId,
      { ownRunIds: ownRunIds(), now, pid: process.pid },
      (previous, acct) => {
        if (acct.status === 'disabled') {
          throw new AppError('account_disabled', `${acct.email} is disabled; enable it to sync.`)
        }
        return planRun({
          previous,
          account: acct,
          full: options.full ?? false,
          since: options.since ?? null,
          lookbackDays: readSetting(dbh, 'lookbackDays'),
          now,
        })
      },
    )
    const controller = new AbortController()
    const signal = options.signal
      ? AbortSignal.any([controller.signal, options.signal])
      : controller.signal
    // Every queued Gmail call listens for the abort: dozens at once is normal, not a leak.
    setMaxListeners(0, controller.signal, signal)
    const entry: Entry = {
      accountId,
      email: account.email,
      runId,
      mode: plan.mode,
      phase: 'starting',
      done: 0,
      total: 0,
      startedAt: new Date(now).toISOString(),
      controller,
      lastEmit: 0,
      promise: Promise.resolve(null as unknown as SyncRunResult),
    }
    entries.set(accountId, entry)
    events.emit('sync.started', { accountId, mode: plan.mode })
    entry.promise = execute(entry, plan, signal)
    try {
      const result = await entry.promise
      events.emit('sync.finished', {
        accountId,
        status: result.status,
        summary: result.summary,
        error: result.error,
      })
      return result
    } finally {
      entries.delete(accountId)
      deps.accounts.notifyChanged(accountId)
    }
  }

  return {
    run,
    running: () =>
      [...entries.values()].map(
        ({ accountId, email, runId, mode, phase, done, total, startedAt }) => ({
          accountId,
          email,
          runId,
          mode,
          phase,
          done,
          total,
          startedAt,
        }),
      ),
    isRunning: (id) => entries.has(id),
    cancel(accountId) {
      let n = 0
      for (const e of entries.values()) {
        if (accountId !== undefined && e.accountId !== accountId) continue
        e.controller.abort()
        n++
      }
      return n
    },
    async close() {
      const pending = [...entries.values()].map((e) => {
        e.controller.abort()
        return e.promise.catch(() => undefined)
      })
      await Promise.all(pending)
      await pool.close()
    },
  }
}
