// Between the tabs and the list: the bulk actions on a selection, the last action's notice
// with Undo, and the keyboard help button.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { SUCCESS_NOTICE_MS } from '../../components/flash'
import { errorText } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { useReview } from '../../stores/review-store'
import { setStatus, undo } from '../../stores/review-writes'
import { useExport } from '../../stores/export-store'
import { ExportDialog } from './export-dialog'
import {
  BulkConfirmDialog,
  BulkRunning,
  SelectMatchingButton,
  useMatchingCount,
} from './bulk-matching'

export function ReviewBar({ onHelp }: { onHelp: () => void }) {
  const { t, i18n } = useTranslation()
  const selected = useReview((s) => s.selected.size)
  const loaded = useReview((s) => s.items.length)
  const notice = useReview((s) => s.notice)
  const canUndo = useReview((s) => s.undo !== null)
  const actionError = useReview((s) => s.actionError)
  const allMatching = useReview((s) => s.allMatching)
  const running = useReview((s) => s.bulkRunning !== null)
  const matching = useMatchingCount()
  const { selectAllLoaded, clearSelection } = useReview.getState()
  // "Approved.", "Undone for 5 pairs.": said for a few seconds, then gone (Ctrl+Z still undoes).
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => {
      if (useReview.getState().notice === notice) useReview.setState({ notice: null })
    }, SUCCESS_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])
  return (
    <div className="review-bar">
      <div
        className="bulk"
        role="group"
        aria-label={t('review.bulk.selected', { count: selected })}
      >
        {running ? (
          <BulkRunning />
        ) : selected > 0 ? (
          <>
            <strong data-testid="selected-count">
              {allMatching
                ? t('review.bulk.allMatching', {
                    count: matching,
                    n: formatNumber(matching, i18n.language),
                  })
                : t('review.bulk.selected', { count: selected })}
            </strong>
            <button
              type="button"
              className="ok-btn"
              data-testid="bulk-approve"
              onClick={() => void setStatus('approved')}
            >
              {t('review.bulk.approve')}
            </button>
            <button
              type="button"
              data-testid="bulk-reject"
              onClick={() => void setStatus('rejected')}
            >
              {t('review.bulk.reject')}
            </button>
            <button type="button" data-testid="bulk-reset" onClick={() => void setStatus('new')}>
              {t('review.bulk.reset')}
            </button>
            {!allMatching && <SelectMatchingButton />}
            <button type="button" className="link" onClick={clearSelection}>
              {t('review.bulk.clear')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              disabled={loaded === 0}
              data-testid="select-all"
              onClick={selectAllLoaded}
            >
              {t('review.bulk.selectAll')}
            </button>
            <SelectMatchingButton />
          </>
        )}
      </div>
      <BulkConfirmDialog />
      <div className="notice" role="status" aria-live="polite" data-testid="review-notice">
        {actionError ? (
          <span className="bad">{errorText(actionError.code, actionError.message)}</span>
        ) : notice ? (
          <span>{t(`review.notice.${notice.code}`, { count: notice.count })}</span>
        ) : null}
      </div>
      <button
        type="button"
        data-testid="export-open"
        onClick={() => void useExport.getState().show()}
      >
        {t('export.open')}
      </button>
      <ExportDialog />
      <button type="button" disabled={!canUndo} data-testid="undo" onClick={() => void undo()}>
        {t('review.action.undo')} <kbd>Ctrl+Z</kbd>
      </button>
      <button
        type="button"
        className="icon"
        aria-label={t('review.action.shortcuts')}
        onClick={onHelp}
      >
        ?
      </button>
    </div>
  )
}
