// Authorization codes, grants and tokens of the fake Google authorization server.
// A grant is one (client, account) consent; revoking any of its tokens revokes all of them,
// as Google's revoke endpoint does.
// https://developers.google.com/identity/protocols/oauth2/native-app#tokenrevoke

import { randomBytes } from 'node:crypto'
import { GMAIL_READONLY } from './types'

export interface Grant {
  clientId: string
  email: string
  scopes: string[]
  refreshTokens: Set<string>
  revoked: boolean
}

export interface AuthCode {
  code: string
  clientId: string
  redirectUri: string
  codeChallenge?: string
  codeChallengeMethod?: string
  grant: Grant
  /** Scopes this code grants (granular consent may drop some). */
  scopes: string[]
  issueRefreshToken: boolean
  nonce?: string
  used: boolean
  expiresAt: number
}

export interface AccessToken {
  token: string
  grant: Grant
  scopes: string[]
  expiresAt: number
}

/** Scopes Google knows, with the short aliases it expands in token responses. */
const SCOPE_ALIASES: Record<string, string> = {
  email: 'https://www.googleapis.com/auth/userinfo.email',
  profile: 'https://www.googleapis.com/auth/userinfo.profile',
}
const KNOWN_SCOPES = new Set([
  'openid',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile',
  GMAIL_READONLY,
  'https://www.googleapis.com/auth/gmail.metadata',
  'https://www.googleapis.com/auth/gmail.modify',
  'https://www.googleapis.com/auth/gmail.labels',
  'https://www.googleapis.com/auth/gmail.send',
  'https://mail.google.com/',
])

export function normalizeScopes(scope: string): { scopes: string[]; invalid: string[] } {
  const scopes: string[] = []
  const invalid: string[] = []
  for (const s of scope.split(/[ +]+/).filter(Boolean)) {
    const full = SCOPE_ALIASES[s] ?? s
    if (!KNOWN_SCOPES.has(full)) invalid.push(s)
    else if (!scopes.includes(full)) scopes.push(full)
  }
  return { scopes, invalid }
}

/** Scopes that let a token read mail (format=metadata only for gmail.metadata). */
export const READ_SCOPES = [
  GMAIL_READONLY,
  'https://www.googleapis.com/auth/gmail.modify',
  'https://mail.google.com/',
]
export const METADATA_SCOPE = 'https://www.googleapis.com/auth/gmail.metadata'

const rand = (bytes: number): string => randomBytes(bytes).toString('base64url')

export class OAuthState {
  readonly codes = new Map<string, AuthCode>()
  readonly access = new Map<string, AccessToken>()
  /** Refresh token -> its grant and the scopes of the consent that issued it. */
  readonly refresh = new Map<string, { grant: Grant; scopes: string[] }>()
  readonly grants: Grant[] = []

  constructor(
    private readonly marker: string,
    private readonly ttlSec: number,
  ) {}

  grantFor(clientId: string, email: string): Grant | undefined {
    return this.grants.find((g) => g.clientId === clientId && g.email === email && !g.revoked)
  }

  ensureGrant(clientId: string, email: string): Grant {
    let g = this.grantFor(clientId, email)
    if (!g) {
      g = { clientId, email, scopes: [], refreshTokens: new Set(), revoked: false }
      this.grants.push(g)
    }
    return g
  }

  newCode(init: Omit<AuthCode, 'code' | 'used'>): AuthCode {
    const code: AuthCode = { ...init, code: `4/0A${this.marker}${rand(52)}`, used: false }
    this.codes.set(code.code, code)
    return code
  }

  issueAccess(grant: Grant, scopes: string[], now: number): AccessToken {
    const token = `ya29.a0${this.marker}${rand(120)}`
    const t: AccessToken = { token, grant, scopes, expiresAt: now + this.ttlSec * 1000 }
    this.access.set(token, t)
    return t
  }

  issueRefresh(grant: Grant, scopes: string[]): string {
    const token = `1//0${this.marker}${rand(72)}`
    grant.refreshTokens.add(token)
    this.refresh.set(token, { grant, scopes })
    return token
  }

  /** Live access token or undefined (unknown, expired, or its grant revoked). */
  checkAccess(token: string, now: number): AccessToken | undefined {
    const t = this.access.get(token)
    if (!t || t.grant.revoked || t.expiresAt <= now) return undefined
    return t
  }

  /** Revokes the grant behind an access or refresh token; false when the token is unknown. */
  revokeToken(token: string): boolean {
    const grant = this.access.get(token)?.grant ?? this.refresh.get(token)?.grant
    if (!grant || grant.revoked) return false
    grant.revoked = true
    return true
  }

  revokeAccount(email: string): void {
    for (const g of this.grants) if (g.email === email) g.revoked = true
  }

  expireAccess(email?: string): void {
    for (const t of this.access.values()) {
      if (!email || t.grant.email === email) t.expiresAt = 0
    }
  }

  expiresInSec(t: AccessToken, now: number): number {
    return Math.max(0, Math.floor((t.expiresAt - now) / 1000))
  }
}
