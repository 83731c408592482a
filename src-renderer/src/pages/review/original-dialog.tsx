// The pair's messages as they arrived (headers and the full decoded text), one click from the
// detail pane. Text only: mail HTML is never rendered here.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MessageDto, PairDetail } from '@contract'
import { Dialog } from '../../components/dialog'
import { ErrorState, Loading } from '../../components/states'
import { call, toFailure, type Failure } from '../../api/client'
import { formatDateTime } from '../../i18n/format'

export function OriginalDialog({ pair, onClose }: { pair: PairDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const refs = [
    ...pair.clientMessages.map((m, i) => ({
      id: m.id,
      label: t('review.original.clientN', { n: i + 1 }),
    })),
    ...(pair.replyMessage ? [{ id: pair.replyMessage.id, label: t('review.original.reply') }] : []),
  ]
  const [id, setId] = useState<number | null>(pair.clientMessages.at(-1)?.id ?? refs[0]?.id ?? null)
  return (
    <Dialog title={t('review.original.title')} onClose={onClose} testId="original-dialog" wide>
      {refs.length > 1 && (
        <label className="field">
          <span>{t('review.original.which')}</span>
          <select
            value={id ?? ''}
            data-testid="original-which"
            onChange={(e) => setId(Number(e.target.value))}
          >
            {refs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {id !== null && <MessageView key={id} id={id} />}
    </Dialog>
  )
}

function MessageView({ id }: { id: number }) {
  const { t, i18n } = useTranslation()
  const [message, setMessage] = useState<MessageDto | null>(null)
  const [error, setError] = useState<Failure | null>(null)
  useEffect(() => {
    let live = true
    call('messages.get', { id }).then(
      (m) => live && setMessage(m),
      (e: unknown) => live && setError(toFailure(e)),
    )
    return () => {
      live = false
    }
  }, [id])
  if (error) return <ErrorState error={error} />
  if (!message) return <Loading />
  const from = message.fromName
    ? `${message.fromName} <${message.fromAddress ?? ''}>`
    : (message.fromAddress ?? '')
  return (
    <article data-testid="original-message">
      <dl className="facts">
        <dt>{t('review.original.from')}</dt>
        <dd>{from}</dd>
        <dt>{t('review.original.to')}</dt>
        <dd>{message.toAddresses.join(', ')}</dd>
        {message.ccAddresses.length > 0 && (
          <>
            <dt>{t('review.original.cc')}</dt>
            <dd>{message.ccAddresses.join(', ')}</dd>
          </>
        )}
        <dt>{t('review.original.date')}</dt>
        <dd>{formatDateTime(message.sentAt, i18n.language)}</dd>
        <dt>{t('review.original.subject')}</dt>
        <dd>{message.subject}</dd>
        {message.attachments.length > 0 && (
          <>
            <dt>{t('review.original.attachments')}</dt>
            <dd>
              {message.attachments
                .map((a) => `${a.filename ?? a.mimeType} (${Math.ceil(a.size / 1024)} KB)`)
                .join(', ')}
            </dd>
          </>
        )}
      </dl>
      {message.deletedAt && <p className="muted">{t('review.original.deleted')}</p>}
      {message.charsetFallback && (
        <p className="muted small">{t('review.original.charsetFallback')}</p>
      )}
      {message.truncated && <p className="muted small">{t('review.original.truncated')}</p>}
      {message.parseStatus === 'failed' && (
        <p className="bad small">
          {t('review.original.parseFailed', { error: message.parseError ?? '' })}
        </p>
      )}
      <pre className="text-body original-body" tabIndex={0} data-testid="original-body">
        {message.bodyText}
      </pre>
    </article>
  )
}
