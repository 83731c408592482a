// Sync as the UI sees it: live progress per account (sync.* events, background runs too), the
// "Sync now" call and its result dialog, and pausing background sync.
import { create } from 'zustand'
import type { SyncPhase, SyncRunResult } from '@contract'
import { call, onEvent, toFailure, type Failure } from '../api/client'
import { useAccounts } from './accounts-store'
import { useSettings } from './settings-store'

export interface SyncProgressView {
  phase: SyncPhase
  done: number
  total: number
}

export interface SyncResult {
  items: Array<Pick<SyncRunResult, 'accountId' | 'email' | 'status' | 'summary' | 'error'>>
  /** The call itself failed (nothing ran). */
  error: Failure | null
}

/** In `running`, stands for "every account" (a sync started without an account id). */
export const ALL_ACCOUNTS = 0

interface SyncState {
  progress: Record<number, SyncProgressView | undefined>
  /** Account ids syncing now (ALL_ACCOUNTS while a "sync all" call runs). */
  running: number[]
  result: SyncResult | null
  syncNow(accountId?: number): Promise<void>
  closeResult(): void
  /** Loads what is running already (a background sync started before the page opened). */
  loadStatus(): Promise<void>
  setPaused(paused: boolean): Promise<boolean>
  pauseError: Failure | null
}

function without(list: number[], id: number): number[] {
  return list.filter((k) => k !== id)
}

function withId(list: number[], id: number): number[] {
  return list.includes(id) ? list : [...list, id]
}

export const useSync = create<SyncState>((set, get) => ({
  progress: {},
  running: [],
  result: null,
  pauseError: null,
  async syncNow(accountId) {
    const key = accountId ?? ALL_ACCOUNTS
    if (get().running.includes(key)) return
    set({ running: withId(get().running, key) })
    let result: SyncResult
    try {
      const runs = await call('sync.now', accountId === undefined ? {} : { accountId })
      result = { items: runs, error: null }
    } catch (e) {
      result = { items: [], error: toFailure(e) }
    }
    set({ running: without(get().running, key), result })
    void useAccounts.getState().load()
  },
  closeResult: () => set({ result: null }),
  async loadStatus() {
    try {
      const status = await call('sync.status', {})
      const progress = { ...get().progress }
      for (const r of status.running) progress[r.accountId] = r
      set({
        progress,
        running: status.running.reduce((list, r) => withId(list, r.accountId), get().running),
      })
      mirrorPaused(status.paused)
    } catch {
      // Progress still arrives by events; the status is a convenience.
    }
  },
  async setPaused(paused) {
    const before = useSettings.getState().settings?.backgroundSyncPaused
    mirrorPaused(paused)
    try {
      const status = await call('sync.setPaused', { paused })
      mirrorPaused(status.paused)
      set({ pauseError: null })
      return true
    } catch (e) {
      if (before !== undefined) mirrorPaused(before)
      set({ pauseError: toFailure(e) })
      return false
    }
  },
}))

/** The paused flag is a setting too; keep the settings store in step. */
function mirrorPaused(paused: boolean): void {
  const settings = useSettings.getState().settings
  if (settings && settings.backgroundSyncPaused !== paused) {
    useSettings.setState({ settings: { ...settings, backgroundSyncPaused: paused } })
  }
}

export function startSyncEvents(): () => void {
  void useSync.getState().loadStatus()
  const offs = [
    onEvent('sync.started', ({ accountId }) => {
      const s = useSync.getState()
      useSync.setState({
        running: withId(s.running, accountId),
        progress: { ...s.progress, [accountId]: { phase: 'starting', done: 0, total: 0 } },
      })
    }),
    onEvent('sync.progress', ({ accountId, phase, done, total }) => {
      const s = useSync.getState()
      useSync.setState({
        progress: { ...s.progress, [accountId]: { phase, done, total } },
        running: withId(s.running, accountId),
      })
    }),
    onEvent('sync.finished', ({ accountId }) => {
      const s = useSync.getState()
      useSync.setState({
        progress: { ...s.progress, [accountId]: undefined },
        running: without(s.running, accountId),
      })
      void useAccounts.getState().load()
    }),
    onEvent('sync.paused', ({ paused }) => mirrorPaused(paused)),
  ]
  return () => offs.forEach((off) => off())
}
