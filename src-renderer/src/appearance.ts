// Applies the stored language and theme to the document (the stores only hold data).
import type { AppSettings } from '@contract'
import { applyLanguage } from './i18n'

export function applyTheme(theme: AppSettings['theme']): void {
  const dark =
    theme === 'dark' ||
    (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.dataset.theme = dark ? 'dark' : 'light'
}

export function applyAppearance(settings: Pick<AppSettings, 'language' | 'theme'>): void {
  applyLanguage(settings.language)
  applyTheme(settings.theme)
}

/** Follows the system theme while the setting says "system". */
export function watchSystemTheme(current: () => AppSettings['theme']): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  const onChange = (): void => applyTheme(current())
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
