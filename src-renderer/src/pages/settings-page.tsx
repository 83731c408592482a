import { useTranslation } from 'react-i18next'
import type { AppSettings } from '@contract'
import { ErrorState, Loading } from '../components/states'
import { useSettings } from '../stores/settings-store'
import { AboutSection } from './settings/about-section'
import { AiSection } from './settings/ai-section'
import { RebuildSection } from './settings/rebuild-section'
import { SyncSection } from './settings/sync-section'
import { SaveNoticeLine, useSaveNotice } from './settings/save-notice'

export function SettingsPage() {
  const { t } = useTranslation()
  const { settings, error, load } = useSettings()
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !settings ? (
        <Loading />
      ) : (
        <>
          <Appearance settings={settings} />
          <AiSection />
          <SyncSection settings={settings} />
          <RebuildSection />
        </>
      )}
      <AboutSection />
    </section>
  )
}

function Appearance({ settings }: { settings: AppSettings }) {
  const { t } = useTranslation()
  // A new language or theme shows for itself: only a failure is said.
  const { notice, save: update } = useSaveNotice()
  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">{t('settings.appearance')}</h2>
      <label className="field">
        <span>{t('settings.language')}</span>
        <select
          data-testid="language-select"
          value={settings.language ?? 'system'}
          onChange={(e) =>
            void update({
              language: e.target.value === 'system' ? null : (e.target.value as 'en' | 'ru'),
            })
          }
        >
          <option value="system">{t('settings.languageSystem')}</option>
          <option value="en">English</option>
          <option value="ru">Русский</option>
        </select>
      </label>
      <label className="field">
        <span>{t('settings.theme')}</span>
        <select
          data-testid="theme-select"
          value={settings.theme}
          onChange={(e) => void update({ theme: e.target.value as AppSettings['theme'] })}
        >
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
      </label>
      <SaveNoticeLine notice={notice} testId="appearance-message" />
    </section>
  )
}
