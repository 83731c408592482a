// The CSRF `state` (RFC 6749 §10.12) for the loopback flow; the PKCE pair (RFC 7636) comes from
// Google's library with the rest of the OAuth client (oauth-client.ts, createPkce).
import { randomBytes, timingSafeEqual } from 'node:crypto'

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
