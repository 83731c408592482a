import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src-main/db/open-database'
import { sourceMigrationsFolder } from '../../src-main/core/paths'
import { createReviewService } from '../../src-main/core/review/review-service'
import { createEventBus } from '../../src-main/core/event-bus'
import { seededDataDir, seedPairs } from './seed-pairs'
import { tempDir } from './temp'

const dirs: Array<{ cleanup(): void }> = []
const fresh = () => {
  const d = tempDir()
  dirs.push(d)
  return d.dir
}
afterAll(() => dirs.forEach((d) => d.cleanup()))

describe('seedPairs', () => {
  it('generates realistic, searchable en/ru pairs in one transaction', () => {
    const dbh = openDatabase(fresh(), sourceMigrationsFolder())
    const r = seedPairs(dbh, 3000, { seed: 3 })
    expect(r.pairIds).toHaveLength(3000)
    expect(r.accountIds).toHaveLength(2)
    const svc = createReviewService({ dbh, events: createEventBus() })
    const counts = svc.counts({})
    expect(counts.new + counts.approved + counts.rejected).toBe(3000)
    expect(counts.approved).toBeGreaterThan(300)
    expect(counts.rejected).toBeGreaterThan(50)
    const ru = svc.counts({ language: 'ru' })
    const en = svc.counts({ language: 'en' })
    expect(ru.new).toBeGreaterThan(900)
    expect(en.new).toBeGreaterThan(900)
    // Word forms of the generated Russian and English texts are found.
    for (const q of ['заказом', 'refunds', 'доставки']) {
      expect(svc.list({ status: 'all', q, limit: 5 }).items, q).toHaveLength(5)
    }
    // Every pair has its client's time and both messages, the reply after the client.
    expect(
      dbh.sqlite
        .prepare(
          `SELECT count(*) AS n FROM training_pairs p
           JOIN messages c ON c.id = p.client_message_id
           JOIN messages r ON r.id = p.reply_message_id
           WHERE p.sent_at = c.sent_at AND r.sent_at > c.sent_at`,
        )
        .get(),
    ).toEqual({ n: 3000 })
    dbh.close()
  })

  it('copies a cached seeded database into a data folder', () => {
    const a = fresh()
    const b = fresh()
    const opts = { seed: 11, accounts: ['cache@shop.example'] }
    const first = seededDataDir(a, 400, opts)
    const second = seededDataDir(b, 400, opts)
    expect(second).toEqual(first)
    const dbh = openDatabase(b, sourceMigrationsFolder())
    expect(dbh.migration.applied).toEqual([])
    expect(dbh.sqlite.prepare(`SELECT count(*) AS n FROM training_pairs`).get()).toEqual({ n: 400 })
    dbh.close()
    expect(() => seededDataDir(b, 400, opts)).toThrow(/exists already/)
    expect(fs.existsSync(path.join(a, 'replybase.db'))).toBe(true)
  })
})
