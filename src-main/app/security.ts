// Window hardening (https://www.electronjs.org/docs/latest/tutorial/security): no
// navigation away from the app, no new windows, no permissions; links go to the OS only
// through the vetted URL check.
import { app, session, shell, type WebContents } from 'electron'
import { isSafeExternalUrl } from '../core/app/external-url'

export function openExternalVetted(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url)
}

function lockDown(contents: WebContents): void {
  const block = (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault()
    openExternalVetted(url)
  }
  // will-navigate covers the main frame only; will-frame-navigate covers subframes.
  contents.on('will-navigate', block)
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalVetted(url)
    return { action: 'deny' }
  })
}

export function installSecurityPolicies(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}
