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
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Dispatch } from '../api/dispatcher'
import { MAX_INPUT_BYTES } from '../api/dispatcher'
import type { EventBus } from '../core/event-bus'

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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
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

  const server = http.createServer((req, res) => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) return deny(res, 403, 'Forbidden host')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin
      if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
        return deny(res, 403, 'Forbidden origin')
      }
      const auth =
        req.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('token')
      if (!tokensMatch(auth ?? null, token)) return deny(res, 401, 'Missing or wrong token')
      if (url.pathname === '/api/invoke' && req.method === 'POST') return invoke(req, res)
      if (url.pathname === '/api/events' && req.method === 'GET') return subscribe(res)
      return deny(res, 404, 'Not found')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed')
    serveStatic(url.pathname, res)
  })

  function deny(res: http.ServerResponse, status: number, message: string): void {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message)
  }

  function invoke(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return deny(res, 415, 'JSON only')
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_INPUT_BYTES + 1024) {
        deny(res, 413, 'Too large')
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => {
      if (res.writableEnded) return
      let body: { method?: unknown; input?: unknown }
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body
      } catch {
        return deny(res, 400, 'Bad JSON')
      }
      void options.dispatch(body.method, body.input).then((result) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        res.end(JSON.stringify(result))
      })
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
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = path.resolve(root, rel)
    if (!file.startsWith(path.resolve(root) + path.sep)) return deny(res, 404, 'Not found')
    fs.readFile(file, (err, data) => {
      if (err) return deny(res, 404, 'Not found')
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
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
