import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from './bridge-server'
import { createEventBus } from '../core/event-bus'
import type { Dispatch } from '../api/dispatcher'

const calls: Array<[unknown, unknown]> = []
const dispatch: Dispatch = async (method, input) => {
  calls.push([method, input])
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
): Promise<{ status: number; body: string }> {
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
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
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
    }).catch(() => ({ status: 413, body: '' }))
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
