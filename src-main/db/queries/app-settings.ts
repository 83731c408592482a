// app_settings: one JSON value per key. The only SQL that touches the table; the settings
// service, one-time flags and the window's geometry all read and write through here.
import type { DbHandle } from '../connection'
import { stmt } from '../statement-cache'

export function readAppSettingRows(dbh: DbHandle): Array<{ key: string; value: string }> {
  return stmt<[], { key: string; value: string }>(
    dbh.sqlite,
    'SELECT key, value FROM app_settings',
  ).all()
}

/** The stored JSON text of one key, or undefined. */
export function readAppSetting(dbh: DbHandle, key: string): string | undefined {
  return stmt<[string], { value: string }>(
    dbh.sqlite,
    'SELECT value FROM app_settings WHERE key = ?',
  ).get(key)?.value
}

/** Upserts JSON texts by key in one transaction. */
export function writeAppSettings(dbh: DbHandle, entries: ReadonlyArray<[string, string]>): void {
  const upsert = stmt<[string, string]>(
    dbh.sqlite,
    `INSERT INTO app_settings (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
  )
  dbh.write(() => {
    for (const [key, value] of entries) upsert.run(key, value)
  })
}
