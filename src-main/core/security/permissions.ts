// Web permissions the window may have: writing to the clipboard (the Copy buttons), for the
// app's own page only. Everything else — camera, notifications from the page, geolocation,
// reading the clipboard — is refused; notifications come from the main process.
import { isAppOrigin } from './sender-origin'

const GRANTED = new Set(['clipboard-sanitized-write'])

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  appOrigin: string,
): boolean {
  return GRANTED.has(permission) && isAppOrigin(requestingUrl, appOrigin)
}
