// The OpenAI provider's row in ai_providers: default model and base URL. The key is not here
// (the table has no column for it): it lives in the keychain as 'openai-api-key'.
import type { DbHandle } from '../../db/connection'
import { AppError } from '@contract/errors'
import { providerUrlProblem } from '../security/provider-url'

export const OPENAI_PROVIDER_CODE = 'openai'

export interface ProviderSettings {
  model: string | null
  baseUrl: string | null
}

export function readProviderSettings(dbh: DbHandle): ProviderSettings {
  const row = dbh.sqlite
    .prepare(
      `SELECT model_default AS model, base_url AS baseUrl FROM ai_providers WHERE provider_code = ?`,
    )
    .get(OPENAI_PROVIDER_CODE) as ProviderSettings | undefined
  return row ?? { model: null, baseUrl: null }
}

/** Writes the given fields (undefined = unchanged), creating the row on first save. */
export function writeProviderSettings(dbh: DbHandle, patch: Partial<ProviderSettings>): void {
  dbh.write(() => {
    const current = readProviderSettings(dbh)
    const next = {
      model: patch.model === undefined ? current.model : patch.model,
      baseUrl: patch.baseUrl === undefined ? current.baseUrl : patch.baseUrl,
    }
    dbh.sqlite
      .prepare(
        `INSERT INTO ai_providers (provider_code, name, model_default, base_url) VALUES (?, 'OpenAI', ?, ?)
         ON CONFLICT (provider_code) DO UPDATE SET model_default = excluded.model_default,
           base_url = excluded.base_url, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      )
      .run(OPENAI_PROVIDER_CODE, next.model, next.baseUrl)
  })
}

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
