// Non-secret app settings, one JSON value per key in app_settings.
import { eq, sql } from 'drizzle-orm'
import { appSettings } from '../../db/schema'
import type { DbHandle } from '../../db/connection'
import type { AppSettings } from '@contract'

export type StoredSettings = Omit<AppSettings, 'googleClientSecretStored' | 'googleClientIdSource'>

export const DEFAULT_SETTINGS: StoredSettings = {
  language: null,
  theme: 'system',
  syncIntervalMinutes: 5,
  lookbackDays: 180,
  gmailUnitsPerSecond: 250,
  backgroundSyncPaused: false,
  startMinimized: false,
  launchAtLogin: false,
  googleClientId: null,
}

export function readSettings(dbh: DbHandle): StoredSettings {
  const rows = dbh.db.select().from(appSettings).all()
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const row of rows) {
    if (row.key in DEFAULT_SETTINGS) {
      try {
        out[row.key] = JSON.parse(row.value)
      } catch {
        // A damaged value falls back to its default rather than breaking start-up.
      }
    }
  }
  return out as StoredSettings
}

export function writeSettings(dbh: DbHandle, patch: Partial<StoredSettings>): void {
  dbh.write(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (!(key in DEFAULT_SETTINGS) || value === undefined) continue
      dbh.db
        .insert(appSettings)
        .values({ key, value: JSON.stringify(value) })
        .onConflictDoUpdate({
          target: appSettings.key,
          set: {
            value: JSON.stringify(value),
            updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
          },
        })
        .run()
    }
  })
}

export function readSetting<K extends keyof StoredSettings>(
  dbh: DbHandle,
  key: K,
): StoredSettings[K] {
  const row = dbh.db.select().from(appSettings).where(eq(appSettings.key, key)).get()
  if (!row) return DEFAULT_SETTINGS[key]
  try {
    return JSON.parse(row.value) as StoredSettings[K]
  } catch {
    return DEFAULT_SETTINGS[key]
  }
}
