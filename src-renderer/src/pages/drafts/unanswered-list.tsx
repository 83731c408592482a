// "Unanswered": synced client messages with no reply in their thread yet, newest first, each
// with its mailbox. Picking one drafts a reply to it.
import { useTranslation } from 'react-i18next'
import type { UnansweredMessage } from '@contract'
import { ErrorState, Loading } from '../../components/states'
import { formatDateTime } from '../../i18n/format'
import { useKb } from '../../stores/kb-store'
import { languageLabel } from '../../i18n'

export function UnansweredList({ onPick }: { onPick: (m: UnansweredMessage) => void }) {
  const { t, i18n } = useTranslation()
  const items = useKb((s) => s.unanswered)
  const error = useKb((s) => s.unansweredError)
  return (
    <section className="card" aria-labelledby="unanswered-title" data-testid="unanswered">
      <h2 id="unanswered-title">{t('kb.unanswered')}</h2>
      {error ? (
        <ErrorState error={error} onRetry={() => void useKb.getState().loadUnanswered()} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted small">{t('kb.unansweredNone')}</p>
      ) : (
        <ol className="source-list unanswered-list">
          {items.map((m) => (
            <li key={m.id} data-id={m.id}>
              <button type="button" className="source" onClick={() => onPick(m)}>
                <span className="source-subject">
                  {m.subject || t('review.noSubject')}
                  <span className="tag">{languageLabel(m.language)}</span>
                </span>
                <span className="muted small">
                  {m.from} → {m.accountEmail} · {formatDateTime(m.sentAt, i18n.language)}
                </span>
                <span className="source-text small">{m.text.slice(0, 160)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
