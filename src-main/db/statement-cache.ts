// Prepared statements per connection, compiled once: sync runs the same few statements tens of
// thousands of times per run, and preparing costs more than running them. Every statement made
// here is timed; one slower than SLOW_QUERY_MS goes to the slow-query listener (the core logs it).
import type { Statement } from 'better-sqlite3'
import type { Sqlite } from './connection'

import { reportSlowQuery, SLOW_QUERY_MS } from './slow-query'

const caches = new WeakMap<Sqlite, Map<string, Statement>>()

/** Time spent inside cached statements by this process (SQLite's work, triggers included). */
const totals = { calls: 0, ms: 0 }
export function statementTotals(): { calls: number; ms: number } {
  return { ...totals }
}

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
        totals.calls++
        totals.ms += ms
        if (ms > SLOW_QUERY_MS) reportSlowQuery(sql, ms)
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
