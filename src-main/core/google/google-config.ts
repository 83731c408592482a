// Where the Google OAuth client and endpoints come from. The client is a Google Cloud
// "Desktop app" client (docs/google-cloud-setup.md): its id lives in Settings, its secret in
// the keychain, and the environment overrides both. The endpoint overrides exist for tests
// and Google-compatible servers; production uses Google's published endpoints.
import type { DbHandle } from '../../db/connection'
import { AppError } from '@contract/errors'
import type { SecretStore } from '../secrets/secret-store'
import { readSetting } from '../settings/settings-store'

export const GMAIL_READONLY_SCOPE = 'https://www.googleapis.com/auth/gmail.readonly'

export const GOOGLE_ENDPOINTS = {
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
  // Gmail is at <root>gmail/v1/... (the discovery document's rootUrl).
  gmailApiRoot: 'https://gmail.googleapis.com/',
} as const

export interface GoogleEndpoints {
  authUrl: string
  tokenUrl: string
  revokeUrl: string
  gmailApiRoot: string
}

export interface GoogleConfig extends GoogleEndpoints {
  clientId: string
  /** Desktop clients still need it at the token endpoint; null for a public client. */
  clientSecret: string | null
  scopes: string[]
}

export interface GoogleConfigDeps {
  dbh: DbHandle
  secrets: SecretStore
  env: NodeJS.ProcessEnv
}

function envUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppError('server_config', `${name} is not a valid URL.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('server_config', `${name} must be an http(s) URL.`)
  }
  return url.href
}

/** Endpoints only: needs neither the database nor the keychain. */
export function resolveGoogleEndpoints(env: NodeJS.ProcessEnv): GoogleEndpoints {
  let gmailApiRoot = envUrl(env, 'REPLYBASE_GMAIL_API_URL', GOOGLE_ENDPOINTS.gmailApiRoot)
  // new URL('gmail/v1/...', root) drops the last path segment of a root without a slash.
  if (!gmailApiRoot.endsWith('/')) gmailApiRoot += '/'
  return {
    authUrl: envUrl(env, 'REPLYBASE_GOOGLE_AUTH_URL', GOOGLE_ENDPOINTS.authUrl),
    tokenUrl: envUrl(env, 'REPLYBASE_GOOGLE_TOKEN_URL', GOOGLE_ENDPOINTS.tokenUrl),
    revokeUrl: envUrl(env, 'REPLYBASE_GOOGLE_REVOKE_URL', GOOGLE_ENDPOINTS.revokeUrl),
    gmailApiRoot,
  }
}

export function resolveClientId(deps: Pick<GoogleConfigDeps, 'dbh' | 'env'>): string | null {
  const fromEnv = deps.env.REPLYBASE_GOOGLE_CLIENT_ID?.trim()
  if (fromEnv) return fromEnv
  return readSetting(deps.dbh, 'googleClientId')?.trim() || null
}

/**
 * The whole client configuration. Throws `server_config` without a client id and
 * `keychain_unavailable` when the secret cannot be read.
 */
export async function resolveGoogleConfig(deps: GoogleConfigDeps): Promise<GoogleConfig> {
  const endpoints = resolveGoogleEndpoints(deps.env)
  const clientId = resolveClientId(deps)
  if (!clientId) {
    throw new AppError(
      'server_config',
      'No Google OAuth client is configured: enter the client id and secret of a "Desktop app" ' +
        'client in Settings (see docs/google-cloud-setup.md), or set REPLYBASE_GOOGLE_CLIENT_ID.',
    )
  }
  const secretFromEnv = deps.env.REPLYBASE_GOOGLE_CLIENT_SECRET?.trim()
  const clientSecret =
    secretFromEnv || (await deps.secrets.get('google-client-secret'))?.trim() || null
  return { ...endpoints, clientId, clientSecret, scopes: [GMAIL_READONLY_SCOPE] }
}
