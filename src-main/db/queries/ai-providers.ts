// The OpenAI provider's row in ai_providers: default model and base URL. The key is not here
// (the table has no column for it): it lives in the keychain as 'openai-api-key'.
import type { DbHandle } from '../connection'

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
