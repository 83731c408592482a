import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { onSlowQuery, SLOW_QUERY_MS } from './slow-query'
import { stmt } from './statement-cache'

afterEach(() => onSlowQuery(() => undefined))

describe('statement cache', () => {
  it('prepares each statement once per connection', () => {
    const db = new Database(':memory:')
    expect(stmt(db, 'SELECT 1 AS one')).toBe(stmt(db, 'SELECT 1 AS one'))
    expect(stmt(db, 'SELECT 1 AS one').get()).toEqual({ one: 1 })
    expect(stmt(new Database(':memory:'), 'SELECT 1 AS one')).not.toBe(stmt(db, 'SELECT 1 AS one'))
  })

  it('reports a query slower than the threshold, and only that one', () => {
    const db = new Database(':memory:')
    const slow: Array<[string, number]> = []
    onSlowQuery((sql, ms) => slow.push([sql, ms]))
    // A recursive count long enough to take well over the threshold.
    const heavy = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)
      SELECT count(*) AS c FROM n`
    stmt(db, 'SELECT 1').get()
    expect(stmt<[], { c: number }>(db, heavy).get()).toEqual({ c: 3_000_000 })
    expect(slow.map(([sql]) => sql)).toEqual([heavy])
    expect(slow[0]![1]).toBeGreaterThan(SLOW_QUERY_MS)
  })
})
