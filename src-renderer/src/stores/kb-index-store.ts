// The embeddings index as Settings shows it: counts, and a running job's progress from
// kb.progress events. Plain data: runs under Node.
import { create } from 'zustand'
import type { KbEstimate, KbProgress, KbStatus } from '@contract'
import { call, onEvent, toFailure, type Failure } from '../api/client'

interface KbIndexState {
  status: KbStatus | null
  running: boolean
  progress: KbProgress | null
  /** What the first run will send, counted before anything is sent. */
  estimate: KbEstimate | null
  error: Failure | null
  load(): Promise<void>
  embed(): Promise<void>
}

export const useKbIndex = create<KbIndexState>((set) => ({
  status: null,
  running: false,
  progress: null,
  estimate: null,
  error: null,
  async load() {
    try {
      const status = await call('kb.status', {})
      set({ status })
      // Before the first run of this model and size (a new choice included): what it will cost.
      const firstRun = status.embedded === 0 && status.pending > 0
      set({ estimate: firstRun ? await call('kb.estimate', {}) : null })
    } catch (e) {
      set({ error: toFailure(e) })
    }
  },
  async embed() {
    set({ running: true, progress: null, error: null })
    try {
      const r = await call('kb.embed', {})
      set({ status: r.status, running: false })
    } catch (e) {
      set({ error: toFailure(e), running: false })
      await useKbIndex.getState().load()
    }
  },
}))

export function startKbIndexEvents(): () => void {
  return onEvent('kb.progress', (progress) => useKbIndex.setState({ progress }))
}
