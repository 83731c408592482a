// The Electron entry: composes the core with windows and IPC. No logic of its own lives
// here; everything it calls is a core service tested under plain Node.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, dialog, type BrowserWindow } from 'electron'
import { createCore, type Core } from '../core/core'
import { resolveDataDir } from '../core/paths'
import { buildHandlers } from '../api/handlers'
import { createDispatcher } from '../api/dispatcher'
import { installSecurityPolicies, openExternalVetted } from './security'
import { serveIpc } from './ipc'
import { createMainWindow } from './window'

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

function showWindow(): void {
  if (!core) return
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow(core, true)
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', showWindow)
  app.whenReady().then(
    () => {
      installSecurityPolicies()
      const migrationsFolder = app.isPackaged
        ? path.join(process.resourcesPath, 'drizzle')
        : path.join(app.getAppPath(), 'drizzle')
      try {
        core = createCore({
          dataDir: resolveDataDir(process.env, app.getPath('userData')),
          migrationsFolder,
          transport: 'electron',
          version: app.getVersion(),
        })
      } catch (e) {
        dialog.showErrorBox('ReplyBase cannot open its database', (e as Error).message)
        app.exit(1)
        return
      }
      const dispatch = createDispatcher(buildHandlers(core, { openExternal: openExternalVetted }))
      const appUrl =
        process.env.ELECTRON_RENDERER_URL ??
        pathToFileURL(path.join(__dirname, '../renderer/')).href
      core.onClose(serveIpc(dispatch, core.events, () => mainWindow, appUrl))
      showWindow()
      app.on('activate', showWindow)
    },
    (e: unknown) => {
      dialog.showErrorBox('ReplyBase failed to start', String(e))
      app.exit(1)
    },
  )
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('before-quit', (event) => {
    if (closing || !core) return
    event.preventDefault()
    closing = true
    void core.close().finally(() => app.quit())
  })
}
