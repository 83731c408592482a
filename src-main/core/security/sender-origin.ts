// IPC calls are accepted only from the app's own page. Origins are compared whole
// (scheme, host and port): a prefix check would let http://localhost:51730 pass for
// http://localhost:5173. WHATWG URL gives non-special schemes such as app: the origin "null",
// so the origin is built from the parts.

export function originOf(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (!url.host) return null
  return `${url.protocol}//${url.host}`
}

export function isAppOrigin(frameUrl: string, appOrigin: string): boolean {
  const origin = originOf(frameUrl)
  return origin !== null && origin === originOf(appOrigin)
}
