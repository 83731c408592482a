import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppSettings } from '../../../src-main/api/contract'
import { useSettings } from '../stores/settings-store'
import { useStatus } from '../stores/status-store'
import { ErrorState, Loading } from '../components/states'

export function SettingsPage() {
  const { t } = useTranslation()
  const { settings, update } = useSettings()
  const { status, error, refresh } = useStatus()
  useEffect(() => {
    void refresh()
  }, [refresh])

  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <fieldset className="card">
        <legend>{t('settings.appearance')}</legend>
        <label className="field">
          <span>{t('settings.language')}</span>
          <select
            data-testid="language-select"
            value={settings?.language ?? 'system'}
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
            value={settings?.theme ?? 'system'}
            onChange={(e) => void update({ theme: e.target.value as AppSettings['theme'] })}
          >
            <option value="system">{t('settings.themeSystem')}</option>
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        </label>
      </fieldset>

      <section className="card" aria-labelledby="about-title" data-testid="status-panel">
        <h2 id="about-title">{t('settings.about')}</h2>
        {error ? (
          <ErrorState error={error} onRetry={() => void refresh()} />
        ) : !status ? (
          <Loading />
        ) : (
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{status.version}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd className="mono">{status.dataDir}</dd>
            <dt>{t('settings.database')}</dt>
            <dd className="mono">{status.dbPath}</dd>
            <dt>{t('settings.schema')}</dt>
            <dd data-testid="schema-version">
              {status.schemaVersion} <span className="muted">({status.latestMigration})</span>
            </dd>
            <dt>{t('settings.keychain')}</dt>
            <dd data-testid="keychain-state" className={status.keychain.ok ? 'ok' : 'bad'}>
              {status.keychain.ok
                ? t('settings.keychainOk', { service: status.keychain.service })
                : t('settings.keychainMissing')}
            </dd>
            <dt>{t('settings.messages')}</dt>
            <dd>{status.counts.messages}</dd>
            <dt>{t('settings.pairs')}</dt>
            <dd>{status.counts.pairs}</dd>
          </dl>
        )}
      </section>
    </section>
  )
}
