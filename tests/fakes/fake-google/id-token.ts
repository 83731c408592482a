// RS256 ID tokens (OpenID Connect Core §2) and the two certificate endpoints Google publishes,
// so OAuth2Client.verifyIdToken() works against the fake when pointed at them.

import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto'

interface Keys {
  kid: string
  privateKey: KeyObject
  publicPem: string
  jwk: Record<string, unknown>
}

let keys: Keys | undefined

function getKeys(): Keys {
  if (!keys) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>
    const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString()
    const kid = createHash('sha1').update(publicPem).digest('hex')
    keys = { kid, privateKey, publicPem, jwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } }
  }
  return keys
}

/** Google's `sub`: a stable decimal id per account. */
export function subjectFor(email: string): string {
  const digest = createHash('sha256').update(email.toLowerCase()).digest()
  return '1' + (digest.readBigUInt64BE(0) % 10n ** 20n).toString().padStart(20, '0')
}

export function signIdToken(claims: {
  clientId: string
  email: string
  accessToken: string
  nonce?: string
  nowSec: number
}): string {
  const k = getKeys()
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  // at_hash: left half of SHA-256 of the access token (OIDC Core §3.1.3.6).
  const atHash = createHash('sha256').update(claims.accessToken).digest().subarray(0, 16)
  const payload: Record<string, unknown> = {
    iss: 'https://accounts.google.com',
    azp: claims.clientId,
    aud: claims.clientId,
    sub: subjectFor(claims.email),
    email: claims.email,
    email_verified: true,
    at_hash: atHash.toString('base64url'),
    iat: claims.nowSec,
    exp: claims.nowSec + 3599,
  }
  if (claims.nonce) payload['nonce'] = claims.nonce
  const input = `${b64({ alg: 'RS256', kid: k.kid, typ: 'JWT' })}.${b64(payload)}`
  const sig = createSign('RSA-SHA256').update(input).sign(k.privateKey)
  return `${input}.${sig.toString('base64url')}`
}

/** https://www.googleapis.com/oauth2/v1/certs shape: kid -> PEM. */
export const pemCerts = (): Record<string, string> => ({ [getKeys().kid]: getKeys().publicPem })

/** https://www.googleapis.com/oauth2/v3/certs shape: a JWK set. */
export const jwkCerts = (): { keys: Array<Record<string, unknown>> } => ({ keys: [getKeys().jwk] })
