import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountDto } from '@contract'
import { Dialog } from '../../components/dialog'
import { useAccounts } from '../../stores/accounts-store'

export function DisconnectDialog({
  account,
  onClose,
}: {
  account: AccountDto
  onClose: () => void
}) {
  const { t } = useTranslation()
  const disconnect = useAccounts((s) => s.disconnect)
  const busy = useAccounts((s) => s.busy[account.id] === 'disconnect')
  const [purge, setPurge] = useState(false)
  return (
    <Dialog
      title={t('accounts.disconnect.title', { email: account.email })}
      onClose={onClose}
      testId="disconnect-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            data-testid="disconnect-confirm"
            onClick={() => void disconnect(account.id, purge).then((ok) => ok && onClose())}
          >
            {t('accounts.disconnect.confirm')}
          </button>
        </>
      }
    >
      <p>{t('accounts.disconnect.body')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={purge}
          data-testid="disconnect-purge"
          onChange={(e) => setPurge(e.target.checked)}
        />
        <span>{t('accounts.disconnect.purge')}</span>
      </label>
      {purge && <p className="bad">{t('accounts.disconnect.purgeWarn')}</p>}
    </Dialog>
  )
}
