// GET /o/oauth2/v2/auth: validates the request like Google's consent screen (RFC 6749 §4.1.1,
// PKCE RFC 7636 §4.3, loopback redirect RFC 8252 §7.3) and then "clicks through" consent,
// answering 302 to the redirect_uri with code and state (RFC 6749 §4.1.2).

import type { ServerResponse } from 'node:http'
import { redirect, sendHtml } from './http-util'
import { normalizeScopes, type OAuthState } from './oauth-state'
import type { FakeOAuthClient, NextAuth } from './types'

export interface AuthorizeContext {
  oauth: OAuthState
  clients: FakeOAuthClient[]
  strict: boolean
  now(): number
  defaultAccount(): string
  takeNextAuth(): NextAuth
}

const LOOPBACK = /^http:\/\/127\.0\.0\.1:(\d{1,5})(\/[^?#]*)?$/
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/
const CODE_TTL_MS = 5 * 60_000

function withParams(uri: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.append(k, v)
  return `${uri}${uri.includes('?') ? '&' : '?'}${q.toString()}`
}

export function handleAuthorize(ctx: AuthorizeContext, url: URL, res: ServerResponse): void {
  const p = url.searchParams
  const fail = (status: number, error: string, detail: string): void =>
    sendHtml(res, status, `Error ${status}: ${error}`, detail)

  const clientId = p.get('client_id')
  if (!clientId) return fail(400, 'invalid_request', 'Missing required parameter: client_id')
  if (!ctx.clients.some((c) => c.clientId === clientId)) {
    return fail(401, 'invalid_client', 'The OAuth client was not found.')
  }
  const redirectUri = p.get('redirect_uri')
  if (!redirectUri) return fail(400, 'invalid_request', 'Missing required parameter: redirect_uri')
  const loop = LOOPBACK.exec(redirectUri)
  const port = Number(loop?.[1] ?? 0)
  if (!loop || port < 1 || port > 65535) {
    return fail(400, 'redirect_uri_mismatch', `redirect_uri=${redirectUri}`)
  }
  // From here on RFC 6749 §4.1.2.1 lets errors go back to the client, but Google shows them on
  // its own error page for malformed requests; only the user's decision is redirected.
  const responseType = p.get('response_type')
  if (!responseType)
    return fail(400, 'invalid_request', 'Required parameter is missing: response_type')
  if (responseType !== 'code') return fail(400, 'unsupported_response_type', responseType)
  const scope = p.get('scope')
  if (!scope) return fail(400, 'invalid_request', 'Missing required parameter: scope')
  const { scopes, invalid } = normalizeScopes(scope)
  if (invalid.length) {
    return fail(
      400,
      'invalid_scope',
      `Some requested scopes were invalid. {invalid=[${invalid.join(', ')}]}`,
    )
  }
  const challenge = p.get('code_challenge') ?? undefined
  const method = p.get('code_challenge_method') ?? undefined
  if (challenge !== undefined && !PKCE_VALUE.test(challenge)) {
    return fail(400, 'invalid_request', 'Invalid code_challenge.')
  }
  if (method !== undefined && method !== 'S256' && method !== 'plain') {
    return fail(400, 'invalid_request', `Invalid code_challenge_method: ${method}`)
  }
  if (ctx.strict && (!challenge || method !== 'S256')) {
    return fail(400, 'invalid_request', 'PKCE with code_challenge_method=S256 is required')
  }
  const state = p.get('state') ?? undefined
  if (ctx.strict && !state) return fail(400, 'invalid_request', 'Missing required parameter: state')
  const accessType = p.get('access_type') ?? 'online'
  if (accessType !== 'online' && accessType !== 'offline') {
    return fail(400, 'invalid_request', `Invalid access_type: ${accessType}`)
  }
  const prompt = (p.get('prompt') ?? '').split(' ').filter(Boolean)
  const badPrompt = prompt.find((x) => !['none', 'consent', 'select_account'].includes(x))
  if (badPrompt || (prompt.includes('none') && prompt.length > 1)) {
    return fail(400, 'invalid_request', `Invalid prompt: ${prompt.join(' ')}`)
  }

  const next = ctx.takeNextAuth()
  const email = next.account ?? ctx.defaultAccount()
  const existing = ctx.oauth.grantFor(clientId, email)
  if (next.mode === 'deny') {
    return redirect(res, withParams(redirectUri, { error: 'access_denied', state }))
  }
  if (prompt.includes('none') && !existing) {
    return redirect(res, withParams(redirectUri, { error: 'consent_required', state }))
  }
  // Granular consent: the user may untick scopes; identity scopes cannot be unticked.
  const ticked = next.grantedScopes ? normalizeScopes(next.grantedScopes.join(' ')).scopes : scopes
  let granted = scopes.filter(
    (s) => ticked.includes(s) || s === 'openid' || s.endsWith('/userinfo.email'),
  )
  if (p.get('include_granted_scopes') === 'true' && existing) {
    granted = [...new Set([...existing.scopes, ...granted])]
  }
  // Google returns a refresh token only on the first offline consent, or when prompt=consent.
  const issueRefreshToken =
    accessType === 'offline' &&
    !next.omitRefreshToken &&
    (!existing || existing.refreshTokens.size === 0 || prompt.includes('consent'))
  const grant = ctx.oauth.ensureGrant(clientId, email)
  const code = ctx.oauth.newCode({
    clientId,
    redirectUri,
    codeChallenge: challenge,
    codeChallengeMethod: challenge ? (method ?? 'plain') : undefined,
    grant,
    scopes: granted,
    issueRefreshToken,
    nonce: p.get('nonce') ?? undefined,
    expiresAt: ctx.now() + CODE_TTL_MS,
  })
  const returnedState =
    next.mode === 'no_state' ? undefined : next.mode === 'wrong_state' ? `${state ?? ''}x` : state
  redirect(
    res,
    withParams(redirectUri, {
      state: returnedState,
      code: next.mode === 'no_code' ? undefined : code.code,
      scope: granted.join(' '),
      authuser: '0',
      prompt: 'consent',
    }),
  )
}
