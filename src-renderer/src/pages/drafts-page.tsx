// Drafts: paste a client message, get a reply draft grounded in approved pairs with each
// source a click away. ReplyBase never sends mail: the draft is copied into the mail client.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useKb } from '../stores/kb-store'
import { useSettings } from '../stores/settings-store'
import { useRoute } from '../stores/route-store'
import { DraftStatus } from './drafts/draft-view'
import { SourcePairDialog } from './drafts/source-pair-dialog'
import { UnansweredList } from './drafts/unanswered-list'
import { RecentDrafts } from './drafts/recent-drafts'

const MAX_TEXT = 20_000

export function DraftsPage() {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const drafting = useKb((s) => s.drafting)
  const draftFor = useKb((s) => s.draftFor)
  const aiEnabled = useSettings((s) => s.settings?.aiEnabled)
  useEffect(() => {
    void useKb.getState().loadUnanswered()
  }, [])
  const submit = (e: React.FormEvent): void => {
    e.preventDefault()
    if (text.trim()) void useKb.getState().requestDraft({ text })
  }
  return (
    <section className="page drafts-page" aria-labelledby="drafts-title" data-testid="drafts-page">
      <h1 id="drafts-title">{t('kb.draftsTitle')}</h1>
      <p className="muted">{t('kb.draftsIntro')}</p>
      {aiEnabled === false && (
        <p className="warn-note" data-testid="ai-off-note">
          {t('kb.aiOff')}{' '}
          <button type="button" className="link" onClick={() => useRoute.getState().go('settings')}>
            {t('kb.openSettings')}
          </button>
        </p>
      )}
      {/* Inputs first, then the draft: one column, or two side by side on a wide window. */}
      <div className="drafts-columns">
        <div className="drafts-inputs">
          <UnansweredList
            onPick={(m) => {
              setText(m.text)
              void useKb.getState().requestDraft({ messageId: m.id })
            }}
          />
          <form className="card drafts-paste" onSubmit={submit}>
            <label className="field field-wide">
              <span>{t('kb.pasteLabel')}</span>
              <textarea
                rows={8}
                value={text}
                maxLength={MAX_TEXT}
                spellCheck={false}
                placeholder={t('kb.pastePlaceholder')}
                data-testid="draft-input"
                onChange={(e) => setText(e.target.value)}
              />
            </label>
            <div className="toolbar">
              <button
                type="submit"
                className="primary"
                disabled={!text.trim() || (drafting && draftFor === 'box')}
                data-testid="draft-submit"
              >
                {t('kb.draftAction')}
              </button>
            </div>
          </form>
        </div>
        <div className="drafts-output">
          {draftFor === 'box' && (
            <div className="card drafts-current">
              <DraftStatus />
            </div>
          )}
          <RecentDrafts />
        </div>
      </div>
      <SourcePairDialog />
    </section>
  )
}
