// OAuth 2.0 + PKCE against the fake, driven by the real google-auth-library 10.9.1 client.

import { gaxios, type OAuth2Client } from 'google-auth-library'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  authorize,
  connectAccount,
  createOAuthClient,
  GMAIL_READONLY,
  startFakeGoogle,
  type FakeGoogle,
} from './fake-google'

const EMAIL = 'support@acme.example'
let fake: FakeGoogle

beforeAll(async () => {
  fake = await startFakeGoogle({ mailboxes: [{ email: EMAIL }], tokenMarker: 'CANARY' })
})
afterAll(() => fake.close())
beforeEach(() => fake.setNextAuth(null))

/** The GaxiosError's parsed body: OAuth errors are `{error, error_description}`. */
async function oauthFailure(p: Promise<unknown>): Promise<{ status?: number; body: unknown }> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(gaxios.GaxiosError)
  const e = err as InstanceType<typeof gaxios.GaxiosError>
  return { status: e.status, body: e.response?.data }
}

async function codeFor(client: OAuth2Client): Promise<{ code: string; codeVerifier: string }> {
  const { location, codeVerifier } = await authorize(fake, client)
  return { code: location.searchParams.get('code') ?? '', codeVerifier }
}

describe('authorization code flow with PKCE', () => {
  it('exchanges a code for Google-shaped tokens and calls Gmail with them', async () => {
    const { tokens, gmail } = await connectAccount(fake)
    expect(tokens.access_token).toMatch(/^ya29\.a0CANARY[\w-]+$/)
    expect(tokens.refresh_token).toMatch(/^1\/\/0CANARY[\w-]+$/)
    expect(tokens.token_type).toBe('Bearer')
    expect(tokens.scope?.split(' ')).toContain(GMAIL_READONLY)
    expect(tokens.expiry_date).toBeGreaterThan(Date.now() + 3_500_000)
    const profile = await gmail.users.getProfile({ userId: 'me' })
    expect(profile.data.emailAddress).toBe(EMAIL)
  })

  it('redirects to the loopback URI with state, code, scope', async () => {
    const client = createOAuthClient(fake)
    const { location, state } = await authorize(fake, client, { state: 'abc123' })
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:53682/oauth2callback')
    expect(location.searchParams.get('state')).toBe(state)
    expect(location.searchParams.get('code')).toMatch(/^4\/0ACANARY/)
    expect(location.searchParams.get('scope')).toContain(GMAIL_READONLY)
  })

  it('refuses a reused code, a wrong verifier and a different redirect_uri', async () => {
    const client = createOAuthClient(fake)
    const first = await codeFor(client)
    await client.getToken(first)
    expect(await oauthFailure(client.getToken(first))).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Code was already redeemed.' },
    })
    const second = await codeFor(client)
    const bad = await oauthFailure(
      client.getToken({ code: second.code, codeVerifier: 'x'.repeat(43) }),
    )
    expect(bad.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid code verifier.',
    })
    const third = await codeFor(client)
    const other = createOAuthClient(fake, { redirectUri: 'http://127.0.0.1:9/other' })
    const mismatch = await oauthFailure(other.getToken(third))
    expect(mismatch.body).toEqual({
      error: 'redirect_uri_mismatch',
      error_description: 'Bad Request',
    })
  })

  it('authenticates the client the way Google does', async () => {
    const good = createOAuthClient(fake)
    const a = await codeFor(good)
    const wrongSecret = createOAuthClient(fake, { clientSecret: 'GOCSPX-wrong' })
    expect(await oauthFailure(wrongSecret.getToken(a))).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Unauthorized' },
    })
    const noSecret = createOAuthClient(fake, { clientSecret: '' })
    const missing = await oauthFailure(noSecret.getToken(a))
    expect(missing.body).toEqual({
      error: 'invalid_request',
      error_description: 'client_secret is missing.',
    })
    const unknown = createOAuthClient(fake, { clientId: 'nope.apps.googleusercontent.com' })
    expect(await oauthFailure(unknown.getToken(a))).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' },
    })
  })

  it('returns no refresh_token on a repeat consent without prompt=consent', async () => {
    await connectAccount(fake)
    const again = await connectAccount(fake, { prompt: 'select_account' })
    expect(again.tokens.refresh_token).toBeUndefined()
    fake.setNextAuth({ mode: 'approve', omitRefreshToken: true })
    expect((await connectAccount(fake)).tokens.refresh_token).toBeUndefined()
  })

  it('issues an ID token that verifyIdToken accepts with the fake certs', async () => {
    const { auth, tokens } = await connectAccount(fake)
    const ticket = await auth.verifyIdToken({
      idToken: tokens.id_token ?? '',
      audience: fake.clients[0]?.clientId,
    })
    expect(ticket.getPayload()?.email).toBe(EMAIL)
  })
})

describe('consent outcomes', () => {
  it('deny answers error=access_denied with the state', async () => {
    fake.setNextAuth({ mode: 'deny' })
    const { location, state } = await authorize(fake, createOAuthClient(fake))
    expect(location.searchParams.get('error')).toBe('access_denied')
    expect(location.searchParams.get('state')).toBe(state)
    expect(location.searchParams.get('code')).toBeNull()
  })

  it('can tamper with or drop state and code', async () => {
    const client = createOAuthClient(fake)
    fake.setNextAuth({ mode: 'wrong_state' })
    const wrong = await authorize(fake, client)
    expect(wrong.location.searchParams.get('state')).not.toBe(wrong.state)
    fake.setNextAuth({ mode: 'no_state' })
    expect((await authorize(fake, client)).location.searchParams.has('state')).toBe(false)
    fake.setNextAuth({ mode: 'no_code' })
    expect((await authorize(fake, client)).location.searchParams.has('code')).toBe(false)
  })

  it('granular consent without gmail.readonly gives 403 insufficientPermissions', async () => {
    fake.setNextAuth({ mode: 'approve', grantedScopes: ['openid', 'email'] })
    const { tokens, gmail } = await connectAccount(fake)
    expect(tokens.scope?.split(' ')).not.toContain(GMAIL_READONLY)
    const err = await gmail.users.getProfile({ userId: 'me' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(gaxios.GaxiosError)
    const e = err as InstanceType<typeof gaxios.GaxiosError>
    expect(e.status).toBe(403)
    const body = e.response?.data as {
      error: { status: string; errors: Array<{ reason: string }> }
    }
    expect(body.error.status).toBe('PERMISSION_DENIED')
    expect(body.error.errors[0]?.reason).toBe('insufficientPermissions')
  })

  it('shows an error page (no redirect) for a bad client or redirect_uri or a missing PKCE', async () => {
    const base = new URL(fake.authUrl)
    const params = {
      client_id: fake.clients[0]?.clientId ?? '',
      redirect_uri: 'http://127.0.0.1:5000/cb',
      response_type: 'code',
      scope: GMAIL_READONLY,
      state: 's',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    }
    const open = (over: Record<string, string>): Promise<Response> => {
      const u = new URL(base)
      for (const [k, v] of Object.entries({ ...params, ...over })) if (v) u.searchParams.set(k, v)
      return fetch(u, { redirect: 'manual' })
    }
    expect((await open({})).status).toBe(302)
    expect((await open({ client_id: 'x.apps.googleusercontent.com' })).status).toBe(401)
    const localhost = await open({ redirect_uri: 'http://localhost:5000/cb' })
    expect(localhost.status).toBe(400)
    expect(await localhost.text()).toContain('redirect_uri_mismatch')
    expect((await open({ code_challenge_method: 'plain' })).status).toBe(400)
    expect((await open({ code_challenge: '', code_challenge_method: '' })).status).toBe(400)
    expect((await open({ scope: 'https://www.googleapis.com/auth/bogus' })).status).toBe(400)
  })
})

describe('refresh and revoke', () => {
  it('refreshes after expireTokens() when the API answers 401', async () => {
    const { auth, gmail } = await connectAccount(fake)
    const before = auth.credentials.access_token
    fake.expireTokens()
    fake.resetStats()
    const res = await gmail.users.getProfile({ userId: 'me' })
    expect(res.data.emailAddress).toBe(EMAIL)
    expect(auth.credentials.access_token).not.toBe(before)
    expect(auth.credentials.refresh_token).toBeDefined()
    expect(fake.stats().byEndpointStatus['getProfile']).toEqual({ '200': 1, '401': 1 })
    expect(fake.stats().byEndpointStatus['oauth.token']).toEqual({ '200': 1 })
  })

  it('revoke kills the whole grant; refresh then fails with invalid_grant', async () => {
    const { auth, tokens } = await connectAccount(fake)
    await auth.revokeToken(tokens.access_token ?? '')
    const refresh = await oauthFailure(auth.refreshAccessToken())
    expect(refresh.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    })
    const again = await oauthFailure(auth.revokeToken(tokens.refresh_token ?? ''))
    expect(again).toEqual({
      status: 400,
      body: { error: 'invalid_token', error_description: 'Token expired or revoked' },
    })
  })

  it('revokeAll and revokeAfterRequests end access mid-sync', async () => {
    const { gmail } = await connectAccount(fake)
    fake.setFaults({ revokeAfterRequests: 2 })
    await gmail.users.getProfile({ userId: 'me' })
    await gmail.users.getProfile({ userId: 'me' })
    const err = await gmail.users.getProfile({ userId: 'me' }).catch((e: unknown) => e)
    // 401, the client refreshes once, and Google refuses the revoked refresh token.
    const e = err as InstanceType<typeof gaxios.GaxiosError>
    expect(e.response?.data).toEqual({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    })
    const second = await connectAccount(fake)
    fake.revokeAll(EMAIL)
    const after = await second.gmail.users.getProfile({ userId: 'me' }).catch((x: unknown) => x)
    expect((after as InstanceType<typeof gaxios.GaxiosError>).status).toBe(400)
  })

  it('answers tokeninfo for a live token', async () => {
    const { auth, tokens } = await connectAccount(fake)
    const info = await auth.getTokenInfo(tokens.access_token ?? '')
    expect(info.scopes).toContain(GMAIL_READONLY)
    expect(info.email).toBe(EMAIL)
    expect(info.aud).toBe(fake.clients[0]?.clientId)
  })
})
