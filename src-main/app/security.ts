// Window hardening (https://www.electronjs.org/docs/latest/tutorial/security): no navigation
// away from the app, no new windows, only the clipboard-write permission for the app's own
// page. Links reach the OS only through the app.openExternal API, which the page calls from
// click handlers, and the vetted URL check.
import { app, session, shell, type WebContents } from 'electron'
import { isSafeExternalUrl } from '../core/security/external-url'
import { isPermissionAllowed } from '../core/security/permissions'

export function openExternalVetted(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url)
}

function lockDown(contents: WebContents): void {
  // A navigation or a window.open is never taken as a request to open the browser: a script
  // could trigger either without the person doing anything.
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function installSecurityPolicies(appOrigin: string): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, appOrigin)),
  )
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appOrigin),
  )
}
