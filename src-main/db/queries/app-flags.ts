// One-time facts about this installation (e.g. "the close-to-tray hint was shown"), kept in
// app_settings beside the settings but never part of them.
import type { DbHandle } from '../connection'
import { readAppSetting, writeAppSettings } from './app-settings'

export type AppFlag = 'tray_hint_shown'

export function readFlag(dbh: DbHandle, flag: AppFlag): boolean {
  return readAppSetting(dbh, flag) === 'true'
}

export function setFlag(dbh: DbHandle, flag: AppFlag): void {
  writeAppSettings(dbh, [[flag, 'true']])
}
