import { create } from 'zustand'
import type { AppStatus } from '@contract'
import { call, toFailure, type Failure } from '../api/client'

interface StatusState {
  status: AppStatus | null
  error: Failure | null
  loading: boolean
  refresh(): Promise<void>
}

export const useStatus = create<StatusState>((set) => ({
  status: null,
  error: null,
  loading: false,
  async refresh() {
    set({ loading: true })
    try {
      set({ status: await call('app.status', {}), error: null, loading: false })
    } catch (e) {
      set({ error: toFailure(e), loading: false })
    }
  },
}))
