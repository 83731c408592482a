import { describe, expect, it } from 'vitest'
import { AppError } from '@contract/errors'
import {
  BACKOFF_CAP_MS,
  backoffDelay,
  classifyFailure,
  failureToAppError,
  nextDelay,
  retryAtOf,
} from './retry-policy'

const NOW = Date.parse('2026-11-25T12:00:00.000Z')

function httpError(
  status: number,
  reason?: string,
  message = 'x',
  headers: Record<string, string> = {},
) {
  return {
    response: {
      status,
      headers: new Headers(headers),
      data: reason
        ? { error: { code: status, message, errors: [{ reason, message }] } }
        : { error: { code: status, message } },
    },
  }
}

describe('classifyFailure: by errors[0].reason, not by status', () => {
  it('a 429 rateLimitExceeded is a rate limit with Google\'s "Retry after" time', () => {
    const f = classifyFailure(
      httpError(
        429,
        'rateLimitExceeded',
        'User-rate limit exceeded.  Retry after 2026-11-25T12:00:03.500Z',
      ),
      NOW,
    )
    expect(f.kind).toBe('rate_limit')
    expect(f.retryAt).toBe(NOW + 3500)
  })
  it('a 403 userRateLimitExceeded is a rate limit, not a permission problem', () => {
    expect(classifyFailure(httpError(403, 'userRateLimitExceeded'), NOW).kind).toBe('rate_limit')
    expect(classifyFailure(httpError(403, 'rateLimitExceeded'), NOW).kind).toBe('rate_limit')
  })
  it('a 403 insufficientPermissions or domainPolicy is final', () => {
    const scope = classifyFailure(httpError(403, 'insufficientPermissions'), NOW)
    const policy = classifyFailure(httpError(403, 'domainPolicy'), NOW)
    expect(scope.kind).toBe('scope_denied')
    expect(policy.kind).toBe('domain_policy')
    expect(nextDelay(scope, 0, NOW)).toBeNull()
    expect(nextDelay(policy, 0, NOW)).toBeNull()
  })
  it('5xx and backendError are retried; 401 after the client refreshed is an auth failure', () => {
    expect(classifyFailure(httpError(500, 'backendError'), NOW).kind).toBe('server')
    expect(classifyFailure(httpError(503), NOW).kind).toBe('server')
    expect(classifyFailure(httpError(401, 'authError'), NOW).kind).toBe('auth')
  })
  it('404 and 400 are their own kinds', () => {
    expect(classifyFailure(httpError(404, 'notFound'), NOW).kind).toBe('not_found')
    expect(classifyFailure(httpError(400, 'invalidArgument'), NOW).kind).toBe('bad_request')
  })
  it('network errors are found down the cause chain; aborts are cancellations', () => {
    const refused = Object.assign(new Error('request failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    })
    expect(classifyFailure(refused, NOW)).toMatchObject({ kind: 'network', reason: 'ECONNREFUSED' })
    expect(classifyFailure(new DOMException('timed out', 'TimeoutError'), NOW).kind).toBe('network')
    expect(classifyFailure(new DOMException('aborted', 'AbortError'), NOW).kind).toBe('cancelled')
  })
  it("the OAuth client's token_revoked stays token_revoked", () => {
    expect(classifyFailure(new AppError('token_revoked', 'gone'), NOW).kind).toBe('token_revoked')
  })
  it('error bodies sent as text are read too', () => {
    const e = {
      response: {
        status: 403,
        headers: {},
        data: JSON.stringify({ error: { errors: [{ reason: 'domainPolicy' }] } }),
      },
    }
    expect(classifyFailure(e, NOW).kind).toBe('domain_policy')
  })
})

describe('retryAtOf', () => {
  it('reads Retry-After seconds and HTTP dates', () => {
    expect(retryAtOf(new Headers({ 'retry-after': '7' }), undefined, NOW)).toBe(NOW + 7000)
    expect(retryAtOf({ 'retry-after': 'Wed, 25 Nov 2026 12:00:10 GMT' }, undefined, NOW)).toBe(
      NOW + 10_000,
    )
    expect(retryAtOf({}, 'nothing here', NOW)).toBeUndefined()
  })
})

describe('backoff', () => {
  it('is full jitter: uniform in [0, base * 2^attempt], capped at 64 s', () => {
    expect(backoffDelay('server', 0, () => 0.999)).toBeLessThan(500)
    expect(backoffDelay('server', 3, () => 0.5)).toBe(2000)
    expect(backoffDelay('rate_limit', 30, () => 0.999)).toBeLessThanOrEqual(BACKOFF_CAP_MS)
    expect(backoffDelay('rate_limit', 30, () => 0)).toBe(0)
  })
  it('waits at least until the time the server named, and gives up after the attempt limit', () => {
    const f = classifyFailure(
      httpError(429, 'rateLimitExceeded', 'Retry after 2026-11-25T12:00:02.000Z'),
      NOW,
    )
    expect(nextDelay(f, 0, NOW, () => 0)).toBe(2000)
    expect(nextDelay(f, 11, NOW)).toBeNull()
    const server = classifyFailure(httpError(500, 'backendError'), NOW)
    expect(nextDelay(server, 6, NOW)).not.toBeNull()
    expect(nextDelay(server, 7, NOW)).toBeNull()
  })
})

describe('failureToAppError', () => {
  it('names the next step and never a token', () => {
    expect(
      failureToAppError({ kind: 'network', detail: 'network ECONNREFUSED' }, 'a@b.c').code,
    ).toBe('offline')
    expect(
      failureToAppError({ kind: 'scope_denied', detail: 'HTTP 403' }, 'a@b.c').message,
    ).toMatch(/reconnect/)
    expect(failureToAppError({ kind: 'domain_policy', detail: 'HTTP 403' }, 'a@b.c').code).toBe(
      'domain_policy',
    )
  })
})
