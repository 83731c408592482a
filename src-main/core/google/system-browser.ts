// Opens a URL in the user's default browser from plain Node (the CLI; the app uses Electron's
// shell.openExternal). RFC 8252 §8.12: the system browser, never an embedded one. No shell is
// ever involved: the URL is one argument of a program started directly, so `&`, `|` or quotes
// in it cannot run commands (on Windows, `cmd /c start` would parse them).
import { spawn } from 'node:child_process'
import { isSafeExternalUrl } from '../security/external-url'

export function browserCommand(
  platform: NodeJS.Platform,
  url: string,
): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] }
  if (platform === 'win32') {
    return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] }
  }
  return { command: 'xdg-open', args: [url] }
}

export function openInSystemBrowser(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return Promise.reject(new Error('refusing to open a non-web URL'))
  const { command, args } = browserCommand(process.platform, url)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false })
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
