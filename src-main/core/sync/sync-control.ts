// What the API and the CLI ask of sync: run now (one account or every active one, in the
// scheduler's order), report what is running, pause background sync, cancel.
import type { SyncRunResult, SyncRunningDto, SyncStatusDto } from '@contract/sync'
import type { DbHandle } from '../../db/connection'
import type { AccountsService } from '../accounts/accounts-service'
import { AppError, isAppError } from '@contract/errors'
import type { EventBus } from '../event-bus'
import { readSettings, writeSettings } from '../settings/settings-store'
import { isPidAlive, parseResume } from './run-store'
import { pickDueAccounts, type SchedulableAccount, type SyncScheduler } from './scheduler'
import { runningRuns } from '../../db/queries/sync-runs'
import type { SyncOptions, SyncService } from './sync-service'
import type { RebuildPairsResult, RebuildPairsStatus } from '@contract/rebuild'
import { rebuildPairTexts, staleTextCount } from './rebuild-texts'

export interface SyncControl {
  /** Runs one account (refusing with sync_in_progress if it is already running) or all. */
  now(input: {
    accountId?: number
    full?: boolean
    since?: Date | null
    signal?: AbortSignal
  }): Promise<SyncRunResult[]>
  status(): SyncStatusDto
  setPaused(paused: boolean): SyncStatusDto
  cancel(accountId?: number): { cancelled: number }
  schedulable(): SchedulableAccount[]
  /** "Rebuild pairs" over the stored mail of one account or all (rebuild-texts.ts). */
  rebuildStatus(accountId?: number): RebuildPairsStatus
  rebuildPairs(accountId?: number): Promise<RebuildPairsResult>
  cancelRebuild(): { cancelled: boolean }
}

export function createSyncControl(deps: {
  dbh: DbHandle
  events: EventBus
  accounts: AccountsService
  sync: SyncService
  scheduler: SyncScheduler
}): SyncControl {
  const { dbh, sync, scheduler } = deps
  /** Bumped by a cancel of every run: a batch of accounts started before it stops too. */
  let cancelAll = 0
  let rebuild: AbortController | null = null

  const schedulable = (): SchedulableAccount[] =>
    deps.accounts.list().map((a) => ({
      id: a.id,
      status: a.status,
      lastSyncAt: a.lastSyncAt,
      manualResyncRequestedAt: a.manualResyncRequestedAt,
    }))

  async function runOne(id: number, options: SyncOptions): Promise<SyncRunResult> {
    try {
      return await sync.run(id, options)
    } catch (e) {
      if (!isAppError(e)) throw e
      const account = deps.accounts.get(id)
      return {
        accountId: id,
        email: account.email,
        runId: null,
        status: e.code === 'sync_in_progress' ? 'already_running' : 'failed',
        summary: null,
        error: { code: e.code, message: e.message },
      }
    }
  }

  function otherProcessRuns(): SyncRunningDto[] {
    const rows = runningRuns(dbh.sqlite)
    return rows
      .filter((r) => !sync.isRunning(r.account_id))
      .filter((r) => {
        const pid = parseResume(r.resume_state)?.pid
        return pid !== undefined && pid !== process.pid && isPidAlive(pid)
      })
      .map((r) => ({
        accountId: r.account_id,
        email: r.email,
        mode: r.mode,
        phase: 'fetching' as const,
        done: 0,
        total: 0,
        startedAt: r.started_at,
        local: false,
      }))
  }

  function status(): SyncStatusDto {
    const settings = readSettings(dbh)
    const next = scheduler.nextRunAt()
    return {
      running: [...sync.running().map((r) => ({ ...r, local: true })), ...otherProcessRuns()],
      paused: settings.backgroundSyncPaused,
      nextRunAt: next === null ? null : new Date(next).toISOString(),
      intervalMinutes: settings.syncIntervalMinutes,
    }
  }

  return {
    async now({ accountId, full, since, signal }) {
      const options: SyncOptions = { full: full ?? false, since: since ?? null, signal }
      if (accountId !== undefined) {
        deps.accounts.get(accountId)
        if (sync.isRunning(accountId)) {
          throw new AppError('sync_in_progress', 'A sync of this account is already running.')
        }
        return [await sync.run(accountId, options)]
      }
      const order = pickDueAccounts(schedulable(), Date.now(), readSettings(dbh), { force: true })
      const results: SyncRunResult[] = []
      const epoch = cancelAll
      for (const id of order) {
        if (signal?.aborted || epoch !== cancelAll) break
        results.push(await runOne(id, options))
      }
      return results
    },
    status,
    setPaused(paused) {
      writeSettings(dbh, { backgroundSyncPaused: paused })
      deps.events.emit('sync.paused', { paused })
      return status()
    },
    cancel(accountId) {
      if (accountId === undefined) cancelAll++
      return { cancelled: sync.cancel(accountId) }
    },
    schedulable,
    rebuildStatus(accountId) {
      if (accountId !== undefined) deps.accounts.get(accountId)
      return { staleMessages: staleTextCount(dbh, accountId ?? null), running: rebuild !== null }
    },
    async rebuildPairs(accountId) {
      const ids = accountId === undefined ? deps.accounts.list().map((a) => a.id) : [accountId]
      if (accountId !== undefined) deps.accounts.get(accountId)
      // One writer of pairs at a time: a sync rebuilds the same threads from the same rows.
      if (rebuild !== null || ids.some((id) => sync.isRunning(id))) {
        throw new AppError(
          'sync_in_progress',
          'A sync or a rebuild is running; rebuild the pairs when it has finished.',
        )
      }
      const controller = new AbortController()
      rebuild = controller
      try {
        return await rebuildPairTexts(dbh, ids, {
          signal: controller.signal,
          onProgress: (p) => deps.events.emit('pairs.rebuild.progress', p),
        })
      } finally {
        rebuild = null
        deps.events.emit('pairs.changed', {})
      }
    },
    cancelRebuild() {
      rebuild?.abort()
      return { cancelled: rebuild !== null }
    },
  }
}
