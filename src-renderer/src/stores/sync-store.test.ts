import { beforeEach, describe, expect, it } from 'vitest'
import type { AppSettings, SyncRunResult } from '@contract'
import { setTransport } from '../api/client'
import { createFakeTransport, FakeFailure, flush, type FakeTransport } from '../test/fake-transport'
import { useSettings } from './settings-store'
import { ALL_ACCOUNTS, startSyncEvents, useSync } from './sync-store'

const initial = useSync.getState()
let t: FakeTransport

const run = (over: Partial<SyncRunResult> = {}): SyncRunResult => ({
  accountId: 1,
  email: 'support@acme.example',
  runId: 7,
  status: 'ok',
  summary: null,
  error: null,
  ...over,
})

beforeEach(() => {
  t = createFakeTransport()
  setTransport(t)
  t.answer('accounts.list', [])
  t.answer('sync.status', { running: [], paused: false, nextRunAt: null, intervalMinutes: 5 })
  useSync.setState(initial, true)
  useSettings.setState({ settings: { backgroundSyncPaused: false } as AppSettings })
})

const state = () => useSync.getState()

describe('sync store', () => {
  it('runs "Sync now" for one account and keeps the result for the dialog', async () => {
    let finish: (r: SyncRunResult[]) => void = () => undefined
    t.answer('sync.now', () => new Promise((resolve) => (finish = resolve)))
    const pending = state().syncNow(1)
    expect(state().running).toEqual([1])
    finish([run()])
    await pending
    expect(state().running).toEqual([])
    expect(state().result).toEqual({ items: [run()], error: null })
    expect(t.callsOf('sync.now')).toEqual([{ accountId: 1 }])
    state().closeResult()
    expect(state().result).toBeNull()
  })

  it('syncs every account without an id, and keeps a refusal as the result', async () => {
    t.answer('sync.now', () => {
      throw new FakeFailure('sync_in_progress', 'already running')
    })
    await state().syncNow()
    expect(t.callsOf('sync.now')).toEqual([{}])
    expect(state().result).toEqual({
      items: [],
      error: { code: 'sync_in_progress', message: 'already running' },
    })
    expect(state().running).not.toContain(ALL_ACCOUNTS)
  })

  it('follows progress events, background runs included, until the run finishes', async () => {
    const stop = startSyncEvents()
    t.emit('sync.started', { accountId: 3, mode: 'full' })
    expect(state().running).toEqual([3])
    t.emit('sync.progress', { accountId: 3, phase: 'fetching', done: 40, total: 160 })
    expect(state().progress[3]).toEqual({ phase: 'fetching', done: 40, total: 160 })
    t.emit('sync.finished', { accountId: 3, status: 'ok', summary: null, error: null })
    expect(state().running).toEqual([])
    expect(state().progress[3]).toBeUndefined()
    stop()
  })

  it('shows a sync already running when the page opens', async () => {
    t.answer('sync.status', {
      running: [
        {
          accountId: 2,
          email: 'a@b',
          mode: 'full',
          startedAt: '',
          local: true,
          phase: 'listing',
          done: 0,
          total: 0,
        },
      ],
      paused: true,
      nextRunAt: null,
      intervalMinutes: 5,
    })
    await state().loadStatus()
    expect(state().running).toEqual([2])
    expect(useSettings.getState().settings?.backgroundSyncPaused).toBe(true)
  })

  it('pauses background sync at once and puts it back when main refuses', async () => {
    t.answer('sync.setPaused', ({ paused }) => ({
      running: [],
      paused,
      nextRunAt: null,
      intervalMinutes: 5,
    }))
    const pending = state().setPaused(true)
    expect(useSettings.getState().settings?.backgroundSyncPaused).toBe(true)
    expect(await pending).toBe(true)
    t.answer('sync.setPaused', () => {
      throw new FakeFailure('db_busy')
    })
    expect(await state().setPaused(false)).toBe(false)
    expect(useSettings.getState().settings?.backgroundSyncPaused).toBe(true)
    expect(state().pauseError?.code).toBe('db_busy')
    const stop = startSyncEvents()
    t.emit('sync.paused', { paused: false })
    await flush()
    expect(useSettings.getState().settings?.backgroundSyncPaused).toBe(false)
    stop()
  })
})
