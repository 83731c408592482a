import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useStatus } from '../stores/status-store'
import { Empty, ErrorState, Loading } from '../components/states'

export function ReviewPage() {
  const { t } = useTranslation()
  const { status, error, refresh } = useStatus()
  useEffect(() => {
    void refresh()
  }, [refresh])
  return (
    <section className="page" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      {error ? (
        <ErrorState error={error} onRetry={() => void refresh()} />
      ) : !status ? (
        <Loading />
      ) : status.counts.pairs === 0 ? (
        <Empty>{t('review.empty')}</Empty>
      ) : (
        <p>{t('review.counts', status.counts.pairsByStatus)}</p>
      )}
    </section>
  )
}
