// The active pair in full: both texts side by side (the reviewer's edit where there is one,
// the original a click away), the actions, and the editor.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairDetail as Detail } from '@contract'
import type { MarkRange } from '@contract'
import { Highlighted } from '../../components/highlighted'
import { Pill } from '../../components/pill'
import { ErrorState, Loading } from '../../components/states'
import { formatDateTime } from '../../i18n/format'
import { useReview } from '../../stores/review-store'
import { setStatus } from '../../stores/review-writes'
import { PairEditor } from './pair-editor'
import { STATUS_TONE } from './pair-list'
import { SimilarPanel } from './similar-panel'
import { ThreadContext } from './thread-context'
import { languageLabel } from '../../i18n'

export function PairDetailPane({ onOriginal }: { onOriginal: (d: Detail) => void }) {
  const { t } = useTranslation()
  const detail = useReview((s) => s.detail)
  const detailError = useReview((s) => s.detailError)
  const hasActive = useReview((s) => s.active >= 0)
  const editing = useReview((s) => s.editing)
  if (!hasActive) {
    return (
      <section className="detail" aria-label={t('review.detail.label')}>
        <p className="state">{t('review.detail.none')}</p>
      </section>
    )
  }
  return (
    <section className="detail" aria-label={t('review.detail.label')} data-testid="pair-detail">
      {detailError ? (
        <ErrorState error={detailError} />
      ) : !detail ? (
        <Loading />
      ) : editing ? (
        <PairEditor key={detail.id} detail={detail} />
      ) : (
        <DetailView detail={detail} onOriginal={onOriginal} />
      )}
    </section>
  )
}

function DetailView({ detail, onOriginal }: { detail: Detail; onOriginal: (d: Detail) => void }) {
  const { t, i18n } = useTranslation()
  const setEditing = useReview((s) => s.setEditing)
  return (
    <article data-testid="detail-view" data-id={detail.id} data-status={detail.status}>
      <header className="detail-head">
        <div className="detail-title">
          <h2>
            {detail.subject ? (
              <Highlighted text={detail.subject} marks={detail.marks?.subject} />
            ) : (
              t('review.noSubject')
            )}
          </h2>
          <div className="muted small">
            {detail.accountEmail} ·{' '}
            <span data-testid="detail-dates">
              {t('review.detail.wrote', { date: formatDateTime(detail.sentAt, i18n.language) })}
              {detail.replyMessage &&
                `, ${t('review.detail.replied', { date: formatDateTime(detail.replyMessage.sentAt, i18n.language) })}`}
            </span>{' '}
            · {languageLabel(detail.language)}
            {detail.reviewedAt &&
              ` · ${t('review.detail.reviewed', { date: formatDateTime(detail.reviewedAt, i18n.language) })}`}
          </div>
        </div>
        <div className="detail-badges">
          <Pill tone={STATUS_TONE[detail.status]}>
            <span data-testid="detail-status">{t(`review.pill.${detail.status}`)}</span>
          </Pill>
          {detail.edited && <Pill tone="warn">{t('review.edited')}</Pill>}
          {detail.orphaned && <Pill tone="muted">{t('review.orphaned')}</Pill>}
        </div>
      </header>
      <div className="toolbar detail-actions">
        <button
          type="button"
          className="ok-btn"
          data-testid="approve"
          onClick={() => void setStatus('approved')}
        >
          {t('review.action.approve')} <kbd>a</kbd>
        </button>
        <button
          type="button"
          className="bad-btn"
          data-testid="reject"
          onClick={() => void setStatus('rejected')}
        >
          {t('review.action.reject')} <kbd>r</kbd>
        </button>
        <button type="button" data-testid="reset" onClick={() => void setStatus('new')}>
          {t('review.action.reset')} <kbd>u</kbd>
        </button>
        <button type="button" data-testid="edit" onClick={() => setEditing(true)}>
          {t('review.action.edit')} <kbd>e</kbd>
        </button>
        <button type="button" data-testid="open-original" onClick={() => onOriginal(detail)}>
          {t('review.action.original')}
        </button>
      </div>
      {detail.orphaned && <p className="muted small">{t('review.detail.orphaned')}</p>}
      <ThreadContext key={detail.id} pairId={detail.id} />
      <div className="texts">
        <TextColumn
          title={t('review.detail.client')}
          original={detail.clientText}
          edited={detail.clientTextEdited}
          marks={[detail.marks?.clientText, detail.marks?.clientTextEdited]}
          testId="client-text"
        />
        <TextColumn
          title={t('review.detail.reply')}
          original={detail.replyText}
          edited={detail.replyTextEdited}
          marks={[detail.marks?.replyText, detail.marks?.replyTextEdited]}
          testId="reply-text"
        />
      </div>
      <SimilarPanel detail={detail} />
    </article>
  )
}

function TextColumn({
  title,
  original,
  edited,
  marks,
  testId,
}: {
  title: string
  original: string
  edited: string | null
  /** Search matches in the original and in the edit. */
  marks: [MarkRange[] | undefined, MarkRange[] | undefined]
  testId: string
}) {
  const { t } = useTranslation()
  const [showOriginal, setShowOriginal] = useState(false)
  const showEdit = edited !== null && !showOriginal
  const shown = showEdit ? edited : original
  return (
    <section className="text-col" aria-label={title}>
      <h3>
        {title}
        {edited !== null && <span className="tag">{t('review.edited')}</span>}
      </h3>
      {edited !== null && (
        <p className="small muted">
          {t('review.detail.editedNote')}{' '}
          <button type="button" className="link" onClick={() => setShowOriginal(!showOriginal)}>
            {showOriginal ? t('review.detail.showEdited') : t('review.detail.showOriginal')}
          </button>
        </p>
      )}
      <div className="text-body" data-testid={testId} tabIndex={0}>
        <Highlighted text={shown} marks={showEdit ? marks[1] : marks[0]} />
      </div>
    </section>
  )
}
