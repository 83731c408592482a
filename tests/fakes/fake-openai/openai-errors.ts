// OpenAI's error bodies and headers as the real API sends them
// (https://platform.openai.com/docs/guides/error-codes/api-errors).

export interface FakeReply {
  status: number
  body: unknown
  headers?: Record<string, string>
  /** Chunks of a streamed (server-sent events) answer instead of a JSON body. */
  stream?: unknown[]
}

function error(
  status: number,
  message: string,
  type: string,
  code: string | null,
  headers?: Record<string, string>,
): FakeReply {
  return { status, body: { error: { message, type, param: null, code } }, headers }
}

/** OpenAI masks the key it refuses the same way: its first six and last three characters. */
export function maskKey(key: string): string {
  return key.length > 9 ? `${key.slice(0, 6)}***${key.slice(-3)}` : '***'
}

export function invalidApiKey(key: string): FakeReply {
  return error(
    401,
    `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    'invalid_request_error',
    'invalid_api_key',
  )
}

export function missingApiKey(): FakeReply {
  return error(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (i.e. sk-xxxx:) with HTTP Basic auth.",
    'invalid_request_error',
    null,
  )
}

export function rateLimited(
  model: string,
  retryAfterSeconds: number,
  sdkRetries = false,
): FakeReply {
  return error(
    429,
    `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${retryAfterSeconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    'requests',
    'rate_limit_exceeded',
    {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': `${retryAfterSeconds}s`,
      // The SDK would otherwise retry on its own; most tests check our handling of the first
      // answer, the embedding job's test lets the SDK wait what retry-after asks.
      ...(sdkRetries ? {} : { 'x-should-retry': 'false' }),
    },
  )
}

export function insufficientQuota(): FakeReply {
  return error(
    429,
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    'insufficient_quota',
    'insufficient_quota',
    { 'x-should-retry': 'false' },
  )
}

export function modelNotFound(model: string): FakeReply {
  return error(
    404,
    `The model \`${model}\` does not exist or you do not have access to it.`,
    'invalid_request_error',
    'model_not_found',
  )
}

export function invalidUrl(method: string, path: string): FakeReply {
  return error(404, `Invalid URL (${method} ${path})`, 'invalid_request_error', null)
}

export function serverError(): FakeReply {
  return error(
    500,
    'The server had an error while processing your request. Sorry about that!',
    'server_error',
    null,
    { 'x-should-retry': 'false' },
  )
}

export function badRequest(message: string): FakeReply {
  return error(400, message, 'invalid_request_error', null)
}

/** OpenAI's duration format in headers and messages: '20ms', '1.234s', '1m0s', '6m12.5s'. */
export function openAIDuration(ms: number): string {
  const t = Math.max(0, Math.ceil(ms))
  if (t < 1000) return `${t}ms`
  const trim = (s: number): string => String(Number(s.toFixed(3)))
  if (t < 60_000) return `${trim(t / 1000)}s`
  return `${Math.floor(t / 60_000)}m${trim((t % 60_000) / 1000)}s`
}

/** A tokens-per-minute refusal, with how long until the request fits. */
export function tokensRateLimited(
  model: string,
  t: { limit: number; used: number; requested: number; waitMs: number },
  headers: Record<string, string>,
): FakeReply {
  const wait = Math.max(1, Math.ceil(t.waitMs))
  return error(
    429,
    `Rate limit reached for ${model} in organization org-fake on tokens per min (TPM): Limit ${t.limit}, Used ${t.used}, Requested ${t.requested}. Please try again in ${openAIDuration(wait)}. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    'tokens',
    'rate_limit_exceeded',
    {
      ...headers,
      'retry-after': String(Math.ceil(wait / 1000)),
      'retry-after-ms': String(wait),
    },
  )
}

/** A request with more tokens than the whole limit: it can never pass as it is. */
export function requestTooLarge(
  model: string,
  limit: number,
  requested: number,
  headers: Record<string, string>,
): FakeReply {
  return error(
    429,
    `Request too large for ${model} in organization org-fake on tokens per min (TPM): Limit ${limit}, Requested ${requested}. The input or output tokens must be reduced in order to run successfully. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    'tokens',
    'rate_limit_exceeded',
    headers,
  )
}
