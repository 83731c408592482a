// "Rebuild pairs" as Settings shows it: how much stored mail an older version decoded, a
// running rebuild's progress from pairs.rebuild.progress events, and the last result.
import { create } from 'zustand'
import type { RebuildPairsProgress, RebuildPairsResult, RebuildPairsStatus } from '@contract'
import { call, onEvent, toFailure, type Failure } from '../api/client'

interface RebuildState {
  status: RebuildPairsStatus | null
  running: boolean
  progress: RebuildPairsProgress | null
  result: RebuildPairsResult | null
  error: Failure | null
  load(): Promise<void>
  rebuild(): Promise<void>
  cancel(): Promise<void>
}

export const useRebuild = create<RebuildState>((set, get) => ({
  status: null,
  running: false,
  progress: null,
  result: null,
  error: null,
  async load() {
    try {
      const status = await call('pairs.rebuildStatus', {})
      set({ status, running: get().running || status.running })
    } catch (e) {
      set({ error: toFailure(e) })
    }
  },
  async rebuild() {
    set({ running: true, progress: null, result: null, error: null })
    try {
      set({ result: await call('pairs.rebuild', {}), running: false })
    } catch (e) {
      set({ error: toFailure(e), running: false })
    }
    await get().load()
  },
  async cancel() {
    await call('pairs.rebuildCancel', {})
  },
}))

export function startRebuildEvents(): () => void {
  return onEvent('pairs.rebuild.progress', (progress) => useRebuild.setState({ progress }))
}
