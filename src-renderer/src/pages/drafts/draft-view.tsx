// A reply draft with its sources: the text to copy (ReplyBase never sends mail), the approved
// pairs it drew on, each a click from its full text, and what redaction hid from the provider.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftFeedback, DraftResult, SimilarPair } from '@contract'
import { errorText, languageLabel } from '../../i18n'
import { useKb, type DraftInProgress } from '../../stores/kb-store'

export function DraftStatus() {
  const { t } = useTranslation()
  const streaming = useKb((s) => s.streaming)
  const draft = useKb((s) => s.draft)
  const error = useKb((s) => s.draftError)
  return (
    <div data-testid="draft-status">
      {/* Announced once when it starts and once when it ends, not word by word. */}
      <p role="status" aria-live="polite" className="muted">
        {streaming ? (streaming.text ? t('kb.writing') : t('kb.drafting')) : ''}
      </p>
      {error && (
        <p className="bad" role="alert" data-testid="draft-error" data-code={error.code}>
          {errorText(error.code, error.message)}
        </p>
      )}
      {streaming && <DraftStreaming streaming={streaming} />}
      {draft && <DraftView draft={draft} />}
    </div>
  )
}

/** The words so far and the sources, while the model is still writing. */
function DraftStreaming({ streaming }: { streaming: DraftInProgress }) {
  const { t } = useTranslation()
  return (
    <section className="draft" data-testid="draft-streaming" aria-busy="true">
      <h3>{t('kb.draftTitle')}</h3>
      <div className="text-body streaming" data-testid="draft-text">
        {streaming.text}
        <span className="cursor" aria-hidden="true" />
      </div>
      {streaming.examples && (
        <>
          <h4>{t('kb.sources', { count: streaming.examples.length })}</h4>
          <SourceList items={streaming.examples} testId="draft-sources" />
        </>
      )}
    </section>
  )
}

/** Thumbs up or down on a draft; pressing the chosen one again takes it back. */
export function DraftFeedbackButtons({
  id,
  feedback,
}: {
  id: number
  feedback: DraftFeedback | null
}) {
  const { t } = useTranslation()
  const rate = (f: DraftFeedback) => void useKb.getState().rateDraft(id, feedback === f ? null : f)
  return (
    <span className="feedback" role="group" aria-label={t('kb.feedbackQuestion')}>
      <span className="muted small">{t('kb.feedbackQuestion')}</span>
      <button
        type="button"
        aria-pressed={feedback === 'up'}
        data-testid="draft-up"
        onClick={() => rate('up')}
      >
        {t('kb.helpful')}
      </button>
      <button
        type="button"
        aria-pressed={feedback === 'down'}
        data-testid="draft-down"
        onClick={() => rate('down')}
      >
        {t('kb.notHelpful')}
      </button>
    </span>
  )
}

function DraftView({ draft }: { draft: DraftResult }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const hidden = draft.redacted
    ? draft.redacted.email + draft.redacted.phone + draft.redacted.card
    : 0
  return (
    <section className="draft" data-testid="draft" aria-label={t('kb.draftTitle')}>
      <h3>{t('kb.draftTitle')}</h3>
      <div className="text-body" data-testid="draft-text" tabIndex={0}>
        {draft.text}
      </div>
      <div className="toolbar">
        <button
          type="button"
          data-testid="draft-copy"
          onClick={() => {
            void navigator.clipboard?.writeText(draft.text).then(() => setCopied(true))
          }}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </button>
        <span className="muted small">
          {t('kb.draftMeta', { model: draft.model, language: languageLabel(draft.language) })}
          {draft.usage &&
            ` · ${t('kb.tokens', { prompt: draft.usage.promptTokens, completion: draft.usage.completionTokens })}`}
          {draft.redacted &&
            ` · ${hidden > 0 ? t('kb.redacted', { count: hidden }) : t('kb.redactedNone')}`}
        </span>
      </div>
      <DraftFeedbackButtons id={draft.id} feedback={draft.feedback} />
      <h4>{t('kb.sources', { count: draft.examples.length })}</h4>
      <SourceList items={draft.examples} testId="draft-sources" />
    </section>
  )
}

/** Approved pairs, each opening in one click; `differs` marks a reply that said otherwise. */
export function SourceList({
  items,
  testId,
  differs,
}: {
  items: SimilarPair[]
  testId: string
  differs?: (id: number) => boolean
}) {
  const { t } = useTranslation()
  const open = useKb((s) => s.openPair)
  return (
    <ol className="source-list" data-testid={testId}>
      {items.map((p) => (
        <li key={p.id} data-id={p.id} data-differs={differs?.(p.id) ?? undefined}>
          <button type="button" className="source" onClick={() => void open(p.id)}>
            <span className="source-subject">
              {p.subject || t('review.noSubject')}
              {differs?.(p.id) && (
                <span className="tag warn-tag" title={t('kb.differsHint')}>
                  {t('kb.differs')}
                </span>
              )}
            </span>
            <span className="source-text muted small">{p.clientText.slice(0, 160)}</span>
            <span className="source-text small">↳ {p.replyText.slice(0, 160)}</span>
          </button>
        </li>
      ))}
    </ol>
  )
}
