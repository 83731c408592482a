// google-auth-library's OAuth2Client pointed at the configured endpoints, and the per-account
// client whose refreshes persist to the keychain. Refresh tokens die for many reasons none of
// which a retry fixes (https://developers.google.com/identity/protocols/oauth2#expiration):
// `invalid_grant` on refresh turns the account to error/token_revoked and asks for Reconnect.
import {
  OAuth2Client,
  type Credentials,
  type OAuth2ClientOptions,
  type gaxios,
} from 'google-auth-library'
import { AppError } from '@contract/errors'
import { createLogger, describeHttpError } from '../logging/logger'
import type { GoogleConfig } from './google-config'
import type { TokenSet } from './token-store'

const log = createLogger('oauth')

/** Refresh this long before expiry, so a request never leaves with a dying token. */
export const REFRESH_MARGIN_MS = 60_000
const HTTP_TIMEOUT_MS = 30_000

function clientOptions(config: GoogleConfig, redirectUri?: string): OAuth2ClientOptions {
  return {
    clientId: config.clientId,
    clientSecret: config.clientSecret ?? undefined,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: config.authUrl,
      oauth2TokenUrl: config.tokenUrl,
      oauth2RevokeUrl: config.revokeUrl,
    },
    eagerRefreshThresholdMillis: REFRESH_MARGIN_MS,
    transporterOptions: { timeout: HTTP_TIMEOUT_MS },
  }
}

export function createOAuthClient(config: GoogleConfig, redirectUri?: string): OAuth2Client {
  return new OAuth2Client(clientOptions(config, redirectUri))
}

interface OAuthErrorBody {
  error?: unknown
  error_description?: unknown
}

/** Google's OAuth error code and description from a failed token call, if it sent one. */
export function oauthErrorOf(e: unknown): { error: string; description: string | null } | null {
  const data = (e as { response?: { data?: unknown } } | null)?.response?.data
  if (!data || typeof data !== 'object') return null
  const body = data as OAuthErrorBody
  if (typeof body.error !== 'string') return null
  return {
    error: body.error,
    description: typeof body.error_description === 'string' ? body.error_description : null,
  }
}

export function isInvalidGrant(e: unknown): boolean {
  return oauthErrorOf(e)?.error === 'invalid_grant'
}

export function scopesOf(scope: string | null | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter(Boolean)
}

export function tokenSetFrom(creds: Credentials, previous: TokenSet | null): TokenSet | null {
  if (!creds.access_token) return null
  return {
    accessToken: creds.access_token,
    // Google sends a refresh token only on the first offline consent (or prompt=consent),
    // never on refresh: keep the one we have.
    refreshToken: creds.refresh_token || previous?.refreshToken || null,
    expiryDate: creds.expiry_date ?? null,
    scopes: typeof creds.scope === 'string' ? scopesOf(creds.scope) : (previous?.scopes ?? []),
    tokenType: creds.token_type || previous?.tokenType || 'Bearer',
  }
}

export interface AccountAuthHooks {
  /** Stores a refreshed token set; failures are logged, the fresh token is still used. */
  persist(tokens: TokenSet): Promise<void>
  /** The grant is gone (invalid_grant): mark the account. */
  onRevoked(): Promise<void>
}

/** An OAuth2Client for one account: refreshes 60 s early and writes each new token set back. */
export class AccountOAuthClient extends OAuth2Client {
  private current: TokenSet
  private persisting: Promise<void> = Promise.resolve()
  private readonly hooks: AccountAuthHooks
  readonly accountEmail: string

  constructor(config: GoogleConfig, email: string, tokens: TokenSet, hooks: AccountAuthHooks) {
    super(clientOptions(config))
    this.current = tokens
    this.hooks = hooks
    this.accountEmail = email
    this.setCredentials({
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expiry_date: tokens.expiryDate,
      token_type: tokens.tokenType,
      scope: tokens.scopes.join(' '),
    })
    this.on('tokens', (creds: Credentials) => {
      const next = tokenSetFrom(creds, this.current)
      if (!next) return
      this.current = next
      this.persisting = this.persisting
        .then(() => this.hooks.persist(next))
        .catch((e: unknown) => log.warn({ err: e }, 'refreshed token set not stored'))
    })
  }

  /**
   * An access token can die before its expiry (revocation, password change): on 401 refresh
   * once and retry once. Unlike the library's own forceRefreshOnFailure this leaves 403 alone,
   * which is a rate limit or a permission answer and never a stale token
   * (https://developers.google.com/gmail/api/guides/handle-errors).
   */
  protected override async requestAsync<T>(
    opts: gaxios.GaxiosOptions,
    reAuthRetried = false,
  ): Promise<gaxios.GaxiosResponse<T>> {
    try {
      return await super.requestAsync<T>(opts, true)
    } catch (e) {
      const status = (e as { response?: { status?: number } }).response?.status
      if (status !== 401 || reAuthRetried || !this.credentials.refresh_token) throw e
      await this.refreshAccessToken()
      return this.requestAsync<T>(opts, true)
    }
  }

  /** Every refresh path of the library (eager, on 401, explicit) goes through here. */
  protected override async refreshTokenNoCache(refreshToken?: string | null) {
    try {
      const result = await super.refreshTokenNoCache(refreshToken)
      // The caller proceeds only once the new token set is in the keychain.
      await this.persisting
      return result
    } catch (e) {
      if (isInvalidGrant(e)) {
        log.warn({ http: describeHttpError(e) }, 'refresh token refused: account needs reconnect')
        await this.hooks
          .onRevoked()
          .catch((err: unknown) => log.error({ err }, 'could not mark account'))
        throw new AppError(
          'token_revoked',
          `Google no longer accepts the authorization for ${this.accountEmail} (expired or revoked); reconnect the account.`,
          { cause: e },
        )
      }
      if (!(e instanceof AppError)) log.warn({ http: describeHttpError(e) }, 'token refresh failed')
      throw e
    }
  }
}

/**
 * Revokes a token (and with it the whole grant) at Google, best-effort: the token travels in
 * the form body, never in a URL (RFC 7009 §2.1). Returns whether Google confirmed.
 */
export async function revokeToken(config: GoogleConfig, token: string): Promise<boolean> {
  const client = createOAuthClient(config)
  try {
    await client.transporter.request({
      url: config.revokeUrl,
      method: 'POST',
      data: new URLSearchParams({ token }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      retry: false,
      timeout: 10_000,
    })
    return true
  } catch (e) {
    log.info({ http: describeHttpError(e) }, 'revoke not confirmed')
    return false
  }
}

export interface Pkce {
  codeVerifier: string
  codeChallenge: string
}

/** S256 pair from google-auth-library: a 128-char verifier and its SHA-256, base64url. */
export async function createPkce(): Promise<Pkce> {
  const { codeVerifier, codeChallenge } = await new OAuth2Client().generateCodeVerifierAsync()
  if (!codeChallenge) throw new Error('PKCE challenge was not generated')
  return { codeVerifier, codeChallenge }
}
