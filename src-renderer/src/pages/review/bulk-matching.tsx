// Bulk review over the whole filter: "Select all N matching this filter" (N is the tab's count
// under the current filters, loaded or not), the question before acting on more than the
// loaded rows, and what shows while main changes them all in one transaction.
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/dialog'
import { formatNumber } from '../../i18n/format'
import { useReview } from '../../stores/review-store'
import { countFor } from '../../stores/review-model'
import { cancelBulk, confirmBulk } from '../../stores/review-writes'

/** Pairs of the current filter and tab (the tab's count). */
export function useMatchingCount(): number {
  return useReview((s) => (s.counts ? countFor(s.counts, s.filters.status) : s.total))
}

/** Offered while the filter holds more pairs than are selected. */
export function SelectMatchingButton() {
  const { t, i18n } = useTranslation()
  const count = useMatchingCount()
  const selected = useReview((s) => s.selected.size)
  const loaded = useReview((s) => s.items.length)
  if (count <= Math.max(selected, loaded) || count === 0) return null
  return (
    <button
      type="button"
      data-testid="select-matching"
      onClick={() => useReview.getState().selectAllMatching()}
    >
      {t('review.bulk.selectMatching', { count, n: formatNumber(count, i18n.language) })}
    </button>
  )
}

export function BulkRunning() {
  const { t, i18n } = useTranslation()
  const running = useReview((s) => s.bulkRunning)
  if (!running) return null
  return (
    <strong role="status" data-testid="bulk-running">
      {t(`review.bulk.running.${running.status}`, {
        count: running.count,
        n: formatNumber(running.count, i18n.language),
      })}
    </strong>
  )
}

export function BulkConfirmDialog() {
  const { t, i18n } = useTranslation()
  const pending = useReview((s) => s.bulkConfirm)
  const loaded = useReview((s) => s.items.length)
  if (!pending) return null
  const n = formatNumber(pending.count, i18n.language)
  const action = t(`review.bulk.confirm.action.${pending.status}`, { count: pending.count, n })
  return (
    <Dialog
      title={t(`review.bulk.confirm.title.${pending.status}`, { count: pending.count, n })}
      onClose={cancelBulk}
      testId="bulk-confirm"
      footer={
        <>
          <button type="button" data-testid="bulk-confirm-no" onClick={cancelBulk}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="bulk-confirm-yes"
            onClick={() => void confirmBulk()}
          >
            {action}
          </button>
        </>
      }
    >
      <p>
        {t('review.bulk.confirm.body', {
          count: pending.count,
          n,
          loaded: formatNumber(loaded, i18n.language),
        })}
      </p>
    </Dialog>
  )
}
