// Edit-before-approve: both texts in text areas; the originals are kept beside the edit. The
// reply is what reviewers fix, so it has the focus; leaving with typed changes asks first.
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairDetail } from '@contract'
import { useReview } from '../../stores/review-store'
import { saveEdit } from '../../stores/review-writes'

export function PairEditor({ detail }: { detail: PairDetail }) {
  const { t } = useTranslation()
  const setEditing = useReview((s) => s.setEditing)
  const [clientText, setClientText] = useState(detail.clientTextEdited ?? detail.clientText)
  const [replyText, setReplyText] = useState(detail.replyTextEdited ?? detail.replyText)
  const [saving, setSaving] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const keepRef = useRef<HTMLButtonElement>(null)
  const empty = !clientText.trim() || !replyText.trim()
  const dirty =
    clientText !== (detail.clientTextEdited ?? detail.clientText) ||
    replyText !== (detail.replyTextEdited ?? detail.replyText)

  /** Esc or Cancel: closes at once without changes; with changes, asks (a second Esc discards). */
  const leave = (): void => {
    if (!dirty || confirming) {
      setEditing(false)
      return
    }
    setConfirming(true)
    requestAnimationFrame(() => keepRef.current?.focus())
  }

  const save = async (approve: boolean): Promise<void> => {
    if (empty || saving) return
    setSaving(true)
    const ok = await saveEdit(detail, { clientText, replyText }, approve)
    if (!ok) setSaving(false)
  }
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void save(true)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      leave()
    }
  }
  return (
    <form
      className="editor"
      data-testid="pair-editor"
      aria-label={t('review.edit.title')}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault()
        void save(false)
      }}
    >
      <h2>{t('review.edit.title')}</h2>
      <div className="texts">
        <label className="text-col">
          <span className="label">{t('review.edit.client')}</span>
          <textarea
            value={clientText}
            data-testid="edit-client"
            onChange={(e) => setClientText(e.target.value)}
          />
        </label>
        <label className="text-col">
          <span className="label">{t('review.edit.reply')}</span>
          <textarea
            value={replyText}
            autoFocus
            data-testid="edit-reply"
            onChange={(e) => setReplyText(e.target.value)}
          />
        </label>
      </div>
      {confirming && (
        <div
          className="confirm"
          role="alertdialog"
          aria-live="assertive"
          data-testid="edit-discard"
        >
          <span>{t('review.edit.discardQuestion')}</span>
          <button
            type="button"
            className="danger"
            data-testid="edit-discard-yes"
            onClick={() => setEditing(false)}
          >
            {t('review.edit.discard')}
          </button>
          <button
            type="button"
            ref={keepRef}
            data-testid="edit-discard-no"
            onClick={() => setConfirming(false)}
          >
            {t('review.edit.keepEditing')}
          </button>
        </div>
      )}
      {empty && (
        <p className="bad" role="alert">
          {t('review.edit.empty')}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={empty || saving}
          data-testid="edit-save-approve"
          onClick={() => void save(true)}
        >
          {t('review.edit.saveApprove')}
        </button>
        <button type="submit" disabled={empty || saving} data-testid="edit-save">
          {t('review.edit.save')}
        </button>
        <button type="button" data-testid="edit-cancel" onClick={leave}>
          {t('common.cancel')}
        </button>
        <span className="muted small">{t('review.edit.hint')}</span>
      </div>
    </form>
  )
}
