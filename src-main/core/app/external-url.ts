// The only URLs ReplyBase hands to the OS: web pages and mail addresses. Everything else
// (file:, smb:, custom schemes that launch programs) is refused; see the Wire desktop
// advisory GHSA-5gpx-9976-ggpm for what an smb: link to a .desktop file can do.
const ALLOWED = new Set(['https:', 'http:', 'mailto:'])

export function isSafeExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (!ALLOWED.has(url.protocol)) return false
  if (url.protocol !== 'mailto:' && !url.hostname) return false
  if (url.username || url.password) return false
  return true
}
