// What a "Sync now" did, per mailbox: fetched, stored, deleted, pairs created, skipped by
// reason, errors and time.
import { useTranslation } from 'react-i18next'
import type { SyncRunSummary } from '@contract'
import { Dialog } from '../../components/dialog'
import { errorText, syncNoteText } from '../../i18n'
import { formatDuration, formatNumber } from '../../i18n/format'
import type { SyncResult } from '../../stores/sync-store'

type Outcome = 'ok' | 'partial' | 'failed' | 'cancelled'

/** What the title says happened: never "finished" over a run that failed. */
export function outcomeOf(result: SyncResult): Outcome {
  if (result.error) return 'failed'
  const statuses = result.items.map((i) => i.status)
  if (statuses.every((s) => s === 'ok')) return 'ok'
  if (statuses.includes('cancelled') && !statuses.some((s) => s === 'failed')) return 'cancelled'
  return statuses.includes('ok') ? 'partial' : 'failed'
}

export function SyncResultDialog({ result, onClose }: { result: SyncResult; onClose: () => void }) {
  const { t } = useTranslation()
  const outcome = outcomeOf(result)
  const title =
    result.items.length === 1 && result.items[0]
      ? t(`accounts.result.title.${outcome}`, { email: result.items[0].email })
      : t(`accounts.result.titleAll.${outcome}`)
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="sync-result"
      footer={
        <button type="button" className="primary" onClick={onClose} data-testid="sync-result-close">
          {t('common.close')}
        </button>
      }
    >
      {result.error && (
        <p className="bad" role="alert">
          {t('accounts.result.failed', {
            message: errorText(result.error.code, result.error.message),
          })}
        </p>
      )}
      {result.items.map((item) => (
        <section key={item.accountId} className="result" aria-label={item.email}>
          {result.items.length > 1 && <h3>{item.email}</h3>}
          {item.summary ? <SummaryFacts summary={item.summary} /> : null}
          {item.error && (
            <p className="bad" data-testid="result-error">
              {t('accounts.result.failed', {
                message: errorText(item.error.code, item.error.message),
              })}
            </p>
          )}
        </section>
      ))}
    </Dialog>
  )
}

function SummaryFacts({ summary }: { summary: SyncRunSummary }) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const n = (v: number): string => formatNumber(v, lng)
  const skipped = Object.entries(summary.pairs_skipped).filter(([, count]) => count > 0)
  return (
    <>
      <p className="muted">{t(`accounts.result.mode.${summary.mode}`)}</p>
      <dl className="facts" data-testid="sync-result-facts">
        <dt>{t('accounts.result.fetched')}</dt>
        <dd data-testid="result-fetched">{n(summary.messages_fetched)}</dd>
        <dt>{t('accounts.result.stored')}</dt>
        <dd data-testid="result-stored">{n(summary.messages_upserted)}</dd>
        <dt>{t('accounts.result.deleted')}</dt>
        <dd>{n(summary.messages_deleted)}</dd>
        <dt>{t('accounts.result.pairsCreated')}</dt>
        <dd data-testid="result-pairs">{n(summary.pairs_created)}</dd>
        <dt>{t('accounts.result.skipped')}</dt>
        <dd>
          {skipped.length === 0 ? (
            t('accounts.result.skippedNone')
          ) : (
            <ul className="plain">
              {skipped.map(([reason, count]) => (
                <li key={reason}>
                  {t(`accounts.skip.${reason}`, { defaultValue: reason.replace(/_/g, ' ') })}:{' '}
                  {n(count)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('accounts.result.errors')}</dt>
        <dd data-testid="result-errors">
          {summary.errors.length === 0 ? (
            t('accounts.result.errorsNone')
          ) : (
            <ul className="plain bad">
              {summary.errors.slice(0, 10).map((e, i) => (
                <li key={i}>{syncNoteText(e)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('accounts.result.time')}</dt>
        <dd>{formatDuration(summary.duration_ms, lng)}</dd>
      </dl>
    </>
  )
}
