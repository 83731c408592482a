// The status filter with the count of each status under the other filters: always visible.
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../i18n/format'
import { useReview } from '../../stores/review-store'
import type { ReviewFilters } from '../../stores/review-model'

const TABS: Array<ReviewFilters['status']> = ['new', 'approved', 'rejected', 'all']

export function StatusTabs() {
  const { t, i18n } = useTranslation()
  const status = useReview((s) => s.filters.status)
  const counts = useReview((s) => s.counts)
  const setFilters = useReview((s) => s.setFilters)
  const countOf = (tab: ReviewFilters['status']): number | null =>
    counts === null
      ? null
      : tab === 'all'
        ? counts.new + counts.approved + counts.rejected
        : counts[tab]
  return (
    <div
      className="tabs"
      role="group"
      aria-label={t('review.statusFilter')}
      data-testid="status-tabs"
    >
      {TABS.map((tab) => {
        const n = countOf(tab)
        return (
          <button
            key={tab}
            type="button"
            className="tab"
            aria-pressed={status === tab}
            data-testid={`status-tab-${tab}`}
            onClick={() => void setFilters({ status: tab })}
          >
            <span>{t(`review.status.${tab}`)}</span>
            <span className="tab-count" data-testid={`count-${tab}`}>
              {n === null ? '…' : formatNumber(n, i18n.language)}
            </span>
          </button>
        )
      })}
    </div>
  )
}
