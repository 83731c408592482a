// The loopback bridge: the same dispatcher Electron's IPC serves, over HTTP on 127.0.0.1,
// so the renderer runs in any browser against the real core (npm run dev:web, end-to-end
// tests). Development and tests only; never part of the packaged app.
//
// A local HTTP server is reachable from any web page the user opens, including through DNS
// rebinding (webpack-dev-server#887), so every request must carry the expected Host, API
// calls a matching Origin (when a browser sends one) and the per-run token.
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Dispatch } from '../api/dispatcher'
import { MAX_INPUT_BYTES } from '../api/dispatcher'
import type { EventBus } from '../core/event-bus'
import { APP_ORIGIN, resolveAppRequest } from '../core/security/app-scheme'

export interface BridgeOptions {
  dispatch: Dispatch
  events: EventBus
  /** Built renderer (out/renderer); omitted = API only. */
  staticDir?: string
  port?: number
  token?: string
}

export interface Bridge {
  port: number
  token: string
  /** The address to open: the app with its token. */
  url: string
  close(): Promise<void>
}

function tokensMatch(given: string | null, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url')
  const clients = new Set<http.ServerResponse>()
  let port = 0

  // Static files need the token too: the first page load brings it in the address
  // (?token=…) and gets a session cookie for the page's own files and its reloads.
  const session = crypto.randomBytes(24).toString('base64url')
  const sessionCookie = `replybase_session=${session}; HttpOnly; SameSite=Strict; Path=/`

  const server = http.createServer((req, res) => {
    try {
      route(req, res)
    } catch {
      // Nothing a request carries may end the bridge.
      if (!res.headersSent) deny(res, 400, 'Bad request')
      else res.destroy()
    }
  })
  // A client that sends garbage gets its socket closed, not the process.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) return deny(res, 403, 'Forbidden host')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? null

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin
      if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
        return deny(res, 403, 'Forbidden origin')
      }
      if (url.pathname === '/api/invoke') {
        // Calls carry the token in a header only: a URL ends up in histories and logs.
        if (!tokensMatch(bearer, token)) return deny(res, 401, 'Missing or wrong token')
        if (req.method !== 'POST') return deny(res, 405, 'Method not allowed')
        return invoke(req, res)
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        // EventSource cannot send headers: the token may come in the query or the session.
        const given = bearer ?? url.searchParams.get('token')
        if (!tokensMatch(given, token) && !hasSession(req)) {
          return deny(res, 401, 'Missing or wrong token')
        }
        return subscribe(res)
      }
      return deny(res, 404, 'Not found')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed')
    if (tokensMatch(url.searchParams.get('token'), token)) {
      res.setHeader('set-cookie', sessionCookie)
    } else if (!hasSession(req)) {
      return deny(res, 401, 'Open the address the bridge printed (it carries the token).')
    }
    serveStatic(url.pathname, res)
  }

  function hasSession(req: http.IncomingMessage): boolean {
    const cookies = (req.headers.cookie ?? '').split(/;\s*/)
    const given = cookies.find((c) => c.startsWith('replybase_session='))
    return tokensMatch(given?.slice('replybase_session='.length) ?? null, session)
  }

  function deny(res: http.ServerResponse, status: number, message: string): void {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message)
  }

  function invoke(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return deny(res, 415, 'JSON only')
    }
    const limit = MAX_INPUT_BYTES + 1024
    const tooLarge = (): void => {
      // Answer first, then drop the connection: the client reads the 413, not a reset.
      req.removeAllListeners('data')
      req.pause()
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
      res.end('Too large', () => req.destroy())
    }
    if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge()
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) tooLarge()
      else chunks.push(c)
    })
    req.on('error', () => res.destroy())
    req.on('end', () => {
      if (res.writableEnded || res.headersSent) return
      let body: unknown
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        return deny(res, 400, 'Bad JSON')
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return deny(res, 400, 'Expected {"method": …, "input": …}')
      }
      const { method, input } = body as { method?: unknown; input?: unknown }
      options.dispatch(method, input).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          res.end(JSON.stringify(result))
        },
        () => {
          if (!res.headersSent) deny(res, 500, 'Internal error')
        },
      )
    })
  }

  function subscribe(res: http.ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    clients.add(res)
    res.on('close', () => clients.delete(res))
    res.on('error', () => clients.delete(res))
  }

  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const c of clients) c.write(frame)
  })

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = options.staticDir
    if (!root) return deny(res, 404, 'Not found')
    // The same mapper as the app's app:// scheme: one place decides what may be served.
    const answer = resolveAppRequest(root, `${APP_ORIGIN}${pathname}`)
    if (answer.status !== 200) return deny(res, 404, 'Not found')
    fs.readFile(answer.file, (err, data) => {
      if (err) return deny(res, 404, 'Not found')
      res.writeHead(200, {
        'content-type': answer.mime,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      })
      res.end(data)
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe()
      for (const c of clients) c.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
