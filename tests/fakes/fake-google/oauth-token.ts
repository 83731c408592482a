// POST /token (RFC 6749 §4.1.3 / §6 with PKCE, RFC 7636 §4.6), POST /revoke (RFC 7009 as Google
// runs it), /tokeninfo and /oauth2/v3/userinfo. Error texts are the ones Google sends.

import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { oauthError, type ApiReply } from './google-errors'
import { signIdToken, subjectFor } from './id-token'
import type { AccessToken, OAuthState } from './oauth-state'
import type { FakeOAuthClient } from './types'

export interface TokenContext {
  oauth: OAuthState
  clients: FakeOAuthClient[]
  now(): number
}

const NO_STORE = {
  'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
  pragma: 'no-cache',
}
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** client_secret_basic (RFC 6749 §2.3.1) or client_secret_post. */
function clientCredentials(
  form: URLSearchParams,
  headers: IncomingHttpHeaders,
): { id?: string; secret?: string } {
  const auth = headers.authorization
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) {
      return {
        id: decodeURIComponent(decoded.slice(0, colon)),
        secret: decodeURIComponent(decoded.slice(colon + 1)),
      }
    }
  }
  return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined }
}

function tokenBody(
  ctx: TokenContext,
  t: AccessToken,
  refreshToken: string | undefined,
  nonce?: string,
): ApiReply {
  const body: Record<string, unknown> = {
    access_token: t.token,
    expires_in: ctx.oauth.expiresInSec(t, ctx.now()),
  }
  if (refreshToken) body['refresh_token'] = refreshToken
  body['scope'] = t.scopes.join(' ')
  body['token_type'] = 'Bearer'
  if (t.scopes.includes('openid')) {
    body['id_token'] = signIdToken({
      clientId: t.grant.clientId,
      email: t.grant.email,
      accessToken: t.token,
      nonce,
      nowSec: Math.floor(ctx.now() / 1000),
    })
  }
  return { status: 200, body, headers: NO_STORE }
}

function codeGrant(ctx: TokenContext, form: URLSearchParams, clientId: string): ApiReply {
  const codeValue = form.get('code')
  if (!codeValue) return oauthError(400, 'invalid_request', 'Missing required parameter: code')
  const code = ctx.oauth.codes.get(codeValue)
  if (!code) return oauthError(400, 'invalid_grant', 'Malformed auth code.')
  if (code.used) return oauthError(400, 'invalid_grant', 'Code was already redeemed.')
  if (code.expiresAt <= ctx.now() || code.clientId !== clientId) {
    return oauthError(400, 'invalid_grant', 'Bad Request')
  }
  const redirectUri = form.get('redirect_uri')
  if (!redirectUri) return oauthError(400, 'invalid_request', 'Missing parameter: redirect_uri')
  if (redirectUri !== code.redirectUri)
    return oauthError(400, 'redirect_uri_mismatch', 'Bad Request')
  if (code.codeChallenge) {
    const verifier = form.get('code_verifier')
    if (!verifier) return oauthError(400, 'invalid_grant', 'Missing code verifier.')
    const derived =
      code.codeChallengeMethod === 'S256'
        ? createHash('sha256').update(verifier, 'ascii').digest('base64url')
        : verifier
    if (!PKCE_VALUE.test(verifier) || !safeEqual(derived, code.codeChallenge)) {
      return oauthError(400, 'invalid_grant', 'Invalid code verifier.')
    }
  }
  code.used = true
  const grant = code.grant
  if (grant.revoked) return oauthError(400, 'invalid_grant', 'Bad Request')
  grant.scopes = [...new Set([...grant.scopes, ...code.scopes])]
  const access = ctx.oauth.issueAccess(grant, code.scopes, ctx.now())
  const refresh = code.issueRefreshToken ? ctx.oauth.issueRefresh(grant, code.scopes) : undefined
  return tokenBody(ctx, access, refresh, code.nonce)
}

function refreshGrant(ctx: TokenContext, form: URLSearchParams, clientId: string): ApiReply {
  const token = form.get('refresh_token')
  if (!token) return oauthError(400, 'invalid_request', 'Missing required parameter: refresh_token')
  const entry = ctx.oauth.refresh.get(token)
  const grant = entry?.grant
  if (!entry || !grant || grant.revoked) {
    return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.')
  }
  if (grant.clientId !== clientId) return oauthError(401, 'unauthorized_client', 'Unauthorized')
  const access = ctx.oauth.issueAccess(grant, entry.scopes, ctx.now())
  return tokenBody(ctx, access, undefined)
}

export function handleToken(
  ctx: TokenContext,
  form: URLSearchParams,
  headers: IncomingHttpHeaders,
): ApiReply {
  const creds = clientCredentials(form, headers)
  if (!creds.id)
    return oauthError(400, 'invalid_request', 'Could not determine client ID from request.')
  const client = ctx.clients.find((c) => c.clientId === creds.id)
  if (!client) return oauthError(401, 'invalid_client', 'The OAuth client was not found.')
  if (client.clientSecret !== undefined) {
    if (!creds.secret) return oauthError(400, 'invalid_request', 'client_secret is missing.')
    if (!safeEqual(creds.secret, client.clientSecret)) {
      return oauthError(401, 'invalid_client', 'Unauthorized')
    }
  }
  const grantType = form.get('grant_type') ?? ''
  if (grantType === 'authorization_code') return codeGrant(ctx, form, client.clientId)
  if (grantType === 'refresh_token') return refreshGrant(ctx, form, client.clientId)
  return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`)
}

export function handleRevoke(ctx: TokenContext, token: string | null): ApiReply {
  if (!token) return oauthError(400, 'invalid_request', 'Missing required parameter: token')
  if (!ctx.oauth.revokeToken(token)) {
    return oauthError(400, 'invalid_token', 'Token expired or revoked')
  }
  return { status: 200, body: {} }
}

export function bearerOf(
  headers: IncomingHttpHeaders,
  query?: URLSearchParams,
): string | undefined {
  const auth = headers.authorization
  const m = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null
  return m?.[1] ?? query?.get('access_token') ?? undefined
}

export function handleTokenInfo(ctx: TokenContext, token: string | undefined): ApiReply {
  const t = token ? ctx.oauth.checkAccess(token, ctx.now()) : undefined
  if (!t) return oauthError(400, 'invalid_token', 'Invalid Value')
  const expiresIn = ctx.oauth.expiresInSec(t, ctx.now())
  const body: Record<string, unknown> = {
    azp: t.grant.clientId,
    aud: t.grant.clientId,
    sub: subjectFor(t.grant.email),
    scope: t.scopes.join(' '),
    exp: String(Math.floor(t.expiresAt / 1000)),
    expires_in: String(expiresIn),
    access_type: t.grant.refreshTokens.size ? 'offline' : 'online',
  }
  if (t.scopes.some((s) => s.endsWith('/userinfo.email'))) {
    body['email'] = t.grant.email
    body['email_verified'] = 'true'
  }
  return { status: 200, body }
}

export function handleUserInfo(ctx: TokenContext, token: string | undefined): ApiReply {
  const t = token ? ctx.oauth.checkAccess(token, ctx.now()) : undefined
  if (!t) {
    return oauthError(401, 'invalid_request', 'Invalid Credentials')
  }
  const body: Record<string, unknown> = { sub: subjectFor(t.grant.email) }
  if (t.scopes.some((s) => s.endsWith('/userinfo.email'))) {
    body['email'] = t.grant.email
    body['email_verified'] = true
  }
  return { status: 200, body }
}
