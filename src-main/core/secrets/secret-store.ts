// Secrets (OAuth token sets, the OpenAI key, the Google client secret) live only in the OS
// keychain, one entry per account and kind. There is no plaintext fallback: if no keychain
// answers, the operation fails with `keychain_unavailable` and says how to fix it.
import { AppError } from '@contract/errors'
import { registerSecret } from '../logging/redact'

export type SecretKind = 'gmail-token' | 'openai-api-key' | 'google-client-secret'

/** Windows Credential Manager caps a blob at 2,560 bytes; the cap applies everywhere so an
 * entry that works on Linux can never fail only on Windows. */
export const MAX_SECRET_BYTES = 2560

export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export interface SecretStore {
  readonly service: string
  get(kind: SecretKind, id?: string): Promise<string | null>
  set(kind: SecretKind, value: string, id?: string): Promise<void>
  delete(kind: SecretKind, id?: string): Promise<boolean>
  /** True when a keychain answers; never throws. */
  ping(): Promise<{ ok: true } | { ok: false; message: string }>
}

export const KEYCHAIN_HINT =
  'The system keychain is not reachable. On Linux, start a Secret Service provider ' +
  '(gnome-keyring or KWallet) in your desktop session and unlock it; on macOS and Windows ' +
  'the keychain is built in. ReplyBase never stores secrets in plain text.'

function entryName(kind: SecretKind, id?: string): string {
  return id ? `${kind}:${id}` : kind
}

function unavailable(cause: unknown): AppError {
  return new AppError('keychain_unavailable', KEYCHAIN_HINT, { cause })
}

export function createSecretStore(backend: KeychainBackend, service: string): SecretStore {
  return {
    service,
    async get(kind, id) {
      let value: string | null
      try {
        value = await backend.getPassword(service, entryName(kind, id))
      } catch (e) {
        throw unavailable(e)
      }
      registerSecret(value)
      return value
    },
    async set(kind, value, id) {
      const bytes = Buffer.byteLength(value, 'utf8')
      if (bytes > MAX_SECRET_BYTES) {
        throw new AppError(
          'secret_too_large',
          `This ${kind} is ${bytes} bytes; the keychain holds at most ${MAX_SECRET_BYTES} bytes per entry.`,
        )
      }
      registerSecret(value)
      try {
        await backend.setPassword(service, entryName(kind, id), value)
      } catch (e) {
        throw unavailable(e)
      }
    },
    async delete(kind, id) {
      try {
        return await backend.deletePassword(service, entryName(kind, id))
      } catch (e) {
        throw unavailable(e)
      }
    },
    async ping() {
      try {
        await backend.getPassword(service, '__replybase_ping__')
        return { ok: true }
      } catch (e) {
        return { ok: false, message: `${KEYCHAIN_HINT} (${(e as Error).message ?? e})` }
      }
    },
  }
}

export function keychainServiceName(env: NodeJS.ProcessEnv = process.env): string {
  return env.REPLYBASE_KEYCHAIN_SERVICE?.trim() || 'ReplyBase'
}
