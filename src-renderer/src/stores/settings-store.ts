// App settings as main stores them. Applying language and theme to the page is the App's job
// (it watches `settings`), so this store stays plain data and runs under Node in tests.
import { create } from 'zustand'
import type { AppSettings, SettingsPatch } from '@contract'
import { call, onEvent, toFailure, type Failure } from '../api/client'

interface SettingsState {
  settings: AppSettings | null
  error: Failure | null
  /** The last update's failure (shown beside the form; the stored settings are unchanged). */
  saveError: Failure | null
  saving: boolean
  load(): Promise<void>
  /** Resolves true when main stored the patch. */
  update(patch: SettingsPatch): Promise<boolean>
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: null,
  error: null,
  saveError: null,
  saving: false,
  async load() {
    try {
      set({ settings: await call('settings.get', {}), error: null })
    } catch (e) {
      set({ error: toFailure(e) })
    }
  },
  async update(patch) {
    const before = get().settings
    // Choices show at once (a checkbox must not wait for the disk); main confirms with the
    // stored settings, or the old ones come back. The secret is write-only: never mirrored.
    const { googleClientSecret: _secret, ...visible } = patch
    if (before) {
      set({
        settings: {
          ...before,
          ...visible,
          ...(visible.googleClientId === '' ? { googleClientId: null } : {}),
        } as AppSettings,
      })
    }
    set({ saving: true, saveError: null })
    try {
      set({ settings: await call('settings.update', patch), error: null, saving: false })
      return true
    } catch (e) {
      set({ settings: before, saveError: toFailure(e), saving: false })
      return false
    }
  },
}))

/** Another window or the CLI changed language or theme. */
export function startSettingsSync(): () => void {
  return onEvent('settings.changed', ({ language, theme }) => {
    const current = useSettings.getState().settings
    if (current) useSettings.setState({ settings: { ...current, language, theme } })
  })
}
