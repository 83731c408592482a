// The packaged renderer is served from app://replybase/ (a privileged standard scheme) instead
// of file://, so the page has a real origin, file:// stays off-limits, and every response
// carries the CSP. This module decides what a request maps to; src-main/app/app-protocol.ts
// only reads the file. Only regular files inside the built renderer folder are served.
import fs from 'node:fs'
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'replybase'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Same policy as the page's meta tag (src-renderer/index.html), sent as a header too. */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'none'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'"

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

export type AppSchemeAnswer = { status: 200; file: string; mime: string } | { status: 404 }

const NOT_FOUND: AppSchemeAnswer = { status: 404 }

/**
 * Maps a request URL to a file under `root`, or 404. Refused: another host, anything that does
 * not decode (once) to a clean relative path — `..` segments, backslashes, NUL, control
 * characters —, a path whose real location (symlinks resolved) leaves the folder, folders,
 * missing files and unknown file types.
 */
export function resolveAppRequest(root: string, requestUrl: string): AppSchemeAnswer {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return NOT_FOUND
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return NOT_FOUND
  // The raw path, before any URL normalisation: `..` must be refused, not resolved.
  if (!requestUrl.startsWith(`${APP_ORIGIN}/`) && requestUrl !== APP_ORIGIN) return NOT_FOUND
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] || '/'
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return NOT_FOUND
  }
  // Backslashes, NUL and other control characters never name a renderer file.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return NOT_FOUND
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) return NOT_FOUND
  const relative = segments.length === 0 ? 'index.html' : segments.join('/')
  const mime = MIME[path.extname(relative).toLowerCase()]
  if (!mime) return NOT_FOUND
  let realRoot: string
  let realFile: string
  try {
    realRoot = fs.realpathSync(root)
    realFile = fs.realpathSync(path.join(realRoot, relative))
    if (!fs.statSync(realFile).isFile()) return NOT_FOUND
  } catch {
    return NOT_FOUND
  }
  const inside = path.relative(realRoot, realFile)
  if (inside.startsWith('..') || path.isAbsolute(inside)) return NOT_FOUND
  return { status: 200, file: realFile, mime }
}
