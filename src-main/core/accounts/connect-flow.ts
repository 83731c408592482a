// Connecting a Gmail mailbox: the authorization code flow for native apps (RFC 8252) with
// PKCE (RFC 7636) through the system browser and a loopback listener, then the token
// exchange, the profile and send-as aliases, and the account + keychain write. Every attempt
// ends with an account or one reason code, and a failure leaves nothing written.
//
// One attempt at a time per process: starting a new one cancels the previous (the user
// clicked Connect again after closing the browser tab; the newest attempt is the one they
// are looking at).
import type { Credentials } from 'google-auth-library'
import type { CodeChallengeMethod } from 'google-auth-library'
import type { ConnectFailureReason, GmailConnectResult } from '@contract/accounts'
import type { DbHandle } from '../../db/connection'
import { toAccountDto, type AccountsService } from './accounts-service'
import { upsertConnectedAccount, type ConnectedAccount } from '../../db/queries/accounts'
import { isAppError, toAppError } from '@contract/errors'
import type { EventBus } from '../event-bus'
import { createLogger, describeHttpError } from '../logging/logger'
import { scrub } from '../logging/redact'
import { sendAsAliases } from '../google/send-as'
import { KEYCHAIN_HINT, type SecretStore } from '../secrets/secret-store'
import {
  GMAIL_READONLY_SCOPE,
  resolveGoogleConfig,
  type GoogleConfig,
} from '../google/google-config'
import { withRetries } from '../gmail/with-retries'
import { gmailWithAccessToken } from '../google/gmail-client'
import { startLoopbackListener, type LoopbackListener } from '../google/oauth-loopback'
import { createState } from '../google/pkce'

/** Google's OAuth library loads with the first connect: most starts never need it. */
const oauthLib = () => import('../google/oauth-client')
import type { TokenSet } from '../google/token-store'

const log = createLogger('gmail-connect')

export interface ConnectOptions {
  /** Default 5 minutes. */
  timeoutMs?: number
  /** Opens the authorization URL in the system browser; omitted = the caller shows the URL. */
  openBrowser?: (url: string) => Promise<void> | void
  /** Called once with the authorization URL, before the browser opens. */
  onAuthUrl?: (url: string) => void
  /** A mailbox to preselect on Google's account chooser (Reconnect). */
  loginHint?: string
}

export interface GmailConnectService {
  connect(options?: ConnectOptions): Promise<GmailConnectResult>
  /** Cancels the attempt in progress; false when there is none. */
  cancel(): boolean
}

class ConnectFailure extends Error {
  constructor(
    readonly reason: ConnectFailureReason,
    message: string,
  ) {
    super(message)
  }
}

function fail(reason: ConnectFailureReason, message: string): never {
  throw new ConnectFailure(reason, scrub(message))
}

interface Attempt {
  cancelled: boolean
  listener: LoopbackListener | null
}

export function createGmailConnectService(deps: {
  dbh: DbHandle
  secrets: SecretStore
  events: EventBus
  env: NodeJS.ProcessEnv
  accounts: AccountsService
}): GmailConnectService {
  let active: Attempt | null = null

  function checkCancelled(attempt: Attempt): void {
    if (attempt.cancelled) fail('cancelled', 'The connection was cancelled.')
  }

  async function loadConfig(): Promise<GoogleConfig> {
    try {
      return await resolveGoogleConfig(deps)
    } catch (e) {
      const err = toAppError(e)
      if (err.code === 'keychain_unavailable') return fail('keychain_unavailable', KEYCHAIN_HINT)
      return fail(
        'server_config',
        err.code === 'server_config'
          ? err.message
          : 'The Google client settings could not be read.',
      )
    }
  }

  async function exchange(
    config: GoogleConfig,
    redirectUri: string,
    code: string,
    codeVerifier: string,
  ): Promise<Credentials> {
    const { createOAuthClient, oauthErrorOf } = await oauthLib()
    const client = createOAuthClient(config, redirectUri)
    try {
      return (await client.getToken({ code, codeVerifier, redirect_uri: redirectUri })).tokens
    } catch (e) {
      const http = describeHttpError(e)
      log.warn({ http }, 'token exchange failed')
      const oauth = oauthErrorOf(e)
      if (oauth) {
        const detail = oauth.description ? `${oauth.error}: ${oauth.description}` : oauth.error
        const hint =
          oauth.error === 'invalid_client' || /client_secret/.test(detail)
            ? ' Check the Google client id and secret in Settings.'
            : ' Start the connection again.'
        return fail('token_failed', `Google refused the authorization code (${detail}).${hint}`)
      }
      const what = http.status ? `HTTP ${String(http.status)}` : String(http.code ?? 'no response')
      return fail(
        'token_http',
        `The Google token endpoint could not be reached or answered badly (${what}); check the network and try again.`,
      )
    }
  }

  async function readMailbox(config: GoogleConfig, accessToken: string): Promise<ConnectedAccount> {
    const gmail = await gmailWithAccessToken(config, accessToken)
    try {
      // A 5xx or a rate limit here is Google's passing trouble: retried like every sync call.
      const profile = await withRetries(() => gmail.users.getProfile({ userId: 'me' }))
      const email = profile.data.emailAddress?.trim().toLowerCase()
      if (!email) return fail('profile_failed', 'Gmail returned no address for this mailbox.')
      const sendAs = await withRetries(() => gmail.users.settings.sendAs.list({ userId: 'me' }))
      return {
        email,
        sendAs: sendAsAliases(sendAs.data.sendAs),
        grantedScopes: [],
      }
    } catch (e) {
      if (e instanceof ConnectFailure) throw e
      const http = describeHttpError(e)
      log.warn({ http }, 'mailbox profile failed')
      const what =
        [http.status, http.reason].filter(Boolean).join(' ') || String(http.code ?? 'no response')
      return fail(
        'profile_failed',
        `Gmail did not return the mailbox profile (${what}); try again.`,
      )
    }
  }

  /** Keychain first, then the row; a failed row write puts the keychain back as it was. */
  async function persist(
    mailbox: ConnectedAccount,
    creds: Credentials,
  ): Promise<GmailConnectResult> {
    const { tokens } = deps.accounts
    let previous: TokenSet | null
    try {
      previous = await tokens.read(mailbox.email).catch((e: unknown) => {
        if (isAppError(e) && e.code === 'token_revoked') return null // unreadable: replace it
        throw e
      })
    } catch {
      return fail('keychain_unavailable', KEYCHAIN_HINT)
    }
    const { tokenSetFrom } = await oauthLib()
    const next = tokenSetFrom(creds, previous)
    if (!next) return fail('missing_access_token', 'Google answered without an access token.')
    if (!next.refreshToken) {
      return fail(
        'token_failed',
        'Google sent no refresh token, so ReplyBase could not keep the connection. Remove ReplyBase ' +
          'at https://myaccount.google.com/permissions and connect again.',
      )
    }
    next.scopes = mailbox.grantedScopes
    try {
      await tokens.write(mailbox.email, next)
    } catch (e) {
      const err = toAppError(e)
      if (err.code === 'keychain_unavailable') return fail('keychain_unavailable', KEYCHAIN_HINT)
      return fail('persist_failed', `The authorization could not be stored: ${err.message}`)
    }
    try {
      const { row, created } = upsertConnectedAccount(deps.dbh, mailbox)
      log.info({ accountId: row.id, created }, 'gmail account connected')
      deps.accounts.notifyChanged(row.id)
      return { ok: true, account: toAccountDto(row) }
    } catch (e) {
      const restore = previous
        ? tokens.write(mailbox.email, previous)
        : tokens.remove(mailbox.email)
      await Promise.resolve(restore).catch((err: unknown) =>
        log.error({ err }, 'keychain not restored'),
      )
      log.error({ err: e }, 'account row not written')
      return fail('persist_failed', `The account could not be saved: ${toAppError(e).message}`)
    }
  }

  async function run(attempt: Attempt, options: ConnectOptions): Promise<GmailConnectResult> {
    const config = await loadConfig()
    const ping = await deps.secrets.ping()
    if (!ping.ok) fail('keychain_unavailable', KEYCHAIN_HINT)
    checkCancelled(attempt)

    const { createOAuthClient, createPkce, scopesOf } = await oauthLib()
    const pkce = await createPkce()
    const state = createState()
    const listener = await startLoopbackListener({
      expectedState: state,
      timeoutMs: options.timeoutMs,
    })
    attempt.listener = listener
    checkCancelled(attempt)
    const authUrl = createOAuthClient(config, listener.redirectUri).generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: config.scopes,
      state,
      code_challenge: pkce.codeChallenge,
      code_challenge_method: 'S256' as CodeChallengeMethod,
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    })
    options.onAuthUrl?.(authUrl)
    deps.events.emit('gmail.connect.waiting', { authUrl })
    if (options.openBrowser) {
      try {
        await options.openBrowser(authUrl)
      } catch (e) {
        // The URL is still shown (CLI stdout, the UI's copy button): not fatal.
        // Only the error code: an opener's message may quote the URL.
        log.warn({ code: (e as { code?: unknown } | null)?.code ?? null }, 'browser did not open')
      }
    }

    const outcome = await listener.outcome
    await listener.close()
    if (!outcome.ok) fail(outcome.reason, outcome.message)
    const creds = await exchange(config, listener.redirectUri, outcome.code, pkce.codeVerifier)
    checkCancelled(attempt)
    if (!creds.access_token)
      fail('missing_access_token', 'Google answered without an access token.')
    // Granular consent lets the user untick Gmail; the response's scope says what was granted
    // (https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions).
    const granted = typeof creds.scope === 'string' ? scopesOf(creds.scope) : config.scopes
    if (!granted.includes(GMAIL_READONLY_SCOPE)) {
      fail(
        'scope_denied',
        'Read access to Gmail was not granted. Connect again and leave "View your email messages and settings" ticked.',
      )
    }
    const mailbox = await readMailbox(config, creds.access_token)
    mailbox.grantedScopes = granted
    checkCancelled(attempt)
    return persist(mailbox, creds)
  }

  return {
    async connect(options = {}) {
      if (active) {
        log.info('a new connect attempt replaces the one in progress')
        cancelAttempt(active)
      }
      const attempt: Attempt = { cancelled: false, listener: null }
      active = attempt
      try {
        return await run(attempt, options)
      } catch (e) {
        if (e instanceof ConnectFailure) {
          log.info({ reason: e.reason }, 'connect attempt failed')
          return { ok: false, reason: e.reason, message: e.message }
        }
        log.error({ err: e }, 'connect attempt crashed')
        return { ok: false, reason: 'persist_failed', message: scrub(toAppError(e).message) }
      } finally {
        if (active === attempt) active = null
        await attempt.listener?.close()
      }
    },
    cancel() {
      if (!active) return false
      cancelAttempt(active)
      return true
    },
  }
}

function cancelAttempt(attempt: Attempt): void {
  attempt.cancelled = true
  attempt.listener?.cancel()
}
