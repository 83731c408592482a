// Launch at login. macOS and Windows have an API for it (Electron's setLoginItemSettings);
// Linux desktops read ~/.config/autostart/*.desktop files, per the XDG Autostart
// Specification (https://specifications.freedesktop.org/autostart-spec/latest/) and the
// Desktop Entry Specification for the file's keys.
import fs from 'node:fs'
import path from 'node:path'

export const AUTOSTART_FILE = 'replybase.desktop'
/** Passed by the autostart entry: start in the tray, without the window. */
export const HIDDEN_ARG = '--hidden'

/** $XDG_CONFIG_HOME/autostart, or ~/.config/autostart. */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME?.trim()
  return path.join(
    config && path.isAbsolute(config) ? config : path.join(home, '.config'),
    'autostart',
  )
}

/** Quotes an Exec argument as the Desktop Entry Specification asks (reserved characters). */
export function quoteExecArg(arg: string): string {
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(arg)) return arg
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`
}

export function desktopEntry(o: {
  name: string
  exec: string
  args: string[]
  icon?: string
}): string {
  const exec = [o.exec, ...o.args].map(quoteExecArg).join(' ')
  const lines = [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${o.name}`,
    'Comment=Support replies knowledge base',
    `Exec=${exec}`,
    ...(o.icon ? [`Icon=${o.icon}`] : []),
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
  ]
  return `${lines.join('\n')}\n`
}

/** Writes or removes the autostart entry; returns the file's path. */
export function setLinuxAutostart(
  enabled: boolean,
  o: { dir: string; name: string; exec: string; args: string[]; icon?: string },
): string {
  const file = path.join(o.dir, AUTOSTART_FILE)
  if (!enabled) {
    fs.rmSync(file, { force: true })
    return file
  }
  fs.mkdirSync(o.dir, { recursive: true })
  // Written whole then renamed, so a crash never leaves half an entry for the session to run.
  const tmp = `${file}.tmp`
  fs.writeFileSync(tmp, desktopEntry(o), { mode: 0o644 })
  fs.renameSync(tmp, file)
  return file
}

export function isLinuxAutostartOn(dir: string): boolean {
  return fs.existsSync(path.join(dir, AUTOSTART_FILE))
}
