import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { httpGet, portRefuses } from '../../../tests/helpers/connect-test-kit'
import {
  CALLBACK_PATH,
  readCallback,
  startLoopbackListener,
  type LoopbackListener,
} from './oauth-loopback'
import { createState, statesEqual } from './pkce'
import { createPkce } from './oauth-client'

const STATE = createState()
const CODE = '4/0AeanS0a-loopbackTestCode_123'

let listener: LoopbackListener | null = null
afterEach(async () => {
  await listener?.close()
  listener = null
})

async function start(timeoutMs = 10_000): Promise<LoopbackListener> {
  listener = await startLoopbackListener({ expectedState: STATE, timeoutMs })
  return listener
}

function callbackUrl(l: LoopbackListener, query: string): string {
  return `${l.redirectUri}?${query}`
}

/** One raw HTTP/1.1 request on an already open socket; resolves with the status line. */
function rawRequest(socket: net.Socket, request: string): Promise<string> {
  return new Promise((resolve) => {
    let data = ''
    socket.on('data', (c) => (data += c.toString('utf8')))
    socket.on('close', () => resolve(data.split('\r\n')[0] || '(closed)'))
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code}`))
    socket.write(request)
  })
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s))
    s.on('error', reject)
  })
}

describe('pkce and state', () => {
  it('makes an S256 pair and a 43-char base64url state compared in constant time', async () => {
    const { codeVerifier, codeChallenge } = await createPkce()
    expect(codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/)
    const { createHash } = await import('node:crypto')
    expect(codeChallenge).toBe(createHash('sha256').update(codeVerifier).digest('base64url'))
    expect(STATE).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(createState()).not.toBe(STATE)
    expect(statesEqual(STATE, STATE)).toBe(true)
    expect(statesEqual(`${STATE}x`, STATE)).toBe(false)
    expect(statesEqual('a b', 'a b')).toBe(false)
  })

  it('reads a callback query: state first, then error, then code', () => {
    const q = (s: string) => new URLSearchParams(s)
    expect(readCallback(q(`state=${STATE}&code=${CODE}`), STATE)).toEqual({ ok: true, code: CODE })
    expect(readCallback(q(`code=${CODE}`), STATE)).toMatchObject({ reason: 'missing_state' })
    expect(readCallback(q(`state=nope&error=access_denied`), STATE)).toMatchObject({
      reason: 'invalid_state',
    })
    expect(readCallback(q(`state=${STATE}&state=${STATE}&code=x`), STATE)).toMatchObject({
      reason: 'invalid_state',
    })
    expect(readCallback(q(`state=${STATE}&error=access_denied`), STATE)).toMatchObject({
      reason: 'access_denied',
    })
    expect(readCallback(q(`state=${STATE}`), STATE)).toMatchObject({ reason: 'missing_code' })
    expect(readCallback(q(`state=${STATE}&code=a%20b`), STATE)).toMatchObject({
      reason: 'missing_code',
    })
  })
})

describe('loopback listener (real HTTP)', () => {
  it('binds 127.0.0.1 on an ephemeral port with the /oauth2/callback redirect', async () => {
    const l = await start()
    expect(l.port).toBeGreaterThan(0)
    expect(l.redirectUri).toBe(`http://127.0.0.1:${l.port}${CALLBACK_PATH}`)
  })

  it('accepts one valid callback, answers a page that never echoes the code, then closes', async () => {
    const l = await start()
    const res = await httpGet(
      callbackUrl(l, `state=${STATE}&code=${encodeURIComponent(CODE)}&scope=x`),
    )
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.body).toContain('close this tab')
    expect(res.body).toContain('вкладку можно закрыть')
    expect(res.body).not.toContain(CODE)
    expect(res.body).not.toContain(STATE)
    expect(res.body).not.toMatch(/<script|src=|href=/i)
    await expect(l.outcome).resolves.toEqual({ ok: true, code: CODE })
    expect(await portRefuses(l.port)).toBe(true)
  })

  it('refuses a wrong path, POST and a foreign Host without ending the flow', async () => {
    const l = await start()
    const valid = callbackUrl(l, `state=${STATE}&code=${CODE}`)
    expect(
      (await httpGet(`http://127.0.0.1:${l.port}/oauth2/callbackx?state=${STATE}&code=${CODE}`))
        .status,
    ).toBe(404)
    expect((await httpGet(`http://127.0.0.1:${l.port}/?state=${STATE}&code=${CODE}`)).status).toBe(
      404,
    )
    expect((await httpGet(`http://127.0.0.1:${l.port}/favicon.ico`)).status).toBe(404)
    expect((await httpGet(valid, { host: `localhost:${l.port}` })).status).toBe(400)
    expect((await httpGet(valid, { host: 'evil.example' })).status).toBe(400)
    const post = await rawRequest(
      await connect(l.port),
      `POST ${CALLBACK_PATH}?state=${STATE}&code=${CODE} HTTP/1.1\r\nHost: 127.0.0.1:${l.port}\r\nContent-Length: 0\r\n\r\n`,
    )
    expect(post).toBe('HTTP/1.1 405 Method Not Allowed')
    // Absolute-form request target (a proxy request) is refused too.
    const absolute = await rawRequest(
      await connect(l.port),
      `GET http://127.0.0.1:${l.port}${CALLBACK_PATH}?state=${STATE}&code=${CODE} HTTP/1.1\r\nHost: 127.0.0.1:${l.port}\r\n\r\n`,
    )
    expect(absolute).toBe('HTTP/1.1 400 Bad Request')
    // Still waiting: the real callback is accepted afterwards.
    expect((await httpGet(valid)).status).toBe(200)
    await expect(l.outcome).resolves.toEqual({ ok: true, code: CODE })
  })

  it('answers a second callback 409 and keeps the first', async () => {
    const l = await start()
    // Both connections are open before the first callback settles the flow.
    const [a, b] = await Promise.all([connect(l.port), connect(l.port)])
    const req = (code: string) =>
      `GET ${CALLBACK_PATH}?state=${STATE}&code=${code} HTTP/1.1\r\nHost: 127.0.0.1:${l.port}\r\n\r\n`
    expect(await rawRequest(a, req('first'))).toBe('HTTP/1.1 200 OK')
    expect(await rawRequest(b, req('second'))).toBe('HTTP/1.1 409 Conflict')
    await expect(l.outcome).resolves.toEqual({ ok: true, code: 'first' })
  })

  it('refuses a missing or wrong state with 400 and keeps waiting for the real callback', async () => {
    const l = await start()
    const missing = await httpGet(callbackUrl(l, `code=${CODE}`))
    expect(missing.status).toBe(400)
    expect(missing.body).toContain('missing_state')
    expect(missing.body).not.toContain(CODE)
    const wrong = await httpGet(callbackUrl(l, `state=${createState()}&code=forged`))
    expect(wrong.status).toBe(400)
    expect((await httpGet(callbackUrl(l, `state=${STATE}&code=${CODE}`))).status).toBe(200)
    await expect(l.outcome).resolves.toEqual({ ok: true, code: CODE })
  })

  it('a wrong state and nothing else ends at the timeout with invalid_state', async () => {
    const l = await start(400)
    expect((await httpGet(callbackUrl(l, `state=${createState()}&code=${CODE}`))).status).toBe(400)
    await expect(l.outcome).resolves.toMatchObject({ ok: false, reason: 'invalid_state' })
    expect(await portRefuses(l.port)).toBe(true)
  })

  it('maps error=access_denied and a missing code', async () => {
    const l = await start()
    await httpGet(callbackUrl(l, `state=${STATE}&error=access_denied`))
    await expect(l.outcome).resolves.toMatchObject({ ok: false, reason: 'access_denied' })
    const m = await start()
    await httpGet(callbackUrl(m, `state=${STATE}`))
    await expect(m.outcome).resolves.toMatchObject({ ok: false, reason: 'missing_code' })
  })

  it('times out and closes the port', async () => {
    const l = await start(200)
    await expect(l.outcome).resolves.toMatchObject({ ok: false, reason: 'timeout' })
    expect(await portRefuses(l.port)).toBe(true)
  })

  it('can be cancelled', async () => {
    const l = await start()
    l.cancel()
    await expect(l.outcome).resolves.toMatchObject({ ok: false, reason: 'cancelled' })
    expect(await portRefuses(l.port)).toBe(true)
  })
})
