// The OpenAI key is bound to the origin it was entered for: it is stored in the keychain
// together with that origin, and sent only to a base URL of the same origin. Changing the
// base URL to another origin therefore needs the key entered again, so a changed setting
// (or a changed database) cannot send the key to another host.
import { registerSecret } from '../logging/redact'
import type { SecretStore } from '../secrets/secret-store'
import { originOf } from '../security/sender-origin'

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1'

export interface BoundKey {
  key: string
  origin: string
}

/** The origin requests go to: the base URL's, or OpenAI's own without one. */
export function providerOrigin(baseUrl: string | null): string {
  return originOf(baseUrl ?? DEFAULT_OPENAI_BASE_URL) ?? 'invalid:'
}

export async function readBoundKey(secrets: SecretStore): Promise<BoundKey | null> {
  const raw = await secrets.get('openai-api-key')
  if (!raw) return null
  if (!raw.startsWith('{')) {
    // Stored before keys were bound: trusted for OpenAI itself only.
    return { key: raw, origin: providerOrigin(null) }
  }
  try {
    const value = JSON.parse(raw) as Partial<BoundKey>
    if (typeof value.key !== 'string' || typeof value.origin !== 'string') return null
    registerSecret(value.key)
    return { key: value.key, origin: value.origin }
  } catch {
    return null
  }
}

export async function writeBoundKey(secrets: SecretStore, bound: BoundKey): Promise<void> {
  registerSecret(bound.key)
  await secrets.set('openai-api-key', JSON.stringify({ origin: bound.origin, key: bound.key }))
}
