// The official `openai` SDK, configured so nothing private leaks: logLevel 'warn' (debug
// would print request bodies, i.e. mail), a logger that keeps only the SDK's message line,
// explicit nulls so OPENAI_* variables of the environment are not picked up, and failures
// turned into our own codes and messages (OpenAI's 401 text echoes part of the key).
import type OpenAI from 'openai'
import type { OpenAIProblem } from '@contract/ai'
import { AppError } from '@contract/errors'
import { createLogger } from '../logging/logger'

const log = createLogger('openai')

/** The SDK, loaded with the first client: most CLI commands and app starts never call OpenAI.
 * Its error classes are needed only for failures of calls made through such a client. */
let sdk: typeof import('openai') | null = null

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1'

export interface OpenAIClientOptions {
  apiKey: string
  baseUrl: string | null
  timeoutMs: number
  maxRetries: number
}

/** The SDK's log calls carry request details as extra arguments: only the first, a short
 * message, is kept (and the logger's sink redacts it again). */
const sdkLogger = {
  error: (msg: unknown) => log.error({ sdk: String(msg).slice(0, 200) }, 'openai sdk'),
  warn: (msg: unknown) => log.warn({ sdk: String(msg).slice(0, 200) }, 'openai sdk'),
  info: () => undefined,
  debug: () => undefined,
}

export async function createOpenAIClient(o: OpenAIClientOptions): Promise<OpenAI> {
  sdk ??= await import('openai')
  return new sdk.OpenAI({
    apiKey: o.apiKey,
    baseURL: o.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: o.timeoutMs,
    maxRetries: o.maxRetries,
    logLevel: 'warn',
    logger: sdkLogger,
  })
}

export interface OpenAIFailure {
  code: OpenAIProblem
  message: string
}

function retryAfterSeconds(headers: Headers | undefined): number | null {
  const ms = Number(headers?.get('retry-after-ms'))
  if (Number.isFinite(ms) && ms > 0) return Math.ceil(ms / 1000)
  const s = Number(headers?.get('retry-after'))
  return Number.isFinite(s) && s > 0 ? Math.ceil(s) : null
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
])

function causeCode(e: unknown): string | undefined {
  let cur: unknown = e
  for (let i = 0; i < 4 && cur; i++) {
    const code = (cur as { code?: unknown }).code
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code
    cur = (cur as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * What went wrong, in words a user can act on. Classified by status and OpenAI's
 * `error.code` (https://platform.openai.com/docs/guides/error-codes); OpenAI's own message
 * is never passed on.
 */
export function classifyOpenAIError(e: unknown, custom: boolean): OpenAIFailure {
  if (!sdk) return unreadable(custom)
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = sdk
  if (e instanceof APIConnectionTimeoutError || e instanceof APIUserAbortError) {
    return { code: 'timeout', message: 'OpenAI did not answer in time. Try again later.' }
  }
  if (e instanceof APIConnectionError) {
    const code = causeCode(e)
    if (custom && code === 'ENOTFOUND') {
      return {
        code: 'bad_base_url',
        message: 'The host of the base URL does not exist. Check the base URL in AI settings.',
      }
    }
    return {
      code: 'offline',
      message: custom
        ? 'The API at the base URL could not be reached. Check the network and the base URL.'
        : 'OpenAI could not be reached. Check the network connection.',
    }
  }
  if (e instanceof APIError) {
    const status = e.status ?? 0
    if (status === 401 || status === 403) {
      return {
        code: 'bad_key',
        message:
          status === 401
            ? 'The API key was refused. Paste a valid key from platform.openai.com/api-keys.'
            : 'The API key may not use this API or model (403). Check the key’s project permissions.',
      }
    }
    if (status === 429) {
      if (e.code === 'insufficient_quota') {
        return {
          code: 'quota_exceeded',
          message: 'The OpenAI account is out of credit. Check its plan and billing.',
        }
      }
      const after = retryAfterSeconds(e.headers)
      return {
        code: 'rate_limited',
        message: `OpenAI is limiting requests for this key. Try again${after ? ` in ${after} s` : ' shortly'}.`,
      }
    }
    if (status === 404) {
      return e.code === 'model_not_found'
        ? {
            code: 'model_not_found',
            message: 'The model does not exist or this key cannot use it. Choose another model.',
          }
        : {
            code: 'bad_base_url',
            message:
              'The API answered 404: the base URL does not point at an OpenAI-compatible API (it usually ends in /v1).',
          }
    }
    if (status >= 500) {
      return {
        code: 'server_error',
        message: `OpenAI had a server error (${status}). Try again later.`,
      }
    }
    return { code: 'server_error', message: `OpenAI refused the request (${status}).` }
  }
  return unreadable(custom)
}

/** Not an HTTP answer at all, e.g. a 200 whose body is not OpenAI's JSON. */
function unreadable(custom: boolean): OpenAIFailure {
  return {
    code: custom ? 'bad_base_url' : 'server_error',
    message: custom
      ? 'The base URL answered, but not like an OpenAI-compatible API.'
      : 'OpenAI gave an answer ReplyBase could not read.',
  }
}

/** The failure as an error with a stable code, e.g. `openai_bad_key`. */
export function openAIAppError(failure: OpenAIFailure, cause?: unknown): AppError {
  // The cause is kept for the log only; describeHttpError-style fields, never the body.
  return new AppError(`openai_${failure.code}`, failure.message, {
    cause:
      sdk && cause instanceof sdk.APIError ? { status: cause.status, code: cause.code } : undefined,
  })
}
