// Prepared statements per connection, compiled once: sync runs the same few statements tens of
// thousands of times per run and preparing costs more than running them.
import type { Statement } from 'better-sqlite3'
import type { Sqlite } from '../../db/connection'

const caches = new WeakMap<Sqlite, Map<string, Statement>>()

export function stmt<P extends unknown[] = unknown[], R = unknown>(
  sqlite: Sqlite,
  sql: string,
): Statement<P, R> {
  let cache = caches.get(sqlite)
  if (!cache) caches.set(sqlite, (cache = new Map()))
  let s = cache.get(sql)
  if (!s) cache.set(sql, (s = sqlite.prepare(sql)))
  return s as unknown as Statement<P, R>
}
