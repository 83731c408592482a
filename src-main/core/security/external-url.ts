// The only URLs ReplyBase hands to the OS: web pages and mail addresses. Everything else
// (file:, smb:, custom schemes that launch programs) is refused; see the Wire desktop
// advisory GHSA-5gpx-9976-ggpm for what an smb: link to a .desktop file can do.
const ALLOWED = new Set(['https:', 'http:', 'mailto:'])

export function isSafeExternalUrl(raw: string): boolean {
  // Quotes, spaces and control characters have no place in a link we open, and are what a
  // command line would be broken with.
  // eslint-disable-next-line no-control-regex
  if (/["'`\s\u0000-\u001f\u007f]/.test(raw)) return false
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
