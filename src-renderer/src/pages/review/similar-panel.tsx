// "Similar approved" beside the pair under review: the closest approved pairs by full text
// (local, works offline), marked where our reply then said something different, each a click
// from its full text; and a reply draft for this pair's client message with its sources.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairDetail } from '@contract'
import { ErrorState, Loading } from '../../components/states'
import { useKb } from '../../stores/kb-store'
import { DraftStatus, SourceList } from '../drafts/draft-view'

export function SimilarPanel({ detail }: { detail: PairDetail }) {
  const { t } = useTranslation()
  const similar = useKb((s) => s.similar)
  const error = useKb((s) => s.similarError)
  const draftFor = useKb((s) => s.draftFor)
  const citations = useKb((s) => (s.citationsFor === detail.id ? s.citations : null))
  const { loadSimilar, requestDraft, loadCitations } = useKb.getState()
  // Reload when the pair or its texts change (an edit changes what it resembles).
  const key = `${detail.id}|${detail.clientTextEdited ?? ''}|${detail.replyTextEdited ?? ''}`
  useEffect(() => {
    void loadSimilar(detail.id)
  }, [key, detail.id, loadSimilar])
  useEffect(() => {
    void loadCitations(detail.id)
  }, [detail.id, loadCitations])
  const differs = new Set(similar?.filter((s) => s.replyDiffers).map((s) => s.id))
  return (
    <section className="similar" aria-labelledby="similar-title" data-testid="similar-panel">
      <header className="similar-head">
        <h3 id="similar-title">{t('kb.similarTitle')}</h3>
        <button
          type="button"
          data-testid="draft-for-pair"
          onClick={() =>
            void requestDraft({
              text: detail.clientTextEdited ?? detail.clientText,
              pairId: detail.id,
            })
          }
        >
          {t('kb.draftAction')}
        </button>
      </header>
      {citations && citations.drafts > 0 && (
        <p className="muted small" data-testid="pair-citations">
          {t('kb.citedBy', { count: citations.drafts, up: citations.up, down: citations.down })}
        </p>
      )}
      {error ? (
        <ErrorState error={error} onRetry={() => void loadSimilar(detail.id)} />
      ) : !similar ? (
        <Loading />
      ) : similar.length === 0 ? (
        <p className="muted small" data-testid="similar-none">
          {t('kb.similarNone')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('kb.similarHint')}</p>
          <SourceList items={similar} testId="similar-list" differs={(id) => differs.has(id)} />
        </>
      )}
      {draftFor === detail.id && <DraftStatus />}
    </section>
  )
}
