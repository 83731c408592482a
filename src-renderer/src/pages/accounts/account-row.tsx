import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountDto } from '@contract'
import { Pill } from '../../components/pill'
import { syncNoteText } from '../../i18n'
import { formatDateTime, formatDuration } from '../../i18n/format'
import { useAccounts } from '../../stores/accounts-store'
import { ALL_ACCOUNTS, useSync } from '../../stores/sync-store'
import { accountName } from './account-name'

const TONE = { active: 'ok', disabled: 'muted', error: 'bad' } as const

export function AccountRow({
  account,
  onDisconnect,
}: {
  account: AccountDto
  onDisconnect: (account: AccountDto) => void
}) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const busy = useAccounts((s) => s.busy[account.id])
  const connecting = useAccounts((s) => s.connect.phase === 'waiting')
  const { setEnabled, requestResync, startConnect } = useAccounts.getState()
  const progress = useSync((s) => s.progress[account.id])
  const syncing = useSync((s) => s.running.includes(account.id))
  // While "sync all" runs, the accounts wait their turn: no second run is started by hand.
  const syncingAll = useSync((s) => s.running.includes(ALL_ACCOUNTS))
  const syncNow = useSync((s) => s.syncNow)
  const highlighted = useAccounts((s) => s.highlight === account.id)
  const reconnectRef = useRef<HTMLButtonElement>(null)
  // Disconnected (authorization removed, mail kept): the way back is Reconnect, not Enable.
  const disconnected = account.status === 'disabled' && account.statusReason === 'disconnected'
  useEffect(() => {
    if (highlighted) reconnectRef.current?.focus()
  }, [highlighted])
  const summary = account.lastSyncSummary
  const reason = account.statusReason
  const reasonText = reason
    ? t(`accounts.reason.${reason}`, { defaultValue: reason.replace(/_/g, ' ') })
    : null
  const name = accountName(account)
  const provider = t(`accounts.provider.${account.provider}`)
  const canSync = account.status === 'active' && !syncing && !syncingAll

  return (
    <>
      <tr
        data-testid={`account-${account.email}`}
        data-status={account.status}
        className={highlighted ? 'highlight' : undefined}
      >
        <td className="provider-col">{provider}</td>
        <td className="account-cell">
          {name && <div className="strong">{name}</div>}
          <div className={name ? 'muted small' : 'strong'}>
            <Address email={account.email} />
          </div>
          {/* Shown only where a narrow window drops the provider column. */}
          <div className="muted small provider-inline">{provider}</div>
        </td>
        <td>
          <Pill tone={TONE[account.status]}>{t(`accounts.status.${account.status}`)}</Pill>
          {reasonText && <div className="small muted reason">{reasonText}</div>}
          {account.manualResyncRequestedAt && (
            <div className="small muted">{t('accounts.resyncPending')}</div>
          )}
        </td>
        <td className="nowrap">
          {account.lastSyncAt ? formatDateTime(account.lastSyncAt, lng) : t('common.never')}
        </td>
        <td className="summary-cell" data-testid="account-summary">
          <div data-testid="account-holdings">
            {t('accounts.holdings', {
              messages: new Intl.NumberFormat(lng).format(account.holdings.messages),
              pairs: new Intl.NumberFormat(lng).format(
                account.holdings.pairs.new +
                  account.holdings.pairs.approved +
                  account.holdings.pairs.rejected,
              ),
              new: account.holdings.pairs.new,
              approved: account.holdings.pairs.approved,
              rejected: account.holdings.pairs.rejected,
            })}
          </div>
          {summary ? (
            <>
              <div className="small" data-testid="account-last-change">
                {t('accounts.summary', {
                  messages: summary.messages_upserted,
                  pairs: summary.pairs_created,
                  errors: summary.errors.length,
                })}
              </div>
              <div className="muted small">
                {formatDateTime(summary.finished_at, lng)} ·{' '}
                {formatDuration(summary.duration_ms, lng)}
              </div>
              {summary.errors.length > 0 && (
                // Stays until a sync ends without a problem: the reason must not vanish with
                // the result dialog.
                <div className="bad small" role="note" data-testid="account-last-error">
                  {t('accounts.lastError', {
                    time: formatDateTime(summary.finished_at, lng),
                    error: syncNoteText(summary.errors[0]!),
                  })}
                  {summary.errors.length > 1 &&
                    ` ${t('accounts.lastErrorMore', { count: summary.errors.length - 1 })}`}
                </div>
              )}
            </>
          ) : (
            <span className="muted">{t('accounts.summaryNone')}</span>
          )}
        </td>
        <td className="actions-cell">
          <div className="actions">
            {(account.status === 'error' || disconnected) && (
              <button
                ref={reconnectRef}
                type="button"
                className="primary"
                disabled={connecting}
                data-testid="account-reconnect"
                onClick={() => void startConnect(account.email)}
              >
                {t('accounts.action.reconnect')}
              </button>
            )}
            <button
              type="button"
              disabled={!canSync}
              data-testid="account-sync-now"
              onClick={() => void syncNow(account.id)}
            >
              {t('accounts.action.syncNow')}
            </button>
            {!disconnected && (
              <button
                type="button"
                disabled={busy !== undefined}
                data-testid="account-toggle"
                onClick={() => void setEnabled(account.id, account.status === 'disabled')}
              >
                {account.status === 'disabled'
                  ? t('accounts.action.enable')
                  : t('accounts.action.disable')}
              </button>
            )}
            <button
              type="button"
              disabled={busy !== undefined}
              data-testid="account-resync"
              onClick={() => void requestResync(account.id)}
            >
              {t('accounts.action.resync')}
            </button>
            {!disconnected && (
              <button
                type="button"
                className="danger-text"
                disabled={busy !== undefined}
                data-testid="account-disconnect"
                onClick={() => onDisconnect(account)}
              >
                {t('accounts.action.disconnect')}
              </button>
            )}
          </div>
        </td>
      </tr>
      {syncing && (
        <tr className="progress-row" data-testid="account-progress">
          <td colSpan={6}>
            <SyncProgress email={account.email} progress={progress ?? null} />
          </td>
        </tr>
      )}
    </>
  )
}

/** An address that a narrow column wraps after its @ rather than anywhere in a word. */
function Address({ email }: { email: string }) {
  const at = email.indexOf('@')
  if (at < 0) return <>{email}</>
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  )
}

function SyncProgress({
  email,
  progress,
}: {
  email: string
  progress: { phase: string; done: number; total: number } | null
}) {
  const { t } = useTranslation()
  const phase = progress
    ? t(`accounts.phase.${progress.phase}`, { defaultValue: progress.phase })
    : t('accounts.phase.starting')
  // total 0 = not known yet: an indeterminate bar.
  const known = progress !== null && progress.total > 0
  return (
    <div className="progress">
      <progress
        aria-label={t('accounts.progressLabel', { email })}
        max={known ? progress.total : undefined}
        value={known ? Math.min(progress.done, progress.total) : undefined}
      />
      <span className="small" data-testid="progress-text">
        {progress
          ? t('accounts.progress', { phase, done: progress.done, total: progress.total || '?' })
          : phase}
      </span>
    </div>
  )
}
