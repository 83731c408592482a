import { create } from 'zustand'
import type { AppSettings, SettingsPatch } from '../../../src-main/api/contract'
import { call, onEvent } from '../api/client'
import { applyLanguage } from '../i18n'

type Theme = AppSettings['theme']

export function applyTheme(theme: Theme): void {
  const dark =
    theme === 'dark' ||
    (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.dataset.theme = dark ? 'dark' : 'light'
}

interface SettingsState {
  settings: AppSettings | null
  error: { code: string; message: string } | null
  load(): Promise<void>
  update(patch: SettingsPatch): Promise<void>
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  async load() {
    try {
      const settings = await call('settings.get', {})
      applyLanguage(settings.language)
      applyTheme(settings.theme)
      set({ settings, error: null })
    } catch (e) {
      const err = e as { code?: string; message: string }
      set({ error: { code: err.code ?? 'internal', message: err.message } })
    }
  },
  async update(patch) {
    // Language and theme apply at once; the core confirms with the stored settings.
    if (patch.language !== undefined) applyLanguage(patch.language)
    if (patch.theme !== undefined) applyTheme(patch.theme)
    const settings = await call('settings.update', patch)
    set({ settings, error: null })
  },
}))

onEvent('settings.changed', ({ language, theme }) => {
  applyLanguage(language)
  applyTheme(theme)
  const current = useSettings.getState().settings
  if (current) useSettings.setState({ settings: { ...current, language, theme } })
})

window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  applyTheme(useSettings.getState().settings?.theme ?? 'system')
})
