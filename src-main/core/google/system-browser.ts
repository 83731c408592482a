// Opens a URL in the user's default browser from plain Node (the CLI; the app uses
// shell.openExternal). RFC 8252 §8.12: the system browser, never an embedded one.
import { spawn } from 'node:child_process'
import { isSafeExternalUrl } from '../app/external-url'

export function openInSystemBrowser(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return Promise.reject(new Error('refusing to open a non-web URL'))
  const [cmd, args, verbatim] =
    process.platform === 'darwin'
      ? (['open', [url], false] as const)
      : process.platform === 'win32'
        ? // `start` is a cmd built-in; the quoted URL keeps cmd from splitting it at `&`.
          (['cmd', ['/d', '/s', '/c', `start "" "${url}"`], true] as const)
        : (['xdg-open', [url], false] as const)
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], {
      stdio: 'ignore',
      detached: true,
      windowsVerbatimArguments: verbatim,
    })
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
