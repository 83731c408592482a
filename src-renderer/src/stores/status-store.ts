import { create } from 'zustand'
import type { AppStatus } from '../../../src-main/api/contract'
import { call } from '../api/client'

interface StatusState {
  status: AppStatus | null
  error: { code: string; message: string } | null
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
      const err = e as { code?: string; message: string }
      set({ error: { code: err.code ?? 'internal', message: err.message }, loading: false })
    }
  },
}))
