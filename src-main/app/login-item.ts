// Launch at login: Electron's login items on macOS and Windows, an XDG autostart entry on
// Linux (core/background/autostart.ts). The entry starts the app in the tray.
import os from 'node:os'
import path from 'node:path'
import { app } from 'electron'
import { HIDDEN_ARG, autostartDir, setLinuxAutostart } from '../core/background/autostart'
import { createLogger } from '../core/logging/logger'

const log = createLogger('login-item')

export function applyLaunchAtLogin(enabled: boolean): void {
  try {
    if (process.platform === 'linux') {
      // An AppImage runs from a temporary mount: its own file is what must start next time.
      const exec = process.env.APPIMAGE ?? process.execPath
      const args = app.isPackaged ? [HIDDEN_ARG] : [path.resolve(app.getAppPath()), HIDDEN_ARG]
      setLinuxAutostart(enabled, {
        dir: autostartDir(process.env, os.homedir()),
        name: app.getName(),
        exec,
        args,
      })
    } else {
      app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] })
    }
  } catch (e) {
    log.warn({ err: e }, 'launch at login not changed')
  }
}

/** Started by the login item (or asked to start hidden). */
export function startedHidden(argv: readonly string[]): boolean {
  if (argv.includes(HIDDEN_ARG)) return true
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true
}
