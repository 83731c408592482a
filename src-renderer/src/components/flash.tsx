import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/** How long a success notice stays: long enough to read, gone before it describes the past. */
export const SUCCESS_NOTICE_MS = 6_000

/**
 * A message above a page's content; role=alert for failures so screen readers announce it.
 * A dismissible success goes by itself after a few seconds; errors stay until dismissed or
 * replaced, since they say what to do.
 */
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
  // The latest callback, so a page re-rendering (sync progress) does not restart the clock.
  const dismiss = useRef(onDismiss)
  useEffect(() => {
    dismiss.current = onDismiss
  })
  const dismissible = onDismiss !== undefined
  useEffect(() => {
    if (kind !== 'success' || !dismissible) return
    const timer = setTimeout(() => dismiss.current?.(), SUCCESS_NOTICE_MS)
    return () => clearTimeout(timer)
    // A new text is a new notice: its own few seconds.
  }, [kind, text, dismissible])
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
