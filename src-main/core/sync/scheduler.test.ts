// The scheduler's decisions are a pure function; the timer runs on an injected clock.
import { describe, expect, it } from 'vitest'
import {
  nextDueAt,
  pickDueAccounts,
  SyncScheduler,
  type SchedulableAccount,
  type SchedulerClock,
} from './scheduler'

const T = Date.parse('2026-11-25T12:00:00.000Z')
const min = 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const acct = (id: number, over: Partial<SchedulableAccount> = {}): SchedulableAccount => ({
  id,
  status: 'active',
  lastSyncAt: iso(T - 10 * min),
  manualResyncRequestedAt: null,
  ...over,
})
const settings = { syncIntervalMinutes: 5, backgroundSyncPaused: false }

describe('pickDueAccounts', () => {
  it('takes accounts not synced within the interval, least recently synced first', () => {
    const accounts = [
      acct(1, { lastSyncAt: iso(T - 6 * min) }),
      acct(2, { lastSyncAt: iso(T - 2 * min) }),
      acct(3, { lastSyncAt: iso(T - 60 * min) }),
      acct(4, { lastSyncAt: null }),
    ]
    expect(pickDueAccounts(accounts, T, settings)).toEqual([4, 3, 1])
  })
  it('puts manual resync requests first, oldest request first, even if synced recently', () => {
    const accounts = [
      acct(1, { lastSyncAt: iso(T - 60 * min) }),
      acct(2, { lastSyncAt: iso(T - 1 * min), manualResyncRequestedAt: iso(T - 30_000) }),
      acct(3, { lastSyncAt: iso(T - 1 * min), manualResyncRequestedAt: iso(T - 90_000) }),
    ]
    expect(pickDueAccounts(accounts, T, settings)).toEqual([3, 2, 1])
  })
  it('skips disabled and errored accounts, and everything while paused', () => {
    const accounts = [acct(1, { status: 'disabled' }), acct(2, { status: 'error' }), acct(3)]
    expect(pickDueAccounts(accounts, T, settings)).toEqual([3])
    expect(pickDueAccounts(accounts, T, { ...settings, backgroundSyncPaused: true })).toEqual([])
    expect(
      pickDueAccounts(accounts, T, { ...settings, backgroundSyncPaused: true }, { force: true }),
    ).toEqual([3])
  })
  it('a failed attempt counts as an attempt: no retry before the interval', () => {
    const attempts = new Map([[1, T - 1 * min]])
    expect(
      pickDueAccounts([acct(1, { lastSyncAt: iso(T - 60 * min) })], T, settings, {
        lastAttemptAt: attempts,
      }),
    ).toEqual([])
  })
  it('nextDueAt is the earliest time an account becomes due', () => {
    expect(nextDueAt([acct(1, { lastSyncAt: iso(T - 2 * min) })], T, settings)).toBe(T + 3 * min)
    expect(nextDueAt([acct(1)], T, { ...settings, backgroundSyncPaused: true })).toBeNull()
  })
})

class FakeClock implements SchedulerClock {
  t = T
  timers: Array<{ at: number; fn: () => void; id: number }> = []
  private ids = 0
  now = () => this.t
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.ids
    this.timers.push({ at: this.t + ms, fn, id })
    return id
  }
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== h)
  }
  async advance(ms: number) {
    this.t += ms
    for (;;) {
      const due = this.timers.filter((x) => x.at <= this.t).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.timers = this.timers.filter((x) => x !== due)
      due.fn()
      await new Promise((r) => setImmediate(r))
    }
  }
}

describe('SyncScheduler', () => {
  it('syncs due accounts one at a time on its clock, and stops when paused', async () => {
    const clock = new FakeClock()
    const accounts = [acct(1, { lastSyncAt: null }), acct(2, { lastSyncAt: iso(T - 30 * min) })]
    const s = { ...settings }
    const ran: number[] = []
    let running = 0
    let peak = 0
    const scheduler = new SyncScheduler({
      clock,
      listAccounts: () => accounts,
      settings: () => s,
      runAccount: async (id) => {
        peak = Math.max(peak, ++running)
        ran.push(id)
        await new Promise((r) => setImmediate(r))
        running--
        const a = accounts.find((x) => x.id === id)!
        a.lastSyncAt = iso(clock.now())
      },
      firstCheckMs: 5_000,
      checkEveryMs: 30_000,
    })
    scheduler.start()
    await clock.advance(4_000)
    expect(ran).toEqual([])
    await clock.advance(1_000)
    await scheduler.tick()
    expect(ran).toEqual([1, 2])
    expect(peak).toBe(1)
    await clock.advance(60_000)
    expect(ran).toEqual([1, 2])
    expect(scheduler.nextRunAt()).toBe(T + 5_000 + 5 * min)
    s.backgroundSyncPaused = true
    await clock.advance(10 * min)
    expect(ran).toEqual([1, 2])
    expect(scheduler.nextRunAt()).toBeNull()
    s.backgroundSyncPaused = false
    await clock.advance(30_000)
    await scheduler.tick()
    expect(ran).toEqual([1, 2, 1, 2])
    await scheduler.stop()
    expect(clock.timers).toEqual([])
  })

  it('a failing account does not stop the round', async () => {
    const clock = new FakeClock()
    const ran: number[] = []
    const errors: number[] = []
    const scheduler = new SyncScheduler({
      clock,
      listAccounts: () => [acct(1), acct(2)],
      settings: () => settings,
      runAccount: async (id) => {
        ran.push(id)
        if (id === 1) throw new Error('offline')
      },
      onError: (id) => errors.push(id),
    })
    await scheduler.tick()
    expect(ran).toEqual([1, 2])
    expect(errors).toEqual([1])
  })
})
