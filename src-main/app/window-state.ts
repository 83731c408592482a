import type { BrowserWindow } from 'electron'
import type { DbHandle } from '../db/connection'
import { readAppSetting, writeAppSettings } from '../db/queries/app-settings'

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
  const value = readAppSetting(dbh, KEY)
  if (value === undefined) return fallback
  try {
    return JSON.parse(value) as WindowState
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
    writeAppSettings(dbh, [[KEY, value]])
  }, 500)
}
