// Prepared statements per connection, compiled once: sync runs the same few statements tens of
// thousands of times per run, and preparing costs more than running them. Every statement made
// here is timed; one slower than SLOW_QUERY_MS goes to the slow-query listener (the core logs it).
import type { Statement } from 'better-sqlite3'
import type { Sqlite } from './connection'

/** Queries slower than this are logged (docs/architecture.md, "Design rules"). */
export const SLOW_QUERY_MS = 40

type SlowQueryListener = (sql: string, ms: number) => void
let onSlow: SlowQueryListener = () => undefined

/** The core registers where slow queries are reported; the database layer has no logger. */
export function onSlowQuery(listener: SlowQueryListener): void {
  onSlow = listener
}

const caches = new WeakMap<Sqlite, Map<string, Statement>>()

function timed(sql: string, statement: Statement): Statement {
  const methods = statement as unknown as Record<
    'run' | 'get' | 'all',
    (...a: unknown[]) => unknown
  >
  for (const name of ['run', 'get', 'all'] as const) {
    const call = methods[name].bind(statement)
    methods[name] = (...args: unknown[]) => {
      const started = performance.now()
      try {
        return call(...args)
      } finally {
        const ms = performance.now() - started
        if (ms > SLOW_QUERY_MS) onSlow(sql, ms)
      }
    }
  }
  return statement
}

export function stmt<P extends unknown[] = unknown[], R = unknown>(
  sqlite: Sqlite,
  sql: string,
): Statement<P, R> {
  let cache = caches.get(sqlite)
  if (!cache) caches.set(sqlite, (cache = new Map()))
  let s = cache.get(sql)
  if (!s) cache.set(sql, (s = timed(sql, sqlite.prepare(sql))))
  return s as unknown as Statement<P, R>
}
