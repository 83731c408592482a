// One keychain entry per Gmail account (kind `gmail-token`, keyed by the mailbox address, so
// a new account's tokens can be stored before its row exists and a failed row write can be
// undone): access token, refresh token, expiry and granted scopes as compact JSON. Nothing
// of it is ever written to the database.
import { z } from 'zod'
import { AppError } from '@contract/errors'
import type { SecretStore } from '../secrets/secret-store'

export interface TokenSet {
  accessToken: string
  refreshToken: string | null
  /** Milliseconds since the epoch; null when the server gave no lifetime. */
  expiryDate: number | null
  scopes: string[]
  tokenType: string
}

const stored = z.object({
  v: z.literal(1),
  at: z.string().min(1),
  rt: z.string().min(1).nullable(),
  exp: z.number().nullable(),
  scope: z.string(),
  tt: z.string(),
})

/** Entry id of an account's token set: the normalised mailbox address. */
export function tokenKey(email: string): string {
  return email.trim().toLowerCase()
}

export function serializeTokens(t: TokenSet): string {
  return JSON.stringify({
    v: 1,
    at: t.accessToken,
    rt: t.refreshToken,
    exp: t.expiryDate,
    scope: t.scopes.join(' '),
    tt: t.tokenType,
  })
}

export function parseTokens(raw: string): TokenSet | null {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = stored.safeParse(json)
  if (!parsed.success) return null
  const d = parsed.data
  return {
    accessToken: d.at,
    refreshToken: d.rt,
    expiryDate: d.exp,
    scopes: d.scope.split(' ').filter(Boolean),
    tokenType: d.tt,
  }
}

export interface TokenStore {
  read(email: string): Promise<TokenSet | null>
  write(email: string, tokens: TokenSet): Promise<void>
  /** True when an entry was removed. */
  remove(email: string): Promise<boolean>
}

export function createTokenStore(secrets: SecretStore): TokenStore {
  return {
    async read(email) {
      const raw = await secrets.get('gmail-token', tokenKey(email))
      if (raw === null) return null
      const tokens = parseTokens(raw)
      // A damaged entry is as good as none: the account needs a reconnect, not a crash.
      if (!tokens)
        throw new AppError(
          'token_revoked',
          `The stored Gmail authorization for ${email} is unreadable; reconnect the account.`,
        )
      return tokens
    },
    write: (email, tokens) => secrets.set('gmail-token', serializeTokens(tokens), tokenKey(email)),
    remove: (email) => secrets.delete('gmail-token', tokenKey(email)),
  }
}
