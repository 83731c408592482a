// What to do with a failed Gmail call. Errors are classified by `errors[0].reason`, not by the
// HTTP status: a 403 is either a rate limit (retry later) or a permission problem no retry fixes
// (https://developers.google.com/gmail/api/guides/handle-errors). Backoff is exponential with
// full jitter, capped at 64 s, and honours Retry-After and Google's "Retry after <ISO time>".
import { AppError, isAppError } from '@contract/errors'

export type FailureKind =
  | 'rate_limit'
  | 'server'
  | 'network'
  | 'not_found'
  | 'bad_request'
  | 'scope_denied'
  | 'domain_policy'
  | 'auth'
  | 'token_revoked'
  | 'cancelled'
  | 'app'
  | 'fatal'

export interface Failure {
  kind: FailureKind
  status?: number
  reason?: string
  /** Absolute time (ms) the server asked us to wait for, if it said so. */
  retryAt?: number
  /** Short, secret-free description for logs and run summaries. */
  detail: string
}

export const BACKOFF_CAP_MS = 64_000

/** Attempts per call (the first one included) before the run gives up. */
export const MAX_ATTEMPTS: Partial<Record<FailureKind, number>> = {
  rate_limit: 12,
  server: 8,
  network: 3,
}

const BASE_DELAY_MS: Partial<Record<FailureKind, number>> = {
  rate_limit: 1_000,
  server: 500,
  network: 1_000,
}

const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'dailyLimitExceeded',
  'quotaExceeded',
])
const SERVER_REASONS = new Set(['backendError', 'internalError'])
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'TimeoutError',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
])

interface HttpLike {
  status?: number
  code?: string | number
  name?: string
  message?: string
  cause?: unknown
  response?: {
    status?: number
    headers?: unknown
    data?: unknown
  }
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined
  const h = headers as { get?: (n: string) => string | null } & Record<string, unknown>
  if (typeof h.get === 'function') return h.get(name) ?? undefined
  const v = h[name] ?? h[name.toLowerCase()]
  return typeof v === 'string' ? v : undefined
}

function errorBody(data: unknown): { reason?: string; message?: string } {
  let body = data
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body)
    } catch {
      return {}
    }
  }
  const error = (body as { error?: unknown } | null)?.error
  if (!error || typeof error !== 'object') return {}
  const e = error as { message?: unknown; errors?: Array<{ reason?: unknown }> }
  const reason = e.errors?.[0]?.reason
  return {
    reason: typeof reason === 'string' ? reason : undefined,
    message: typeof e.message === 'string' ? e.message : undefined,
  }
}

/** Retry-After (RFC 9110 §10.2.3: seconds or an HTTP date) or Google's "Retry after <ISO>". */
export function retryAtOf(
  headers: unknown,
  message: string | undefined,
  now: number,
): number | undefined {
  const ra = header(headers, 'retry-after')
  if (ra) {
    if (/^\d+$/.test(ra.trim())) return now + Number(ra.trim()) * 1000
    const at = Date.parse(ra)
    if (Number.isFinite(at)) return at
  }
  const iso = /Retry after (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/i.exec(message ?? '')?.[1]
  if (iso) {
    const at = Date.parse(iso)
    if (Number.isFinite(at)) return at
  }
  return undefined
}

function networkCode(e: unknown): string | undefined {
  let cur: unknown = e
  for (let depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const c = cur as HttpLike
    if (typeof c.code === 'string' && NETWORK_CODES.has(c.code)) return c.code
    if (c.name === 'TimeoutError') return 'TimeoutError'
    if (
      typeof c.message === 'string' &&
      /socket hang up|fetch failed|network timeout/i.test(c.message)
    ) {
      return 'ECONNRESET'
    }
    cur = c.cause
  }
  return undefined
}

function isAbort(e: unknown): boolean {
  let cur: unknown = e
  for (let depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const c = cur as HttpLike
    if (c.name === 'AbortError' || c.code === 'AbortError' || c.code === 'ABORT_ERR') return true
    cur = c.cause
  }
  return false
}

export function classifyFailure(e: unknown, now: number = Date.now()): Failure {
  if (isAppError(e)) {
    if (e.code === 'token_revoked') return { kind: 'token_revoked', detail: 'token_revoked' }
    if (e.code === 'cancelled') return { kind: 'cancelled', detail: 'cancelled' }
    return { kind: 'app', reason: e.code, detail: e.code }
  }
  const err = (e ?? {}) as HttpLike
  const status = err.response?.status ?? (typeof err.status === 'number' ? err.status : undefined)
  if (status === undefined) {
    if (isAbort(e)) return { kind: 'cancelled', detail: 'cancelled' }
    const code = networkCode(e)
    if (code) return { kind: 'network', reason: code, detail: `network ${code}` }
    return { kind: 'fatal', detail: err.name ?? 'error' }
  }
  const { reason, message } = errorBody(err.response?.data)
  const detail = `HTTP ${status}${reason ? ` ${reason}` : ''}`
  const base = { status, reason, detail }
  if ((reason && RATE_LIMIT_REASONS.has(reason)) || status === 429) {
    return { ...base, kind: 'rate_limit', retryAt: retryAtOf(err.response?.headers, message, now) }
  }
  if (reason === 'insufficientPermissions' || reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT') {
    return { ...base, kind: 'scope_denied' }
  }
  if (reason === 'domainPolicy') return { ...base, kind: 'domain_policy' }
  if (status === 401) return { ...base, kind: 'auth' }
  if (status >= 500 || (reason && SERVER_REASONS.has(reason))) {
    return { ...base, kind: 'server', retryAt: retryAtOf(err.response?.headers, message, now) }
  }
  if (status === 404) return { ...base, kind: 'not_found' }
  if (status === 400) return { ...base, kind: 'bad_request' }
  return { ...base, kind: 'fatal' }
}

/** "Full jitter" backoff: random in [0, min(cap, base * 2^attempt)]. attempt counts from 0. */
export function backoffDelay(
  kind: FailureKind,
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = BASE_DELAY_MS[kind] ?? 1_000
  const ceiling = Math.min(BACKOFF_CAP_MS, base * 2 ** Math.min(attempt, 16))
  return Math.floor(random() * ceiling)
}

/** Delay before the next attempt, or null when the failure is final. */
export function nextDelay(
  failure: Failure,
  attempt: number,
  now: number,
  random: () => number = Math.random,
): number | null {
  const max = MAX_ATTEMPTS[failure.kind]
  if (max === undefined || attempt + 1 >= max) return null
  const jitter = backoffDelay(failure.kind, attempt, random)
  if (failure.retryAt !== undefined) {
    // The server's time is a floor; a little jitter on top keeps retries from arriving together.
    const wait = Math.max(0, failure.retryAt - now)
    return Math.min(BACKOFF_CAP_MS, wait + Math.floor(jitter / 8))
  }
  return jitter
}

/** Codes a run ends with; the renderer maps them to messages with the next step. */
export function failureToAppError(f: Failure, email: string): AppError {
  switch (f.kind) {
    case 'rate_limit':
      return new AppError(
        'rate_limited',
        `Gmail kept refusing requests for ${email} as over quota (${f.detail}); the next sync continues where this one stopped.`,
      )
    case 'server':
      return new AppError(
        'gmail_unavailable',
        `Gmail kept failing for ${email} (${f.detail}); the next sync continues where this one stopped.`,
      )
    case 'network':
      return new AppError(
        'offline',
        `Gmail could not be reached (${f.detail}); check the connection. Nothing stored was lost and the next sync resumes.`,
      )
    case 'scope_denied':
      return new AppError(
        'scope_denied',
        `ReplyBase may not read the mail of ${email} (insufficientPermissions); reconnect the account and leave Gmail access ticked.`,
      )
    case 'domain_policy':
      return new AppError(
        'domain_policy',
        `The Google Workspace administrator of ${email} has disabled Gmail API access (domainPolicy); ask them to allow ReplyBase.`,
      )
    case 'auth':
      return new AppError(
        'auth_failed',
        `Gmail refused the authorization of ${email} even after a token refresh (${f.detail}); reconnect the account.`,
      )
    case 'token_revoked':
      return new AppError(
        'token_revoked',
        `Google no longer accepts the authorization for ${email}; reconnect the account.`,
      )
    case 'cancelled':
      return new AppError('cancelled', 'The sync was cancelled.')
    default:
      return new AppError('gmail_error', `Gmail answered ${f.detail} for ${email}.`)
  }
}
