// "Recent drafts": every draft written here, newest first, with when, for what, the model and
// tokens, the verdict, and its source pairs one click each; so the team sees which pairs help.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftRecord } from '@contract'
import { formatDateTime } from '../../i18n/format'
import { languageLabel } from '../../i18n'
import { useKb } from '../../stores/kb-store'
import { DraftFeedbackButtons } from './draft-view'

const firstLine = (s: string, max = 90): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

export function RecentDrafts() {
  const { t } = useTranslation()
  const recent = useKb((s) => s.recent)
  useEffect(() => {
    void useKb.getState().loadRecent()
  }, [])
  return (
    <section
      className="card recent-drafts"
      aria-labelledby="recent-title"
      data-testid="recent-drafts"
    >
      <h2 id="recent-title">{t('kb.recentTitle')}</h2>
      {recent && recent.length === 0 && <p className="muted small">{t('kb.recentNone')}</p>}
      {recent?.map((d) => (
        <RecentDraft key={d.id} draft={d} />
      ))}
    </section>
  )
}

function RecentDraft({ draft: d }: { draft: DraftRecord }) {
  const { t, i18n } = useTranslation()
  const open = useKb((s) => s.openPair)
  return (
    <details data-id={d.id} data-feedback={d.feedback ?? undefined}>
      <summary>
        <span className="muted small">{formatDateTime(d.createdAt, i18n.language)}</span>
        <span>{firstLine(d.clientText)}</span>
        <span className="tag">{languageLabel(d.language)}</span>
        {d.feedback && (
          <span className="tag">
            {t(d.feedback === 'up' ? 'kb.feedbackUp' : 'kb.feedbackDown')}
          </span>
        )}
      </summary>
      <div className="text-body" tabIndex={0}>
        {d.text}
      </div>
      <p className="muted small">
        {d.model}
        {d.usage &&
          ` · ${t('kb.tokens', { prompt: d.usage.promptTokens, completion: d.usage.completionTokens })}`}
      </p>
      <div className="source-refs small">
        <span className="muted">{t('kb.recentSources')}</span>
        {d.sourceIds.length === 0 ? (
          <span className="muted">{t('kb.sourceGone')}</span>
        ) : (
          d.sourceIds.map((id) => (
            <button key={id} type="button" className="link" onClick={() => void open(id)}>
              {t('kb.pairRef', { id })}
            </button>
          ))
        )}
      </div>
      <DraftFeedbackButtons id={d.id} feedback={d.feedback} />
    </details>
  )
}
