// Test helpers that wire the REAL google-auth-library and @googleapis/gmail clients to the fake:
// an OAuth2Client with every endpoint overridden, the consent "click" done over HTTP, and a
// Gmail client whose rootUrl is the fake.

import { gmail, type gmail_v1 } from '@googleapis/gmail'
import { CodeChallengeMethod, OAuth2Client, type Credentials } from 'google-auth-library'
import { GMAIL_READONLY, type FakeGoogle } from './types'

export interface ClientOptions {
  clientId?: string
  clientSecret?: string
  /** Loopback redirect (RFC 8252 §7.3); nothing needs to listen there for these helpers. */
  redirectUri?: string
}

export function createOAuthClient(fake: FakeGoogle, opts: ClientOptions = {}): OAuth2Client {
  const client = fake.clients[0]
  return new OAuth2Client({
    clientId: opts.clientId ?? client?.clientId,
    clientSecret: opts.clientSecret ?? client?.clientSecret,
    redirectUri: opts.redirectUri ?? 'http://127.0.0.1:53682/oauth2callback',
    // Refresh on a 401 even when the local expiry_date says the token is still fresh.
    forceRefreshOnFailure: true,
    endpoints: {
      oauth2AuthBaseUrl: fake.authUrl,
      oauth2TokenUrl: fake.tokenUrl,
      oauth2RevokeUrl: fake.revokeUrl,
      tokenInfoUrl: fake.tokenInfoUrl,
      oauth2FederatedSignonPemCertsUrl: fake.certsPemUrl,
      oauth2FederatedSignonJwkCertsUrl: fake.certsJwkUrl,
    },
  })
}

export interface AuthorizeOptions {
  scopes?: string[]
  accessType?: 'online' | 'offline'
  prompt?: string
  state?: string
}

export interface AuthorizeResult {
  /** Where the fake redirected the browser (the loopback URL with code/state or error). */
  location: URL
  codeVerifier: string
  state: string
}

/** Opens the consent URL like a browser would, without following the final redirect. */
export async function authorize(
  fake: FakeGoogle,
  client: OAuth2Client,
  opts: AuthorizeOptions = {},
): Promise<AuthorizeResult> {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync()
  const state = opts.state ?? `st-${Math.random().toString(36).slice(2)}`
  const url = client.generateAuthUrl({
    access_type: opts.accessType ?? 'offline',
    scope: opts.scopes ?? [GMAIL_READONLY, 'openid', 'email'],
    prompt: opts.prompt ?? 'consent',
    state,
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  })
  if (!url.startsWith(fake.authUrl)) throw new Error('auth URL does not point at the fake')
  const res = await fetch(url, { redirect: 'manual' })
  const location = res.headers.get('location')
  if (res.status !== 302 || !location) {
    throw new Error(`authorization failed: HTTP ${res.status} ${await res.text()}`)
  }
  return { location: new URL(location), codeVerifier, state }
}

export interface Connected {
  auth: OAuth2Client
  tokens: Credentials
  gmail: gmail_v1.Gmail
}

export function gmailClient(fake: FakeGoogle, auth: OAuth2Client): gmail_v1.Gmail {
  // @googleapis/gmail 18 types `auth` against googleapis-common's pinned copy of
  // google-auth-library (10.5.0); the 10.9.1 client is the same at runtime, so only the type
  // is bridged. Requests then run through this client's own transporter (gaxios 7.3.1).
  const compatible = auth as unknown as gmail_v1.Options['auth']
  // gaxios' own retries are off so tests see each status exactly once.
  return gmail({ version: 'v1', auth: compatible, rootUrl: fake.apiRoot, retry: false })
}

/** Full PKCE code flow against the fake; the account is the fake's nextAuth or first mailbox. */
export async function connectAccount(
  fake: FakeGoogle,
  opts: AuthorizeOptions & ClientOptions = {},
): Promise<Connected> {
  const auth = createOAuthClient(fake, opts)
  const { location, codeVerifier } = await authorize(fake, auth, opts)
  const code = location.searchParams.get('code')
  if (!code) throw new Error(`no code in redirect: ${location.search}`)
  const { tokens } = await auth.getToken({ code, codeVerifier })
  auth.setCredentials(tokens)
  return { auth, tokens, gmail: gmailClient(fake, auth) }
}
