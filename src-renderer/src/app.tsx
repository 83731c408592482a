import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { PAGES, useRoute, type Page } from './stores/route-store'
import { useSettings } from './stores/settings-store'
import { AccountsPage } from './pages/accounts-page'
import { ReviewPage } from './pages/review-page'
import { SettingsPage } from './pages/settings-page'

const VIEWS: Record<Page, () => React.JSX.Element> = {
  accounts: AccountsPage,
  review: ReviewPage,
  settings: SettingsPage,
}

export function App() {
  const { t } = useTranslation()
  const { page, go } = useRoute()
  const load = useSettings((s) => s.load)
  useEffect(() => {
    void load()
  }, [load])
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
                {t(`nav.${p}`)}
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
