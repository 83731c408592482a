import { useTranslation } from 'react-i18next'

/** A message above a page's content; role=alert for failures so screen readers announce it. */
export function FlashMessage({
  kind,
  text,
  detail,
  onDismiss,
  action,
  testId,
}: {
  kind: 'success' | 'error' | 'info'
  text: string
  detail?: string
  onDismiss?: () => void
  /** A button that fixes the situation (Resume, Reconnect). */
  action?: React.ReactNode
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <div
      className={`flash flash-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-kind={kind}
    >
      <div className="flash-text">
        <p>{text}</p>
        {detail && (
          <details>
            <summary>{t('common.details')}</summary>
            <p className="muted">{detail}</p>
          </details>
        )}
      </div>
      {action}
      {onDismiss && (
        <button type="button" className="icon" aria-label={t('common.dismiss')} onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  )
}
