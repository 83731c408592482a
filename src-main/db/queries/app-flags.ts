// One-time facts about this installation (e.g. "the close-to-tray hint was shown"), kept in
// app_settings beside the settings but never part of them.
import type { DbHandle } from '../connection'

export type AppFlag = 'tray_hint_shown'

export function readFlag(dbh: DbHandle, flag: AppFlag): boolean {
  const row = dbh.sqlite.prepare('SELECT value FROM app_settings WHERE key = ?').get(flag) as
    { value: string } | undefined
  return row?.value === 'true'
}

export function setFlag(dbh: DbHandle, flag: AppFlag): void {
  dbh.write(() =>
    dbh.sqlite
      .prepare(
        `INSERT INTO app_settings (key, value) VALUES (?, 'true')
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(flag),
  )
}
