import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from './bridge-server'
import { createEventBus } from '../core/event-bus'
import type { Dispatch } from '../api/dispatcher'

const calls: Array<[unknown, unknown]> = []
const dispatch: Dispatch = async (method, input) => {
  calls.push([method, input])
  if (method === 'explode') throw new Error('a handler bug')
  return { ok: true, value: { echoed: method } }
}
const events = createEventBus()
let bridge: Bridge

beforeAll(async () => {
  bridge = await startBridge({ dispatch, events })
})
afterAll(() => bridge.close())

function request(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: opts.method ?? 'GET',
        headers: opts.headers,
        agent: false,
      },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const invoke = (headers: Record<string, string>) =>
  request('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ method: 'app.status', input: {} }),
  })

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only and prints a tokened address', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`)
    expect(bridge.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves a call with the right token, host and origin', async () => {
    const r = await invoke({
      authorization: `Bearer ${bridge.token}`,
      origin: `http://127.0.0.1:${bridge.port}`,
    })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { echoed: 'app.status' } })
  })

  it('refuses a call without the token or with a wrong one', async () => {
    const before = calls.length
    expect((await invoke({})).status).toBe(401)
    expect((await invoke({ authorization: 'Bearer wrong' })).status).toBe(401)
    expect(calls.length).toBe(before)
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const before = calls.length
    expect(
      (await invoke({ authorization: `Bearer ${bridge.token}`, host: 'evil.test' })).status,
    ).toBe(403)
    expect(
      (await invoke({ authorization: `Bearer ${bridge.token}`, host: `evil.test:${bridge.port}` }))
        .status,
    ).toBe(403)
    expect(
      (await invoke({ authorization: `Bearer ${bridge.token}`, origin: 'https://evil.test' }))
        .status,
    ).toBe(403)
    expect((await request('/', { headers: { host: 'evil.test' } })).status).toBe(403)
    expect(calls.length).toBe(before)
  })

  it('refuses non-JSON bodies (a cross-site form post) and oversized ones', async () => {
    const form = await request('/api/invoke', {
      method: 'POST',
      headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'text/plain' },
      body: '{"method":"app.status"}',
    })
    expect(form.status).toBe(415)
    const big = await request('/api/invoke', {
      method: 'POST',
      headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'x', input: 'y'.repeat(1_100_000) }),
    })
    expect(big.status).toBe(413)
  })

  it('pushes events to subscribers', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      let emitted = false
      const req = http.get(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: `/api/events?token=${bridge.token}`,
          agent: false,
        },
        (res) => {
          let buf = ''
          res.on('data', (c: Buffer) => {
            buf += c.toString()
            if (!emitted && buf.includes('connected')) {
              emitted = true
              events.emit('settings.changed', { language: 'ru', theme: 'dark' })
            }
            if (buf.includes('settings.changed')) {
              req.destroy()
              resolve(buf)
            }
          })
        },
      )
      req.on('error', (e) => (emitted ? undefined : reject(e)))
    })
    expect(received).toContain(
      '"event":"settings.changed","payload":{"language":"ru","theme":"dark"}',
    )
  })
})

/** Raw bytes to the bridge; resolves with whatever comes back before the socket closes. */
function raw(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(bridge.port, '127.0.0.1')
    let got = ''
    socket.on('data', (c) => (got += c.toString('latin1')))
    socket.on('error', () => resolve(got))
    socket.on('close', () => resolve(got))
    socket.write(bytes)
    setTimeout(() => socket.end(), 200)
  })
}

describe('loopback bridge under hostile requests', () => {
  const auth = () => ({ authorization: `Bearer ${bridge.token}` })
  const post = (body: string) =>
    request('/api/invoke', {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body,
    })

  it('takes the token for calls from the header only, never from the address', async () => {
    const before = calls.length
    const r = await request(`/api/invoke?token=${bridge.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'app.status', input: {} }),
    })
    expect(r.status).toBe(401)
    expect(calls.length).toBe(before)
  })

  it.each([
    ['null', 400],
    ['[]', 400],
    ['42', 400],
    ['"text"', 400],
    ['{"method":', 400],
  ])('answers a body of %s with %i', async (body, status) => {
    expect((await post(body)).status).toBe(status)
  })

  it('a failing handler answers 500', async () => {
    expect((await post(JSON.stringify({ method: 'explode' }))).status).toBe(500)
  })

  it('survives bad encodings, NUL bytes, garbage and huge headers, then still answers', async () => {
    const table: Array<Promise<unknown>> = [
      request('/%zz', { headers: auth() }),
      request('/%00', { headers: auth() }),
      request('/%E0%A4%A', { headers: auth() }),
      request('/api/%zz', { headers: auth() }),
      request(`/?token=${bridge.token}&x=%zz`),
      request('/', { headers: { ...auth(), 'x-big': 'a'.repeat(64 * 1024) } }).catch(() => null),
      raw('GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
      raw('NONSENSE\r\n\r\n'),
      raw(Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])),
      raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nX: ${'b'.repeat(100_000)}\r\n\r\n`),
      raw(
        `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nAuthorization: Bearer ${bridge.token}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 4\r\n\r\nnull',
      ),
    ]
    await Promise.all(table)
    const r = await post(JSON.stringify({ method: 'app.status', input: {} }))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { echoed: 'app.status' } })
  })
})

describe('loopback bridge static files', () => {
  let dir: string
  let web: Bridge
  const get = (p: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; cookie?: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: web.port, path: p, headers, agent: false }, (res) => {
          let body = ''
          res.on('data', (c) => (body += c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body,
              cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
            }),
          )
        })
        .on('error', reject)
    })

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bridge-'))
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>app</p>')
    fs.writeFileSync(path.join(dir, 'app.js'), 'ok()')
    web = await startBridge({ dispatch, events, staticDir: dir })
  })
  afterAll(async () => {
    await web.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('serves the page only to the tokened address, then to its session', async () => {
    expect((await get('/')).status).toBe(401)
    expect((await get('/app.js')).status).toBe(401)
    expect((await get('/?token=wrong')).status).toBe(401)
    const first = await get(`/?token=${web.token}`)
    expect(first).toMatchObject({ status: 200, body: '<p>app</p>' })
    expect(first.cookie).toMatch(/^replybase_session=/)
    expect(await get('/app.js', { cookie: first.cookie! })).toMatchObject({
      status: 200,
      body: 'ok()',
    })
    expect((await get('/app.js', { cookie: 'replybase_session=forged' })).status).toBe(401)
    // The session is not the token: it opens no API call.
    const call = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: web.port,
          path: '/api/invoke',
          method: 'POST',
          headers: { cookie: first.cookie!, 'content-type': 'application/json' },
          agent: false,
        },
        (res) => resolve(res.statusCode ?? 0),
      )
      req.on('error', reject)
      req.end('{"method":"app.status"}')
    })
    expect(call).toBe(401)
  })

  it('never leaves the folder', async () => {
    const cookie = (await get(`/?token=${web.token}`)).cookie!
    for (const p of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%00', '/..%5c..%5cx']) {
      expect((await get(p, { cookie })).status, p).toBe(404)
    }
  })
})
