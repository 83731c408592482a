// The loopback redirect listener of the native-app flow (RFC 8252 §7.3): it binds 127.0.0.1
// (not `localhost`, §8.3) on an ephemeral port and waits for the one redirect carrying the
// authorization response. It answers only GET on its exact path with the exact Host (a
// foreign Host is a DNS-rebinding page, RFC 8252 §8.3), refuses a missing or wrong `state`
// (RFC 6749 §10.12) and keeps waiting for the right one, settles once, then stops listening.
// It never echoes or logs the URL.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createLogger } from '../logging/logger'
import { statesEqual } from './pkce'
import { PAGE_HEADERS, failurePage, successPage } from './oauth-pages'

export const CALLBACK_PATH = '/oauth2/callback'
export const DEFAULT_CONNECT_TIMEOUT_MS = 5 * 60_000

export type CallbackFailureReason =
  'access_denied' | 'missing_code' | 'missing_state' | 'invalid_state' | 'timeout' | 'cancelled'

export type CallbackOutcome =
  { ok: true; code: string } | { ok: false; reason: CallbackFailureReason; message: string }

export interface LoopbackListener {
  port: number
  redirectUri: string
  /** Settles once: the first callback on the right path and Host, the timeout, or cancel(). */
  outcome: Promise<CallbackOutcome>
  cancel(): void
  /** Stops listening and drops any connection still open. */
  close(): Promise<void>
}

export interface LoopbackOptions {
  expectedState: string
  timeoutMs?: number
}

const log = createLogger('oauth-loopback')

// RFC 6749 §4.1.2 / Appendix A.11: code is 1*VSCHAR; Google's are ~70-100 chars.
const CODE_SHAPE = /^[\x21-\x7E]{1,4096}$/
const ERROR_SHAPE = /^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,128}$/

const MESSAGES: Record<CallbackFailureReason, string> = {
  access_denied:
    'Access was not granted in the browser; start the connection again and allow access.',
  missing_code: 'Google redirected back without an authorization code; start the connection again.',
  missing_state:
    'The redirect carried no state parameter, so it cannot be trusted; start the connection again.',
  invalid_state:
    'The redirect carried a state that does not match this connection attempt; start the connection again.',
  timeout: 'No answer came from the browser in time; start the connection again.',
  cancelled: 'The connection was cancelled.',
}

function failure(reason: CallbackFailureReason, detail?: string): CallbackOutcome {
  return {
    ok: false,
    reason,
    message: detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason],
  }
}

function single(params: URLSearchParams, name: string): string | null | 'many' {
  const all = params.getAll(name)
  if (all.length === 0) return null
  return all.length === 1 ? (all[0] ?? null) : 'many'
}

/** Reads one callback query into an outcome; the state is checked before anything else. */
export function readCallback(params: URLSearchParams, expectedState: string): CallbackOutcome {
  const state = single(params, 'state')
  if (state === null || state === '') return failure('missing_state')
  if (state === 'many' || !statesEqual(state, expectedState)) return failure('invalid_state')
  const error = single(params, 'error')
  if (error !== null) {
    // Only Google's error code goes into the message (RFC 6749 §4.1.2.1), never its description.
    const code = error !== 'many' && ERROR_SHAPE.test(error) ? error : 'unknown'
    return failure('access_denied', code === 'access_denied' ? undefined : `error=${code}`)
  }
  const code = single(params, 'code')
  if (code === null || code === '' || code === 'many' || !CODE_SHAPE.test(code)) {
    return failure('missing_code')
  }
  return { ok: true, code }
}

export function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  let settled = false
  let resolveOutcome!: (o: CallbackOutcome) => void
  const outcome = new Promise<CallbackOutcome>((resolve) => {
    resolveOutcome = resolve
  })
  let expectedHost = ''
  let timer: NodeJS.Timeout | undefined

  const server = http.createServer((req, res) => {
    const refuse = (status: number, why: string, headers: Record<string, string> = {}): void => {
      log.info({ status, why }, 'loopback request refused')
      res.writeHead(status, {
        ...PAGE_HEADERS,
        'content-type': 'text/plain; charset=utf-8',
        ...headers,
      })
      res.end(status === 409 ? 'This sign-in has already been completed.\n' : 'Bad request.\n')
    }
    if (req.headers.host !== expectedHost) return refuse(400, 'host')
    if (req.method !== 'GET') return refuse(405, 'method', { allow: 'GET' })
    const target = req.url ?? ''
    if (!target.startsWith('/')) return refuse(400, 'target')
    const url = new URL(target, `http://${expectedHost}`)
    if (url.pathname !== CALLBACK_PATH) return refuse(404, 'path')
    if (settled) return refuse(409, 'already settled')
    const result = readCallback(url.searchParams, options.expectedState)
    res.writeHead(result.ok ? 200 : 400, PAGE_HEADERS)
    res.end(result.ok ? successPage() : failurePage(result.reason))
    if (!result.ok) log.info({ reason: result.reason }, 'callback refused')
    // A callback without our state is not from this sign-in (another tab, a page that found
    // the port): refuse it and keep waiting for the real one until the timeout.
    if (!result.ok && (result.reason === 'invalid_state' || result.reason === 'missing_state')) {
      stateFailure = result
      return
    }
    settle(result)
  })
  let stateFailure: CallbackOutcome | null = null
  // A browser sends its request right away; a silent connection is not a browser.
  server.headersTimeout = 15_000
  server.requestTimeout = 15_000

  function settle(result: CallbackOutcome): void {
    if (settled) return
    settled = true
    clearTimeout(timer)
    // Stop accepting connections now; requests already on an open connection get 409.
    server.close()
    resolveOutcome(result)
  }

  return new Promise<LoopbackListener>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', reject)
      server.on('error', (e) => log.warn({ err: e }, 'loopback listener error'))
      const { port } = server.address() as AddressInfo
      expectedHost = `127.0.0.1:${port}`
      // At the timeout, a refused callback says more than "no answer came".
      timer = setTimeout(() => settle(stateFailure ?? failure('timeout')), timeoutMs)
      resolve({
        port,
        redirectUri: `http://${expectedHost}${CALLBACK_PATH}`,
        outcome,
        cancel: () => settle(failure('cancelled')),
        close: () =>
          new Promise<void>((done) => {
            settle(failure('cancelled'))
            server.closeAllConnections()
            if (!server.listening) return done()
            server.close(() => done())
          }),
      })
    })
  })
}
