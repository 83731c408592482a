import { isSafeExternalUrl } from '../../core/security/external-url'
import { disconnectAccount } from '../../core/accounts/disconnect-account'
import type { DomainHandlers } from './types'

type AccountsMethods =
  | 'accounts.list'
  | 'accounts.setEnabled'
  | 'accounts.requestResync'
  | 'accounts.disconnect'
  | 'gmail.connect'
  | 'gmail.cancelConnect'

export const accountsHandlers =
  (openExternal: (url: string) => Promise<void> | void): DomainHandlers<AccountsMethods> =>
  (core) => ({
    'accounts.list': () => core.accounts.list(),
    'accounts.setEnabled': ({ id, enabled }) => core.accounts.setEnabled(id, enabled),
    'accounts.requestResync': ({ id }) => core.accounts.requestResync(id),
    'accounts.disconnect': ({ id, purge }) => disconnectAccount(core, id, purge),
    // The platform opener takes vetted URLs only; the authorization URL is built by us but
    // its base comes from configuration.
    'gmail.connect': ({ loginHint, timeoutSeconds, openBrowser }) =>
      core.gmailConnect.connect({
        loginHint,
        timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
        openBrowser:
          openBrowser === false
            ? undefined
            : async (url) => {
                if (!isSafeExternalUrl(url))
                  throw new Error('authorization URL refused by the URL policy')
                await openExternal(url)
              },
      }),
    'gmail.cancelConnect': () => ({ cancelled: core.gmailConnect.cancel() }),
  })
