import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { applyAppearance, watchSystemTheme } from './appearance'
import { onEvent } from './api/client'
import { PAGES, reconnectFromHash, startRouting, useRoute, type Page } from './stores/route-store'
import { startSettingsSync, useSettings } from './stores/settings-store'
import { startAccountsSync, useAccounts } from './stores/accounts-store'
import { startSyncEvents, useSync } from './stores/sync-store'
import { startReviewSync } from './stores/review-store'
import { AccountsPage } from './pages/accounts-page'
import { ReviewPage } from './pages/review-page'
import { SettingsPage } from './pages/settings-page'
import { DraftsPage } from './pages/drafts-page'

const VIEWS: Record<Page, () => React.JSX.Element> = {
  accounts: AccountsPage,
  review: ReviewPage,
  drafts: DraftsPage,
  settings: SettingsPage,
}

export function App() {
  const { t } = useTranslation()
  const { page, go } = useRoute()
  const language = useSettings((s) => s.settings?.language)
  const theme = useSettings((s) => s.settings?.theme)
  const syncing = useSync((s) => s.running.length > 0)
  const accountErrors = useAccounts(
    (s) => s.accounts?.filter((a) => a.status === 'error').length ?? 0,
  )

  useEffect(() => {
    void useSettings.getState().load()
    void useAccounts.getState().load()
    const reconnect = reconnectFromHash(location.hash)
    if (reconnect !== null) useAccounts.getState().setHighlight(reconnect)
    const stops = [
      startRouting(),
      // The tray or a notification asked for a page (and maybe an account to reconnect).
      onEvent('app.navigate', ({ page, reconnectAccountId }) => {
        useRoute.getState().go(page)
        if (reconnectAccountId !== undefined)
          useAccounts.getState().setHighlight(reconnectAccountId)
      }),
      startSettingsSync(),
      startAccountsSync(),
      startSyncEvents(),
      startReviewSync(),
      watchSystemTheme(() => useSettings.getState().settings?.theme ?? 'system'),
    ]
    return () => stops.forEach((stop) => stop())
  }, [])

  useEffect(() => {
    if (language !== undefined && theme !== undefined) applyAppearance({ language, theme })
  }, [language, theme])

  const View = VIEWS[page]
  return (
    <div className="frame">
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">
          <span className="logo" aria-hidden="true">
            R
          </span>
          <span>{t('app.name')}</span>
        </div>
        <ul>
          {PAGES.map((p) => (
            <li key={p}>
              <a
                href={`#/${p}`}
                aria-current={p === page ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault()
                  go(p)
                }}
              >
                <span>{t(`nav.${p}`)}</span>
                {p === 'accounts' && accountErrors > 0 && (
                  <span className="nav-badge bad-badge" aria-hidden="true">
                    !
                  </span>
                )}
                {p === 'accounts' && syncing && accountErrors === 0 && (
                  <span className="nav-badge spinner small-spinner" aria-hidden="true" />
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <View />
      </main>
    </div>
  )
}
