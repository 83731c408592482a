// "Connect Gmail account" and, while the browser flow runs, the waiting state with Cancel and
// the authorization link to copy (no browser opened, or the wrong one did).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAccounts } from '../../stores/accounts-store'

export function ConnectPanel() {
  const { t } = useTranslation()
  const connect = useAccounts((s) => s.connect)
  const startConnect = useAccounts((s) => s.startConnect)
  const cancelConnect = useAccounts((s) => s.cancelConnect)
  const [copied, setCopied] = useState(false)

  if (connect.phase === 'idle') {
    return (
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          data-testid="connect-gmail"
          onClick={() => void startConnect()}
        >
          {t('accounts.connect')}
        </button>
      </div>
    )
  }
  const copy = async (url: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      // No clipboard permission (a plain browser tab): the link stays selectable below.
      setCopied(false)
    }
  }
  return (
    <div className="card waiting" role="status" data-testid="connect-waiting">
      <div className="waiting-head">
        <span className="spinner" aria-hidden="true" />
        <strong>
          {connect.reconnect
            ? t('accounts.waitingReconnect', { email: connect.reconnect })
            : t('accounts.waiting')}
        </strong>
        <button type="button" data-testid="connect-cancel" onClick={() => void cancelConnect()}>
          {t('common.cancel')}
        </button>
      </div>
      <p className="muted">{t('accounts.waitingHint')}</p>
      {connect.authUrl && (
        <div className="auth-link">
          <span className="muted">{t('accounts.linkHint')}</span>
          <input
            readOnly
            className="mono"
            aria-label={t('accounts.linkHint')}
            value={connect.authUrl}
            data-testid="auth-url"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy(connect.authUrl ?? '')}>
            {copied ? t('common.copied') : t('accounts.copyLink')}
          </button>
        </div>
      )}
    </div>
  )
}
