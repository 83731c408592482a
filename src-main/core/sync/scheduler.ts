// Background sync in the main process: every few seconds to a minute, sync the accounts that
// are due, one at a time, manual resync requests first, then the least recently synced. The
// decision is a pure function of the accounts, the time and the settings; the timer around it
// takes an injected clock so tests drive it without waiting. The Electron app starts it; it
// keeps running while the window is closed and does nothing while background sync is paused.

export interface SchedulableAccount {
  id: number
  status: 'active' | 'disabled' | 'error'
  lastSyncAt: string | null
  manualResyncRequestedAt: string | null
}

export interface ScheduleSettings {
  syncIntervalMinutes: number
  backgroundSyncPaused: boolean
}

export interface PickOptions {
  /** Start time (ms) of the last attempt per account, successful or not. */
  lastAttemptAt?: ReadonlyMap<number, number>
  /** "Sync now": every active account, paused or not, due or not. */
  force?: boolean
}

const ms = (iso: string | null): number | null => {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isFinite(t) ? t : null
}

/** The accounts to sync now, in order. */
export function pickDueAccounts(
  accounts: readonly SchedulableAccount[],
  now: number,
  settings: ScheduleSettings,
  options: PickOptions = {},
): number[] {
  if (settings.backgroundSyncPaused && !options.force) return []
  const interval = Math.max(1, settings.syncIntervalMinutes) * 60_000
  const due: Array<{ id: number; manual: number | null; last: number }> = []
  for (const a of accounts) {
    if (a.status !== 'active') continue
    const requested = ms(a.manualResyncRequestedAt)
    const synced = ms(a.lastSyncAt)
    const attempted = options.lastAttemptAt?.get(a.id) ?? null
    const latest = Math.max(synced ?? -Infinity, attempted ?? -Infinity)
    const manualDue =
      requested !== null &&
      (attempted === null || attempted < requested || now - attempted >= interval)
    const isDue = options.force || manualDue || latest === -Infinity || now - latest >= interval
    if (isDue)
      due.push({ id: a.id, manual: manualDue ? requested : null, last: synced ?? -Infinity })
  }
  return due
    .sort((x, y) => {
      if ((x.manual === null) !== (y.manual === null)) return x.manual === null ? 1 : -1
      if (x.manual !== null && y.manual !== null && x.manual !== y.manual)
        return x.manual - y.manual
      return x.last - y.last || x.id - y.id
    })
    .map((d) => d.id)
}

/** When the next account becomes due (ms), or null when none will (paused, no accounts). */
export function nextDueAt(
  accounts: readonly SchedulableAccount[],
  now: number,
  settings: ScheduleSettings,
  lastAttemptAt: ReadonlyMap<number, number> = new Map(),
): number | null {
  if (settings.backgroundSyncPaused) return null
  const interval = Math.max(1, settings.syncIntervalMinutes) * 60_000
  let next: number | null = null
  for (const a of accounts) {
    if (a.status !== 'active') continue
    const latest = Math.max(ms(a.lastSyncAt) ?? -Infinity, lastAttemptAt.get(a.id) ?? -Infinity)
    const at =
      a.manualResyncRequestedAt !== null || latest === -Infinity
        ? now
        : Math.max(now, latest + interval)
    next = next === null ? at : Math.min(next, at)
  }
  return next
}

export interface SchedulerClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (fn, delay) => {
    const t = setTimeout(fn, delay)
    // The tray app keeps running by its own means; a pending check must not hold the CLI open.
    t.unref?.()
    return t
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

export interface SchedulerDeps {
  listAccounts(): SchedulableAccount[]
  settings(): ScheduleSettings
  /** Runs one account's sync; rejections are the caller's to log. */
  runAccount(id: number): Promise<unknown>
  clock?: SchedulerClock
  /** How often to look for due accounts (default 30 s). */
  checkEveryMs?: number
  /** Delay of the first look after start (default 5 s: let the window appear first). */
  firstCheckMs?: number
  onError?(accountId: number, e: unknown): void
}

export class SyncScheduler {
  private timer: unknown = null
  private timerAt: number | null = null
  private current: Promise<void> | null = null
  private started = false
  private stopping = false
  private readonly attempts = new Map<number, number>()
  private readonly clock: SchedulerClock

  constructor(private readonly deps: SchedulerDeps) {
    this.clock = deps.clock ?? systemClock
  }

  start(): void {
    if (this.started) return
    this.started = true
    this.stopping = false
    this.schedule(this.deps.firstCheckMs ?? 5_000)
  }

  /** Stops the timer and waits for the account being synced (cancel it first to be quick). */
  async stop(): Promise<void> {
    this.started = false
    this.stopping = true
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    this.timerAt = null
    await this.current
  }

  isStarted(): boolean {
    return this.started
  }

  /** Looks for due accounts and syncs them one after another. */
  tick(): Promise<void> {
    if (this.current) return this.current
    this.current = this.runDue().finally(() => {
      this.current = null
      if (this.started) this.schedule(this.deps.checkEveryMs ?? 30_000)
    })
    return this.current
  }

  /** The next time an account will be synced, as far as the scheduler knows. */
  nextRunAt(): number | null {
    if (!this.started) return null
    const due = nextDueAt(
      this.deps.listAccounts(),
      this.clock.now(),
      this.deps.settings(),
      this.attempts,
    )
    if (due === null) return null
    return this.timerAt === null ? due : Math.max(due, this.timerAt)
  }

  lastAttempts(): ReadonlyMap<number, number> {
    return this.attempts
  }

  private schedule(delay: number): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timerAt = this.clock.now() + delay
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      this.timerAt = null
      void this.tick()
    }, delay)
  }

  private async runDue(): Promise<void> {
    const order = pickDueAccounts(
      this.deps.listAccounts(),
      this.clock.now(),
      this.deps.settings(),
      {
        lastAttemptAt: this.attempts,
      },
    )
    for (const id of order) {
      // Settings may change while an account syncs: pausing stops the rest of the round.
      if (this.stopping || this.deps.settings().backgroundSyncPaused) return
      this.attempts.set(id, this.clock.now())
      try {
        await this.deps.runAccount(id)
      } catch (e) {
        this.deps.onError?.(id, e)
      }
    }
  }
}
