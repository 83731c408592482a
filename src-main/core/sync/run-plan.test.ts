import { describe, expect, it } from 'vitest'
import { listWindow } from './full-sync'
import { planRun } from './run-plan'
import type { AccountState, RunRow } from './run-store'

const NOW = Date.parse('2026-11-25T12:00:00.000Z')
const account = (over: Partial<AccountState> = {}): AccountState => ({
  email: 'a@b.c',
  status: 'active',
  statusReason: null,
  cursor: '1234',
  meta: {},
  lastSyncAt: null,
  ...over,
})
const run = (over: Partial<RunRow>, resume: object | null): RunRow => ({
  id: 1,
  account_id: 1,
  mode: 'full',
  status: 'failed',
  started_at: '2026-11-25T11:00:00.000Z',
  finished_at: null,
  summary: '{}',
  errors: '[]',
  resume_state: resume ? JSON.stringify({ pid: 1, heartbeatAt: 'x', ...resume }) : null,
  ...over,
})
const base = { previous: undefined, full: false, since: null, lookbackDays: 180, now: NOW }

describe('listWindow', () => {
  it('lists the lookback window by epoch seconds and never drafts', () => {
    expect(listWindow(30, null, NOW)).toEqual({
      q: `-in:drafts after:${Math.floor((NOW - 30 * 86_400_000) / 1000)}`,
      windowStart: new Date(NOW - 30 * 86_400_000).toISOString(),
    })
    expect(listWindow(0, null, NOW)).toEqual({ q: '-in:drafts', windowStart: null })
    expect(listWindow(180, new Date('2026-01-01'), NOW).q).toBe(
      `-in:drafts after:${Date.parse('2026-01-01') / 1000}`,
    )
  })
})

describe('planRun', () => {
  it('an account with a cursor syncs incrementally', () => {
    const p = planRun({ ...base, account: account() })
    expect(p.mode).toBe('incremental')
    expect(p.cursor).toBe('1234')
  })
  it('no cursor means a first full sync', () => {
    expect(planRun({ ...base, account: account({ cursor: null }) })).toMatchObject({
      mode: 'full',
      fullReason: 'first_sync',
      resumed: false,
    })
  })
  it('continues an unfinished full sync from its saved page and baseline', () => {
    const previous = run(
      {},
      {
        baselineHistoryId: '900',
        q: '-in:drafts',
        windowStart: null,
        pageToken: 'P3',
        pagesDone: 2,
      },
    )
    const p = planRun({ ...base, previous, account: account({ cursor: null }) })
    expect(p).toMatchObject({ mode: 'full', resumed: true })
    expect(p.full).toMatchObject({
      baselineHistoryId: '900',
      pageToken: 'P3',
      pagesDone: 2,
      partial: true,
    })
  })
  it('does not resume a run whose last page was committed', () => {
    const previous = run({}, { baselineHistoryId: '900', q: '', pageToken: null, pagesDone: 4 })
    expect(planRun({ ...base, previous, account: account() }).mode).toBe('incremental')
  })
  it('a manual resync request means a full rescan that clears the request', () => {
    const p = planRun({
      ...base,
      account: account({ meta: { manual_resync_requested_at: '2026-11-25T11:59:00.000Z' } }),
    })
    expect(p).toMatchObject({ mode: 'full', fullReason: 'manual_resync' })
    expect(p.full.rescan).toBe(true)
    expect(p.full.clearResyncBefore).toBe(new Date(NOW).toISOString())
  })
  it('--full rescans; --since lists from that date without refetching', () => {
    expect(planRun({ ...base, full: true, account: account() }).full.rescan).toBe(true)
    const since = planRun({ ...base, since: new Date('2026-06-01'), account: account() })
    expect(since.full).toMatchObject({ rescan: false, windowStart: '2026-06-01T00:00:00.000Z' })
  })
})
