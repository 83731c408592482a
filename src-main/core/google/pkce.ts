// PKCE (RFC 7636) and the CSRF `state` (RFC 6749 §10.12) for the loopback flow.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { OAuth2Client } from 'google-auth-library'

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

/** 32 random bytes, base64url: 43 characters, unguessable (RFC 6749 §10.10). */
export function createState(): string {
  return randomBytes(32).toString('base64url')
}

const STATE_SHAPE = /^[A-Za-z0-9_-]{1,512}$/

/** Constant-time comparison, so response timing tells nothing about the expected value. */
export function statesEqual(received: string, expected: string): boolean {
  if (!STATE_SHAPE.test(received)) return false
  const a = Buffer.from(received, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
