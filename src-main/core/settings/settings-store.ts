// Non-secret app settings, one JSON value per key in app_settings.
import { readAppSetting, readAppSettingRows, writeAppSettings } from '../../db/queries/app-settings'
import type { DbHandle } from '../../db/connection'
import type { AppSettings } from '@contract'
import { REVIEW_LIST_PERCENT } from '@contract/settings'

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
  aiEnabled: false,
  aiRedact: true,
  embeddingModel: 'text-embedding-3-small',
  embeddingDimensions: 512,
  reviewListPercent: REVIEW_LIST_PERCENT.default,
}

export function readSettings(dbh: DbHandle): StoredSettings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const row of readAppSettingRows(dbh)) {
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
  writeAppSettings(
    dbh,
    Object.entries(patch)
      .filter(([key, value]) => key in DEFAULT_SETTINGS && value !== undefined)
      .map(([key, value]) => [key, JSON.stringify(value)] as [string, string]),
  )
}

export function readSetting<K extends keyof StoredSettings>(
  dbh: DbHandle,
  key: K,
): StoredSettings[K] {
  const value = readAppSetting(dbh, key)
  if (value === undefined) return DEFAULT_SETTINGS[key]
  try {
    return JSON.parse(value) as StoredSettings[K]
  } catch {
    return DEFAULT_SETTINGS[key]
  }
}
