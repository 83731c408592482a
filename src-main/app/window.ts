import fs from 'node:fs'
import path from 'node:path'
import { BrowserWindow, screen } from 'electron'
import type { Core } from '../core/core'
import { readWindowState, saveWindowState } from './window-state'

export interface WindowOptions {
  show: boolean
  /** Page to open, e.g. '/accounts?reconnect=3' (the renderer's hash route). */
  hash?: string
  /** The renderer's entry: app://replybase/index.html, or Vite's dev server in development. */
  pageUrl: string
  /** Asked on every close: true hides the window to the tray instead. */
  hideOnClose(): boolean
  onHidden(): void
}

export function createMainWindow(core: Core, options: WindowOptions): BrowserWindow {
  const state = readWindowState(core.dbh, screen.getPrimaryDisplay().workAreaSize)
  // From the source tree; a packaged app takes its icon from the installer instead.
  const icon = path.join(__dirname, '../../build/icon.png')
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'ReplyBase',
    autoHideMenuBar: true,
    ...(fs.existsSync(icon) ? { icon } : {}),
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => {
    if (options.show) win.show()
  })
  const persist = (): void => saveWindowState(core.dbh, win)
  win.on('resize', persist)
  win.on('move', persist)
  win.on('close', (event) => {
    if (!options.hideOnClose()) return
    event.preventDefault()
    win.hide()
    options.onHidden()
  })
  const hash = options.hash ? `#${options.hash}` : ''
  void win.loadURL(`${options.pageUrl}${hash}`)
  return win
}
