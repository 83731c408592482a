// Errors that cross the API carry a stable code the renderer maps to a message in the
// user's language, plus an English message for logs and the CLI. Only `code` and
// `message` ever leave the process, so neither may contain a secret.

/** What OpenAI failures are called (the `problem` of ai.testOpenAI, `openai_<problem>` as errors). */
export const OPENAI_PROBLEMS = [
  'no_key',
  'bad_key',
  'offline',
  'rate_limited',
  /** The account is out of credit (429 insufficient_quota): retrying will not help. */
  'quota_exceeded',
  'bad_base_url',
  'model_not_found',
  'timeout',
  'server_error',
] as const
export type OpenAIProblem = (typeof OPENAI_PROBLEMS)[number]

/**
 * Every error code an API call, the CLI or a sync run can end with: snake_case, one closed set,
 * each worded in both languages by the renderer (a test checks the catalogues).
 */
export const ERROR_CODES = [
  // Requests and the app itself
  'bad_request',
  'not_found',
  'forbidden',
  'internal',
  'conflict',
  'cancelled',
  /** The renderer's own: the main process did not answer at all. */
  'core_unreachable',
  'keychain_unavailable',
  'secret_too_large',
  'db_newer_version',
  'db_migration_failed',
  'db_disk_full',
  'db_busy',
  // Google accounts and sync
  'server_config',
  'not_connected',
  'account_disabled',
  'sync_in_progress',
  'offline',
  'rate_limited',
  'gmail_unavailable',
  'gmail_error',
  'scope_denied',
  'domain_policy',
  'auth_failed',
  'token_revoked',
  // AI features
  /** AI features are off in Settings: nothing is sent to the provider. */
  'ai_disabled',
  /** No approved pair is close enough to draft from. */
  'ai_no_sources',
  // OpenAI
  ...OPENAI_PROBLEMS.map((p) => `openai_${p}` as const),
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class AppError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}

/** SQLite failures a user can act on get their own codes; anything else stays internal. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e
  const code = (e as { code?: unknown } | null)?.code
  if (code === 'SQLITE_FULL') {
    return new AppError('db_disk_full', 'The disk is full: free some space, then try again.', {
      cause: e,
    })
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') {
    return new AppError(
      'db_busy',
      'The database is busy in another ReplyBase process; try again.',
      {
        cause: e,
      },
    )
  }
  return new AppError('internal', 'Something went wrong inside ReplyBase; the log has details.', {
    cause: e,
  })
}
