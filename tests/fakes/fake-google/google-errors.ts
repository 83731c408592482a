// Error bodies exactly as Google's JSON APIs send them (AIP-193 "HTTP/1.1 JSON representation"
// plus the legacy `errors[]` array that googleapis clients still read).
// https://developers.google.com/gmail/api/guides/handle-errors

export interface ApiReply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

interface ErrorItem {
  message: string
  domain: string
  reason: string
  location?: string
  locationType?: string
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
}

export function apiError(
  code: number,
  message: string,
  item: Partial<ErrorItem> & { reason: string },
  extra?: { details?: unknown[]; headers?: Record<string, string>; status?: string },
): ApiReply {
  const errors: ErrorItem[] = [{ message, domain: 'global', ...item }]
  const error: Record<string, unknown> = {
    code,
    message,
    errors,
    status: extra?.status ?? STATUS_NAMES[code] ?? 'UNKNOWN',
  }
  if (extra?.details) error['details'] = extra.details
  return { status: code, body: { error }, headers: extra?.headers }
}

function errorInfo(reason: string, method: string): unknown {
  return {
    '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
    reason,
    domain: 'googleapis.com',
    metadata: { service: 'gmail.googleapis.com', method },
  }
}

export function unauthenticated(method: string): ApiReply {
  return apiError(
    401,
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    { reason: 'authError', location: 'Authorization', locationType: 'header' },
    {
      details: [errorInfo('ACCESS_TOKEN_EXPIRED', method)],
      headers: {
        'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      },
    },
  )
}

export function insufficientScopes(method: string): ApiReply {
  // errors[0].message differs from the top-level message on the real service.
  return {
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [
          {
            message: 'Insufficient Permission',
            domain: 'global',
            reason: 'insufficientPermissions',
          },
        ],
        status: 'PERMISSION_DENIED',
        details: [errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT', method)],
      },
    },
  }
}

export const notFound = (): ApiReply =>
  apiError(404, 'Requested entity was not found.', { reason: 'notFound' })

export const badRequest = (message: string, reason = 'invalidArgument'): ApiReply =>
  apiError(400, message, { reason })

export const domainPolicy = (): ApiReply =>
  apiError(403, 'The domain administrators have disabled Gmail apps.', { reason: 'domainPolicy' })

export const delegationDenied = (user: string): ApiReply =>
  apiError(403, `Delegation denied for ${user}`, { reason: 'forbidden' })

export function rateLimited(style: '429' | '403', retryAt: Date, headerSec?: number): ApiReply {
  const headers = headerSec === undefined ? undefined : { 'retry-after': String(headerSec) }
  if (style === '403') {
    return apiError(
      403,
      'User Rate Limit Exceeded',
      { reason: 'userRateLimitExceeded', domain: 'usageLimits' },
      { headers },
    )
  }
  // Two spaces before "Retry" are in Google's text.
  const message = `User-rate limit exceeded.  Retry after ${retryAt.toISOString()}`
  return apiError(429, message, { reason: 'rateLimitExceeded', domain: 'usageLimits' }, { headers })
}

export const tooManyConcurrent = (): ApiReply =>
  apiError(429, 'Too many concurrent requests for user', { reason: 'rateLimitExceeded' })

export function backendError(code: 500 | 503): ApiReply {
  return code === 500
    ? apiError(500, 'Backend Error', { reason: 'backendError' })
    : apiError(503, 'The service is currently unavailable.', { reason: 'backendError' })
}

/** OAuth endpoints use RFC 6749 §5.2 bodies, not the AIP-193 shape. */
export function oauthError(status: number, error: string, description: string): ApiReply {
  return { status, body: { error, error_description: description } }
}
