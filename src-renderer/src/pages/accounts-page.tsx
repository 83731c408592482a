import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useStatus } from '../stores/status-store'
import { Empty, ErrorState, Loading } from '../components/states'

export function AccountsPage() {
  const { t } = useTranslation()
  const { status, error, refresh } = useStatus()
  useEffect(() => {
    void refresh()
  }, [refresh])
  return (
    <section className="page" aria-labelledby="accounts-title">
      <h1 id="accounts-title">{t('accounts.title')}</h1>
      {error ? (
        <ErrorState error={error} onRetry={() => void refresh()} />
      ) : !status ? (
        <Loading />
      ) : status.counts.accounts === 0 ? (
        <Empty>{t('accounts.empty')}</Empty>
      ) : (
        <p>{t('accounts.count', { count: status.counts.accounts })}</p>
      )}
    </section>
  )
}
