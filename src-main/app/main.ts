// The Electron entry: composes the core with the window, IPC and background life (tray,
// notifications, scheduler). No logic of its own lives here; everything it calls is a core
// service or a decision tested under plain Node (core/background/, core/security/).
import path from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import { createCore, type Core } from '../core/core'
import { resolveDataDir } from '../core/paths'
import { readSettings } from '../core/settings/settings-store'
import { afterCall } from '../api/call-hooks'
import { buildHandlers } from '../api/handlers'
import { createDispatcher } from '../api/dispatcher'
import { installSecurityPolicies, openExternalVetted } from './security'
import { serveIpc } from './ipc'
import { exportFileHooks } from './export-files'
import { createMainWindow } from './window'
import { startBackground, type Background, type ShellHooks } from './background'
import { applyLaunchAtLogin, startedHidden } from './login-item'
import { registerAppScheme, serveAppScheme } from './app-protocol'
import { APP_ENTRY_URL, APP_ORIGIN } from '../core/security/app-scheme'
import { effectiveEnv, rendererDevServer } from '../core/security/dev-switches'
import { cliArgumentsOf } from '../cli/cli-mode'
import { runCliMode } from './cli-mode'

const cliArgs = cliArgumentsOf(process.argv)
if (cliArgs) runCliMode(cliArgs)
else startDesktop()

function startDesktop(): void {
  let core: Core | null = null
  let mainWindow: BrowserWindow | null = null
  let background: Background | null = null
  let quitting = false

  // Development switches (a Vite dev server, fake endpoints) count only in an unpackaged app.
  const env = effectiveEnv(process.env, app.isPackaged)
  const devServer = rendererDevServer(process.env, app.isPackaged)
  const pageUrl = devServer ?? APP_ENTRY_URL
  const appOrigin = devServer ?? APP_ORIGIN
  registerAppScheme()

  const showWindow: ShellHooks['showWindow'] = (route) => {
    if (!core) return
    if (!mainWindow || mainWindow.isDestroyed()) {
      const hash = route
        ? `/${route.page}${route.reconnectAccountId ? `?reconnect=${route.reconnectAccountId}` : ''}`
        : undefined
      mainWindow = createMainWindow(core, {
        show: true,
        hash,
        pageUrl,
        hideOnClose: () => background?.hideOnClose(quitting) ?? false,
        onHidden: () => background?.onHidden(),
      })
      return
    }
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit()
  } else {
    app.on('second-instance', () => showWindow())
    app.whenReady().then(
      () => {
        installSecurityPolicies(appOrigin)
        if (!devServer) serveAppScheme(path.join(__dirname, '../renderer'))
        const migrationsFolder = app.isPackaged
          ? path.join(process.resourcesPath, 'drizzle')
          : path.join(app.getAppPath(), 'drizzle')
        try {
          core = createCore({
            dataDir: resolveDataDir(env, app.getPath('userData')),
            migrationsFolder,
            env,
            transport: 'electron',
            version: app.getVersion(),
          })
        } catch (e) {
          dialog.showErrorBox('ReplyBase cannot open its database', (e as Error).message)
          app.exit(1)
          return
        }
        const dispatch = afterCall(
          createDispatcher(
            buildHandlers(core, {
              openExternal: openExternalVetted,
              ...exportFileHooks(() => mainWindow),
            }),
          ),
          'settings.update',
          (input) => {
            const launch = (input as { launchAtLogin?: unknown }).launchAtLogin
            if (typeof launch === 'boolean') applyLaunchAtLogin(launch)
          },
        )
        core.onClose(serveIpc(dispatch, core.events, () => mainWindow, appOrigin))
        background = startBackground(core, {
          showWindow,
          quit: () => app.quit(),
        })
        const hidden = startedHidden(process.argv) || readSettings(core.dbh).startMinimized
        // Without a tray a hidden start would leave no way back: show the window then.
        if (!hidden || !background.hideOnClose(false)) showWindow()
        app.on('activate', () => showWindow())
      },
      (e: unknown) => {
        dialog.showErrorBox('ReplyBase failed to start', String(e))
        app.exit(1)
      },
    )
    app.on('window-all-closed', () => {
      // With a tray the app lives on; windows only all close here when quitting or trayless.
      if (!background?.hideOnClose(quitting) && process.platform !== 'darwin') app.quit()
    })
    let closing = false
    app.on('before-quit', (event) => {
      quitting = true
      if (closing || !core) return
      event.preventDefault()
      closing = true
      background?.stop()
      // core.close() stops the scheduler and cancels a running sync, which records where it
      // stopped: committed pages stay and the next run resumes from there.
      void core.close().finally(() => app.quit())
    })
  }
}
