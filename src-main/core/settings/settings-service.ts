import type { AppSettings, SettingsPatch } from '@contract'
import type { DbHandle } from '../../db/connection'
import type { EventBus } from '../event-bus'
import type { SecretStore } from '../secrets/secret-store'
import { readSettings, writeSettings } from './settings-store'

export interface SettingsService {
  get(): Promise<AppSettings>
  update(patch: SettingsPatch): Promise<AppSettings>
}

export function createSettingsService(deps: {
  dbh: DbHandle
  secrets: SecretStore
  events: EventBus
  env: NodeJS.ProcessEnv
}): SettingsService {
  const { dbh, secrets, events, env } = deps

  async function get(): Promise<AppSettings> {
    const stored = readSettings(dbh)
    const envId = env.REPLYBASE_GOOGLE_CLIENT_ID?.trim()
    let secretStored = Boolean(env.REPLYBASE_GOOGLE_CLIENT_SECRET)
    if (!secretStored) {
      // A keychain outage must not hide the rest of the settings.
      secretStored = await secrets.get('google-client-secret').then(Boolean, () => false)
    }
    return {
      ...stored,
      googleClientId: envId || stored.googleClientId,
      googleClientIdSource: envId ? 'env' : stored.googleClientId ? 'settings' : 'none',
      googleClientSecretStored: secretStored,
    }
  }

  return {
    get,
    async update(patch) {
      const { googleClientSecret, ...rest } = patch
      // The keychain first: if it fails nothing else changes.
      if (googleClientSecret === null) await secrets.delete('google-client-secret')
      else if (googleClientSecret)
        await secrets.set('google-client-secret', googleClientSecret.trim())
      if (rest.googleClientId === '') rest.googleClientId = null
      writeSettings(dbh, rest)
      const next = await get()
      if (rest.language !== undefined || rest.theme !== undefined) {
        events.emit('settings.changed', { language: next.language, theme: next.theme })
      }
      return next
    },
  }
}
