// The export's own settings, one JSON value per key in app_settings beside the app's.
import { readAppSetting, writeAppSettings } from '../../db/queries/app-settings'
import type { DbHandle } from '../../db/connection'
import { FINE_TUNE_MODELS, type ExportSettings } from '@contract/export'

const KEY = 'export'

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  redact: true,
  systemPrompt: { en: '', ru: '' },
  model: 'gpt-4o-mini-2024-07-18',
}

export function readExportSettings(dbh: DbHandle): ExportSettings {
  const raw = readAppSetting(dbh, KEY)
  if (raw === undefined) return structuredClone(DEFAULT_EXPORT_SETTINGS)
  try {
    const v = JSON.parse(raw) as Partial<ExportSettings>
    return {
      redact: typeof v.redact === 'boolean' ? v.redact : DEFAULT_EXPORT_SETTINGS.redact,
      systemPrompt: {
        en: typeof v.systemPrompt?.en === 'string' ? v.systemPrompt.en : '',
        ru: typeof v.systemPrompt?.ru === 'string' ? v.systemPrompt.ru : '',
      },
      model: (FINE_TUNE_MODELS as readonly string[]).includes(v.model ?? '')
        ? (v.model as ExportSettings['model'])
        : DEFAULT_EXPORT_SETTINGS.model,
    }
  } catch {
    // A damaged value falls back to the defaults rather than blocking exports.
    return structuredClone(DEFAULT_EXPORT_SETTINGS)
  }
}

export interface ExportSettingsPatch {
  redact?: boolean
  systemPrompt?: { en?: string; ru?: string }
  model?: ExportSettings['model']
}

export function updateExportSettings(dbh: DbHandle, patch: ExportSettingsPatch): ExportSettings {
  const current = readExportSettings(dbh)
  const next: ExportSettings = {
    redact: patch.redact ?? current.redact,
    systemPrompt: { ...current.systemPrompt, ...patch.systemPrompt },
    model: patch.model ?? current.model,
  }
  writeAppSettings(dbh, [[KEY, JSON.stringify(next)]])
  return next
}
