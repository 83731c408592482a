// Edit-before-approve: both texts in text areas; the originals are kept beside the edit.
import { useState } from 'react'
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
  const empty = !clientText.trim() || !replyText.trim()

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
      setEditing(false)
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
            autoFocus
            data-testid="edit-client"
            onChange={(e) => setClientText(e.target.value)}
          />
        </label>
        <label className="text-col">
          <span className="label">{t('review.edit.reply')}</span>
          <textarea
            value={replyText}
            data-testid="edit-reply"
            onChange={(e) => setReplyText(e.target.value)}
          />
        </label>
      </div>
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
        <button type="button" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
        <span className="muted small">{t('review.edit.hint')}</span>
      </div>
    </form>
  )
}
