// Errors that cross the API carry a stable code the renderer maps to a message in the
// user's language, plus an English message for logs and the CLI. Only `code` and
// `message` ever leave the process, so neither may contain a secret.

export type ErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'forbidden'
  | 'internal'
  | 'conflict'
  | 'cancelled'
  | 'offline'
  | 'keychain_unavailable'
  | 'secret_too_large'
  | 'db_newer_version'
  | 'db_migration_failed'
  | 'db_disk_full'
  | 'db_busy'
  | (string & {})

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
