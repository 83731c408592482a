import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountDto } from '@contract'
import { Empty, ErrorState, Loading } from '../components/states'
import { FlashMessage } from '../components/flash'
import { useAccounts, type Flash } from '../stores/accounts-store'
import { useSettings } from '../stores/settings-store'
import { useSync } from '../stores/sync-store'
import { AccountRow } from './accounts/account-row'
import { ConnectPanel } from './accounts/connect-panel'
import { DisconnectDialog } from './accounts/disconnect-dialog'
import { SyncResultDialog } from './accounts/sync-result-dialog'

function flashText(t: (key: string, o?: Record<string, unknown>) => string, f: Flash): string {
  return t(`accounts.flash.${f.code}`, { ...f.params, defaultValue: f.detail ?? f.code })
}

export function AccountsPage() {
  const { t } = useTranslation()
  const { accounts, error, load, flash, showFlash } = useAccounts()
  const paused = useSettings((s) => s.settings?.backgroundSyncPaused ?? false)
  const setPaused = useSync((s) => s.setPaused)
  const result = useSync((s) => s.result)
  const closeResult = useSync((s) => s.closeResult)
  const syncing = useSync((s) => s.running.length > 0)
  const syncAll = useSync((s) => s.syncNow)
  const [disconnecting, setDisconnecting] = useState<AccountDto | null>(null)

  useEffect(() => {
    void load()
  }, [load])

  const anyActive = accounts?.some((a) => a.status === 'active') ?? false
  return (
    <section className="page" aria-labelledby="accounts-title">
      <header className="page-head">
        <div>
          <h1 id="accounts-title">{t('accounts.title')}</h1>
          <p className="muted">{t('accounts.intro')}</p>
        </div>
        {accounts && accounts.length > 1 && (
          <button
            type="button"
            disabled={!anyActive || syncing}
            data-testid="sync-all"
            onClick={() => void syncAll()}
          >
            {syncing ? t('sync.running') : t('sync.all')}
          </button>
        )}
      </header>
      <ConnectPanel />
      {paused && (
        <FlashMessage
          kind="info"
          text={t('sync.paused')}
          testId="paused-banner"
          action={
            <button type="button" onClick={() => void setPaused(false)}>
              {t('sync.resume')}
            </button>
          }
        />
      )}
      {flash && (
        <FlashMessage
          kind={flash.kind}
          text={flashText(t, flash)}
          detail={flash.kind === 'error' ? flash.detail : undefined}
          onDismiss={() => showFlash(null)}
          testId="accounts-flash"
        />
      )}
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !accounts ? (
        <Loading />
      ) : accounts.length === 0 ? (
        <Empty>
          {t('accounts.empty')} {t('accounts.emptyHint')}
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={t('accounts.table')} data-testid="accounts-table">
            <thead>
              <tr>
                <th scope="col" className="provider-col">
                  {t('accounts.col.provider')}
                </th>
                <th scope="col">{t('accounts.col.account')}</th>
                <th scope="col">{t('accounts.col.status')}</th>
                <th scope="col">{t('accounts.col.lastSync')}</th>
                <th scope="col">{t('accounts.col.summary')}</th>
                <th scope="col">{t('accounts.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <AccountRow key={a.id} account={a} onDisconnect={setDisconnecting} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {disconnecting && (
        <DisconnectDialog account={disconnecting} onClose={() => setDisconnecting(null)} />
      )}
      {result && <SyncResultDialog result={result} onClose={closeResult} />}
    </section>
  )
}
