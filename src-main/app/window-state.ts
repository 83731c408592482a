import type { BrowserWindow } from 'electron'
import { sql } from 'drizzle-orm'
import type { DbHandle } from '../db/connection'

interface WindowState {
  bounds: { width: number; height: number; x?: number; y?: number }
  maximized: boolean
}

const KEY = 'window_state'

export function readWindowState(
  dbh: DbHandle,
  area: { width: number; height: number },
): WindowState {
  const fallback = {
    bounds: { width: Math.min(1280, area.width), height: Math.min(820, area.height) },
    maximized: false,
  }
  const row = dbh.sqlite.prepare('SELECT value FROM app_settings WHERE key = ?').get(KEY) as
    { value: string } | undefined
  if (!row) return fallback
  try {
    return JSON.parse(row.value) as WindowState
  } catch {
    return fallback
  }
}

let timer: NodeJS.Timeout | null = null

/** Debounced: resize and move fire many times a second. */
export function saveWindowState(dbh: DbHandle, win: BrowserWindow): void {
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => {
    if (win.isDestroyed()) return
    const value = JSON.stringify({ bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    dbh.write(() =>
      dbh.db.run(
        sql`INSERT INTO app_settings (key, value) VALUES (${KEY}, ${value}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ),
    )
  }, 500)
}
