// One structured JSON logger (pino) for the app and the CLI, written to <data>/logs.
// pino.destination (sonic-boom) rather than pino.transport: transports run in a worker
// thread whose path bundlers break (pinojs/pino#2048).
import fs from 'node:fs'
import path from 'node:path'
import pino, { type Logger } from 'pino'
import { scrub, scrubValue } from './redact'

export type { Logger }

let root: Logger = pino({ level: 'silent' })
let destination: ReturnType<typeof pino.destination> | null = null

export function initLogging(
  logDir: string,
  level: string = process.env.REPLYBASE_LOG_LEVEL ?? 'info',
): Logger {
  fs.mkdirSync(logDir, { recursive: true })
  const dest = pino.destination({ dest: path.join(logDir, 'replybase.log'), sync: false })
  // A log that cannot be written must never take the app down with it.
  dest.on('error', () => undefined)
  destination = dest
  root = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        // Runs on the merged object of every line: nothing unscrubbed reaches the file.
        log: (obj) => scrubValue(obj) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrub(a) : scrubValue(a)))
          method.apply(this, scrubbed as Parameters<typeof method>)
        },
      },
    },
    dest,
  )
  generation++
  return root
}

type LogFn = (objOrMsg: object | string, msg?: string) => void
export interface ModuleLogger {
  debug: LogFn
  info: LogFn
  warn: LogFn
  error: LogFn
}

let generation = 0

/** A logger whose lines carry the module name, e.g. createLogger('sync'). Safe to create at
 * import time: it follows initLogging() called later. */
export function createLogger(module: string): ModuleLogger {
  let child: Logger | null = null
  let seen = -1
  const current = (): Logger => {
    if (seen !== generation || !child) {
      child = root.child({ module })
      seen = generation
    }
    return child
  }
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error'): LogFn =>
    (objOrMsg, msg) => {
      if (typeof objOrMsg === 'string') current()[level](objOrMsg)
      else current()[level](objOrMsg, msg)
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

export function flushLogs(): void {
  root.flush()
}

/** Writes out what is buffered and closes the file (on quit, and between tests). */
export async function closeLogging(): Promise<void> {
  const dest = destination
  destination = null
  root = pino({ level: 'silent' })
  generation++
  if (!dest) return
  await new Promise<void>((resolve) => {
    const done = (): void => resolve()
    dest.once('close', done)
    dest.once('error', done)
    const end = (): void => dest.end()
    // sonic-boom opens the file asynchronously; ending before that throws.
    if ((dest as unknown as { fd: number }).fd >= 0) end()
    else dest.once('ready', end)
  })
}

/** Describes an HTTP failure for a log line without its request, headers or body. */
export function describeHttpError(e: unknown): Record<string, unknown> {
  const err = e as {
    status?: number
    code?: string | number
    response?: {
      status?: number
      data?: { error?: { errors?: Array<{ reason?: string }> } | string }
    }
    config?: { method?: string; url?: string | URL }
  }
  const data = err.response?.data
  const reason =
    typeof data?.error === 'object'
      ? data.error.errors?.[0]?.reason
      : typeof data?.error === 'string'
        ? data.error
        : undefined
  let host: string | undefined
  try {
    host = err.config?.url ? new URL(String(err.config.url)).host : undefined
  } catch {
    host = undefined
  }
  return {
    status: err.response?.status ?? err.status,
    code: err.code,
    reason,
    method: err.config?.method,
    host,
  }
}
