// startFakeGoogle(): Google's OAuth endpoints and the Gmail API v1 on 127.0.0.1, one port.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createRng } from '../prng'
import { handleBatch } from './batch'
import { handleControl } from './control-http'
import { createControl, type ControlState } from './control'
import { callGmail } from './gmail-api'
import { notFound } from './google-errors'
import { parseForm, readBody, sendReply } from './http-util'
import { jwkCerts, pemCerts } from './id-token'
import { handleAuthorize } from './oauth-authorize'
import { OAuthState } from './oauth-state'
import { bearerOf, handleRevoke, handleToken, handleTokenInfo, handleUserInfo } from './oauth-token'
import { Traffic } from './traffic'
import {
  DEFAULT_CLIENT,
  type FakeFaults,
  type FakeGoogle,
  type FakeGoogleOptions,
  type NextAuth,
} from './types'

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const now = options.now ?? Date.now
  const rng = createRng(options.seed ?? 1)
  const clients = options.clients ?? [DEFAULT_CLIENT]
  const gzip = options.gzip ?? true
  const oauth = new OAuthState(options.tokenMarker ?? '', options.accessTokenTtlSec ?? 3599)
  const traffic = new Traffic(
    {
      quotaUnitsPerSecond: options.quotaUnitsPerSecond,
      quotaStyle: options.quotaStyle ?? '429',
      maxConcurrent: options.maxConcurrent,
      retryAfterHeader: options.retryAfterHeader ?? false,
    },
    rng,
    now,
  )
  traffic.faults = { ...options.faults }
  let nextAuth: NextAuth | null = null
  const sockets = new Set<Socket>()
  const hanging = new Set<ServerResponse>()
  const state: ControlState = {
    oauth,
    traffic,
    mailboxes: new Map(),
    rng,
    now,
    setNextAuth: (n) => (nextAuth = n ? { ...n } : null),
    onOfflineChange: (mode, forMs) => void applyOffline(mode, forMs),
  }
  const gmailCtx = { oauth, traffic, mailboxes: state.mailboxes, now }
  const authCtx = {
    oauth,
    clients,
    strict: options.strictAuthRequest ?? true,
    now,
    defaultAccount: () => state.mailboxes.values().next().value?.email ?? 'user@example.com',
    takeNextAuth: (): NextAuth => {
      const n = nextAuth ?? { mode: 'approve' }
      if (nextAuth && (nextAuth.times ?? 1) <= 1) nextAuth = null
      else if (nextAuth) nextAuth.times = (nextAuth.times ?? 1) - 1
      return n
    },
  }
  const control = createControl(state)
  for (const m of options.mailboxes ?? []) control.addMailbox(m.email, { aliases: m.aliases })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname
    const method = req.method ?? 'GET'
    if (path.startsWith('/__control/')) {
      const body = await readBody(req)
      return sendReply(
        req,
        res,
        handleControl(control, path.slice(11), body.toString('utf8')),
        false,
      )
    }
    const offline = traffic.faults.offline
    if (offline === 'reset') return void req.socket.destroy()
    if (offline === 'hang') return void hanging.add(res)
    const reply = (endpoint: string, r: Parameters<typeof sendReply>[2]): void => {
      traffic.count(endpoint, r.status)
      sendReply(req, res, r, gzip)
    }
    if (path === '/o/oauth2/v2/auth' && method === 'GET') {
      handleAuthorize(authCtx, url, res)
      return traffic.count('oauth.authorize', res.statusCode)
    }
    if (path === '/token' && method === 'POST') {
      const body = await readBody(req)
      const form = String(req.headers['content-type']).includes('json')
        ? new URLSearchParams(JSON.parse(body.toString('utf8')) as Record<string, string>)
        : parseForm(body)
      return reply('oauth.token', handleToken({ oauth, clients, now }, form, req.headers))
    }
    if (path === '/revoke' && (method === 'POST' || method === 'GET')) {
      const form = parseForm(await readBody(req))
      const token = url.searchParams.get('token') ?? form.get('token')
      return reply('oauth.revoke', handleRevoke({ oauth, clients, now }, token))
    }
    if (path === '/tokeninfo' || path === '/oauth2/v3/tokeninfo') {
      const form = parseForm(await readBody(req))
      const token = bearerOf(req.headers, url.searchParams) ?? form.get('access_token') ?? undefined
      return reply('oauth.tokeninfo', handleTokenInfo({ oauth, clients, now }, token))
    }
    if (path === '/oauth2/v3/userinfo' || path === '/oauth2/v2/userinfo') {
      const token = bearerOf(req.headers, url.searchParams)
      return reply('oauth.userinfo', handleUserInfo({ oauth, clients, now }, token))
    }
    if (path === '/oauth2/v1/certs') return reply('oauth.certs', { status: 200, body: pemCerts() })
    if (path === '/oauth2/v3/certs') return reply('oauth.certs', { status: 200, body: jwkCerts() })
    if ((path === '/batch/gmail/v1' || path === '/batch') && method === 'POST') {
      const body = await readBody(req)
      const auth = req.headers.authorization
      const out = await handleBatch(gmailCtx, req.headers['content-type'], auth, body)
      traffic.count('batch', out.status)
      res.writeHead(out.status, {
        'content-type': out.contentType,
        'content-length': out.body.length,
      })
      return void res.end(out.body)
    }
    if (path.startsWith('/gmail/v1/')) {
      if (method !== 'GET') await readBody(req)
      const { reply: r } = await callGmail(gmailCtx, {
        method,
        path,
        query: url.searchParams,
        authorization: req.headers.authorization,
      })
      return sendReply(req, res, r, gzip)
    }
    reply('unknown', notFound())
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendReply(req, res, { status: 500, body: { error: String(err) } }, false)
    })
  })
  server.keepAliveTimeout = 30_000
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  let listening = true
  let offlineTimer: NodeJS.Timeout | undefined

  async function applyOffline(mode: FakeFaults['offline'], forMs?: number): Promise<void> {
    clearTimeout(offlineTimer)
    if (mode === 'refuse' && listening) {
      listening = false
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      // Busy sockets go a moment later, so a control call that switched us off still gets
      // its answer.
      setTimeout(() => {
        for (const s of sockets) s.destroy()
      }, 25)
      await closed
    } else if (mode !== 'refuse' && !listening) {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
      listening = true
    }
    if (mode !== 'hang') {
      for (const r of hanging) r.destroy()
      hanging.clear()
    }
    if (mode && forMs) {
      // Not unref'd: with the port closed this timer may be all that keeps the process alive.
      offlineTimer = setTimeout(() => control.setFaults({ offline: false }), forMs)
    }
  }
  if (traffic.faults.offline)
    await applyOffline(traffic.faults.offline, traffic.faults.offlineForMs)

  const base = `http://127.0.0.1:${port}`
  return {
    ...control,
    baseUrl: base,
    authUrl: `${base}/o/oauth2/v2/auth`,
    tokenUrl: `${base}/token`,
    revokeUrl: `${base}/revoke`,
    apiRoot: `${base}/`,
    batchUrl: `${base}/batch/gmail/v1`,
    tokenInfoUrl: `${base}/tokeninfo`,
    userInfoUrl: `${base}/oauth2/v3/userinfo`,
    certsPemUrl: `${base}/oauth2/v1/certs`,
    certsJwkUrl: `${base}/oauth2/v3/certs`,
    controlUrl: `${base}/__control`,
    clients,
    port,
    close: async () => {
      clearTimeout(offlineTimer)
      for (const r of hanging) r.destroy()
      for (const s of sockets) s.destroy()
      if (listening) await new Promise<void>((resolve) => server.close(() => resolve()))
      listening = false
    },
  }
}
