// The OpenAI provider's base URL: normalised and checked before it is stored
// (db/queries/ai-providers.ts keeps the row; the key lives in the keychain).
import { AppError } from '@contract/errors'
import { providerUrlProblem } from '../security/provider-url'

/**
 * A base URL of an OpenAI-compatible API, normalised (no trailing slash), or null for '' /
 * null. https (http only to this computer, never link-local or metadata addresses: see
 * core/security/provider-url.ts), and no user:password@ (a credential in a URL ends up in logs).
 */
export function normalizeBaseUrl(input: string | null | undefined): string | null {
  const value = input?.trim()
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new AppError('bad_request', 'The base URL is not a valid URL (e.g. https://host/v1).')
  }
  const problem = providerUrlProblem(url)
  if (problem) throw new AppError('bad_request', problem)
  if (url.username || url.password) {
    throw new AppError('bad_request', 'The base URL must not contain a user name or password.')
  }
  if (url.search || url.hash) {
    throw new AppError('bad_request', 'The base URL must not have a query or fragment.')
  }
  return url.toString().replace(/\/+$/, '')
}

/** REPLYBASE_OPENAI_BASE_URL overrides the stored base URL (tests, managed installs). */
export function envBaseUrl(env: NodeJS.ProcessEnv): string | null {
  const value = env.REPLYBASE_OPENAI_BASE_URL?.trim()
  return value ? value.replace(/\/+$/, '') : null
}

const DEFAULT_TIMEOUT_MS = 15_000

/** How long a call to the provider may take: REPLYBASE_OPENAI_TIMEOUT_MS (tests) or 15 s. */
export function openAITimeoutMs(env: NodeJS.ProcessEnv): number {
  const v = Number(env.REPLYBASE_OPENAI_TIMEOUT_MS)
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS
}
