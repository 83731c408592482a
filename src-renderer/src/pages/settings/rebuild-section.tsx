// Settings → Pair texts: redo the texts and pairs of the stored mail with the current rules
// (no download), with a progress bar, Cancel, and what changed. Reviews and edits are kept.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../i18n'
import { startRebuildEvents, useRebuild } from '../../stores/rebuild-store'

export function RebuildSection() {
  const { t } = useTranslation()
  const { status, running, progress, result, error } = useRebuild()
  useEffect(() => {
    void useRebuild.getState().load()
    return startRebuildEvents()
  }, [])
  if (!status) return null
  return (
    <section className="card" aria-labelledby="rebuild-title" data-testid="rebuild">
      <h2 id="rebuild-title">{t('rebuild.title')}</h2>
      <p className="small">{t('rebuild.intro')}</p>
      {status.staleMessages > 0 && (
        <p className="small" data-testid="rebuild-stale">
          {t('rebuild.stale', { count: status.staleMessages })}
        </p>
      )}
      {running && (
        <progress
          max={Math.max(progress?.total ?? 1, 1)}
          value={progress?.done ?? 0}
          aria-label={t('rebuild.progress', {
            done: progress?.done ?? 0,
            total: progress?.total ?? 0,
          })}
          data-testid="rebuild-progress"
        />
      )}
      <div className="toolbar">
        <button
          type="button"
          disabled={running}
          data-testid="rebuild-start"
          onClick={() => void useRebuild.getState().rebuild()}
        >
          {running ? t('rebuild.running') : t('rebuild.start')}
        </button>
        {running && (
          <button
            type="button"
            data-testid="rebuild-cancel"
            onClick={() => void useRebuild.getState().cancel()}
          >
            {t('rebuild.cancel')}
          </button>
        )}
      </div>
      {result && (
        <p className="good small" role="status" data-testid="rebuild-result">
          {[
            t('rebuild.done', { count: result.threads }),
            t('rebuild.texts', { count: result.messageTextsChanged }),
            t('rebuild.pairs', { count: result.pairsUpdated + result.reviewedUpdated }),
            result.reviewedUpdated > 0
              ? t('rebuild.reviewed', { count: result.reviewedUpdated })
              : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </p>
      )}
      {error && (
        <p className="bad" role="alert" data-testid="rebuild-error">
          {errorText(error.code, error.message)}
        </p>
      )}
    </section>
  )
}
