// The similar-case index in Settings → AI: how many approved pairs are embedded, what the first
// run will send and cost, and a button that embeds the rest with a progress bar. Sends mail
// text, so it needs AI features on.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../i18n'
import { startKbIndexEvents, useKbIndex } from '../../stores/kb-index-store'
import { EmbeddingChoice } from './embedding-choice'

export function KbIndexSection({ aiEnabled }: { aiEnabled: boolean }) {
  const { t, i18n } = useTranslation()
  const { status, running, progress, error, estimate } = useKbIndex()
  useEffect(() => {
    void useKbIndex.getState().load()
    return startKbIndexEvents()
  }, [])
  if (!status) return null
  return (
    <fieldset className="ai-privacy" data-testid="kb-index">
      <legend>{t('kb.index.title')}</legend>
      <EmbeddingChoice disabled={running} />
      <p className="small" data-testid="kb-index-counts">
        {t('kb.index.counts', {
          embedded: status.embedded,
          approved: status.approved,
          model: status.model,
          dimensions: status.dimensions,
        })}
      </p>
      {estimate && !running && (
        <p className="small" data-testid="kb-index-estimate">
          {t('kb.index.estimate', {
            count: estimate.pairs,
            model: estimate.model,
            tokens: new Intl.NumberFormat(i18n.language).format(estimate.tokens),
            cost:
              estimate.estimatedUsd === null
                ? t('kb.index.costUnknown')
                : new Intl.NumberFormat(i18n.language, {
                    style: 'currency',
                    currency: 'USD',
                    maximumSignificantDigits: 2,
                  }).format(estimate.estimatedUsd),
          })}
        </p>
      )}
      {status.serving && (
        <p className="small muted" data-testid="kb-index-serving">
          {t('kb.index.serving', {
            model: status.serving.model,
            dimensions: status.serving.dimensions,
            embedded: status.serving.embedded,
          })}
        </p>
      )}
      {running && progress && (
        <progress
          max={Math.max(progress.total, 1)}
          value={progress.embedded}
          data-testid="kb-index-progress"
        />
      )}
      <div className="toolbar">
        <button
          type="button"
          disabled={running || !aiEnabled || status.pending === 0}
          data-testid="kb-index-embed"
          onClick={() => void useKbIndex.getState().embed()}
        >
          {running
            ? t('kb.index.running')
            : status.pending === 0
              ? t('kb.index.upToDate')
              : t('kb.index.embed', { count: status.pending })}
        </button>
        {!aiEnabled && <span className="muted small">{t('kb.index.needsAi')}</span>}
      </div>
      {error && (
        <p className="bad" data-testid="kb-index-error">
          {errorText(error.code, error.message)}
        </p>
      )}
    </fieldset>
  )
}
