import os from 'node:os'
import path from 'node:path'

export const APP_NAME = 'ReplyBase'

/** Electron's userData folder for ReplyBase, computed the same way outside Electron so the
 * CLI and the app share one knowledge base. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir()
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME)
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME)
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME)
  }
}

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, fallback?: string): string {
  const override = env.REPLYBASE_DATA_DIR?.trim()
  return override ? path.resolve(override) : (fallback ?? defaultDataDir(env))
}

/** drizzle/ of the source tree; the packaged app passes its resources copy instead. */
export function sourceMigrationsFolder(): string {
  return path.resolve(__dirname, '..', '..', 'drizzle')
}
