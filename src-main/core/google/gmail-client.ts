// Authenticated @googleapis/gmail v1 clients at the configured API root. gaxios' own retry is
// off: the sync engine paces and retries itself (one retry layer, see the Gmail error guide
// https://developers.google.com/gmail/api/guides/handle-errors).
import type { gmail_v1 } from '@googleapis/gmail'
import type { OAuth2Client } from 'google-auth-library'
import type { DbHandle } from '../../db/connection'
import { getAccountRow } from '../../db/queries/accounts'
import { AppError } from '@contract/errors'
import type { SecretStore } from '../secrets/secret-store'
import { resolveGoogleConfig, type GoogleConfig } from './google-config'
import type { AccountOAuthClient } from './oauth-client'
import { createTokenStore } from './token-store'

const API_TIMEOUT_MS = 60_000

type GmailAuth = NonNullable<gmail_v1.Options['auth']>

/** Loaded on first use: the Gmail client is large, and most CLI commands never call Gmail. */
export async function gmailClient(
  config: Pick<GoogleConfig, 'gmailApiRoot'>,
  auth: OAuth2Client,
): Promise<gmail_v1.Gmail> {
  const { gmail } = await import('@googleapis/gmail')
  return gmail({
    version: 'v1',
    // googleapis-common bundles its own google-auth-library copy; the client only needs
    // request(), which both copies' OAuth2Client share.
    auth: auth as unknown as GmailAuth,
    rootUrl: config.gmailApiRoot,
    retry: false,
    timeout: API_TIMEOUT_MS,
  })
}

/** A client for a token that was just issued (the connect flow), with no refresh. */
export async function gmailWithAccessToken(
  config: GoogleConfig,
  accessToken: string,
): Promise<gmail_v1.Gmail> {
  const { createOAuthClient } = await import('./oauth-client')
  const auth = createOAuthClient(config)
  auth.setCredentials({ access_token: accessToken, token_type: 'Bearer' })
  return gmailClient(config, auth)
}

export interface GmailForAccount {
  gmail: gmail_v1.Gmail
  auth: AccountOAuthClient
  email: string
}

export interface GmailClientFactory {
  /** Throws not_found, not_connected (no stored authorization), server_config, keychain_unavailable. */
  getAccountClient(accountId: number): Promise<GmailForAccount>
  /** The same for an account row the caller has already read (sync reads it with its lock). */
  clientFor(account: { id: number; email: string }): Promise<GmailForAccount>
}

export function createGmailClientFactory(deps: {
  dbh: DbHandle
  secrets: SecretStore
  env: NodeJS.ProcessEnv
  /** Called when Google refuses the refresh token (invalid_grant). */
  onRevoked(accountId: number): void
}): GmailClientFactory {
  const tokens = createTokenStore(deps.secrets)

  async function clientFor(row: { id: number; email: string }): Promise<GmailForAccount> {
    const accountId = row.id
    const config = await resolveGoogleConfig(deps)
    const stored = await tokens.read(row.email).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'token_revoked') deps.onRevoked(accountId)
      throw e
    })
    if (!stored) {
      throw new AppError(
        'not_connected',
        `${row.email} has no stored Gmail authorization; reconnect the account.`,
      )
    }
    // Google's OAuth library loads with the first Gmail call of a process, not at start.
    const { AccountOAuthClient } = await import('./oauth-client')
    const auth = new AccountOAuthClient(config, row.email, stored, {
      persist: async (next) => {
        // A disconnect removed the entry meanwhile: a late refresh must not bring it back.
        if ((await tokens.read(row.email)) === null) return
        await tokens.write(row.email, next)
      },
      onRevoked: async () => deps.onRevoked(accountId),
    })
    return { gmail: await gmailClient(config, auth), auth, email: row.email }
  }

  return {
    clientFor,
    async getAccountClient(accountId) {
      const row = getAccountRow(deps.dbh, accountId)
      if (!row) throw new AppError('not_found', `No account with id ${accountId}.`)
      return clientFor(row)
    },
  }
}
