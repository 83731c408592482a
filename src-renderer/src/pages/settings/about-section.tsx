import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../components/states'
import { useStatus } from '../../stores/status-store'

/** "This installation": version, where the data lives, schema, keychain, counts. */
export function AboutSection() {
  const { t } = useTranslation()
  const { status, error, refresh } = useStatus()
  useEffect(() => {
    void refresh()
  }, [refresh])
  return (
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
          <dt>{t('settings.vectorSearch')}</dt>
          <dd data-testid="vector-search-state" className={status.vectorSearch.ok ? 'ok' : 'bad'}>
            {status.vectorSearch.ok
              ? t('settings.vectorSearchOk', { version: status.vectorSearch.version })
              : t('settings.vectorSearchMissing')}
          </dd>
          <dt>{t('settings.messages')}</dt>
          <dd>{status.counts.messages}</dd>
          <dt>{t('settings.pairs')}</dt>
          <dd>{status.counts.pairs}</dd>
        </dl>
      )}
    </section>
  )
}
