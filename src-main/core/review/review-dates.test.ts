// The review list's time is when the client wrote: shown, sorted (either way) and filtered by
// the client message's Date, not by the reply's or by when sync created the pair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PairListItem } from '@contract/pairs'
import { openDatabase, type OpenedDatabase } from '../../db/open-database'
import { listSql } from '../../db/queries/pairs-review'
import { createEventBus } from '../event-bus'
import { sourceMigrationsFolder } from '../paths'
import { seedAccounts, seedPairs } from '../../../tests/helpers/seed-pairs'
import { tempDir } from '../../../tests/helpers/temp'
import { createReviewService } from './review-service'

const tmp = tempDir()
let dbh: OpenedDatabase
let svc: ReturnType<typeof createReviewService>
const ids = {} as Record<'late' | 'early' | 'middle', number>
let messageIds: Record<string, number> = {}

/** A pair stored the way sync stores it: messages first, the pair with no time of its own. */
function syncPair(accountId: number, key: string, clientAt: string, replyAt: string): number {
  const msg = dbh.sqlite.prepare(
    `INSERT INTO messages (account_id, external_id, thread_id, direction, subject, body_text, sent_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const c = Number(
    msg.run(accountId, `c-${key}`, `t-${key}`, 'incoming', key, `Question ${key}`, clientAt)
      .lastInsertRowid,
  )
  const r = Number(
    msg.run(accountId, `r-${key}`, `t-${key}`, 'outgoing', `Re: ${key}`, `Answer ${key}`, replyAt)
      .lastInsertRowid,
  )
  messageIds[`c-${key}`] = c
  messageIds[`r-${key}`] = r
  return Number(
    dbh.sqlite
      .prepare(
        `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id,
           client_text, reply_text, language, status) VALUES (?, ?, ?, ?, ?, ?, 'en', 'new')`,
      )
      .run(accountId, `t-${key}`, c, r, `Question ${key}`, `Answer ${key}`).lastInsertRowid,
  )
}

beforeAll(() => {
  dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  svc = createReviewService({ dbh, events: createEventBus() })
  const [a] = seedAccounts(dbh, ['support@shop.example'])
  messageIds = {}
  dbh.write(() => {
    // Written late on 10 March, answered on 12 March.
    ids.late = syncPair(a!, 'late', '2026-03-10T23:30:00.000Z', '2026-03-12T09:00:00.000Z')
    // Written on 11 March, answered at once.
    ids.middle = syncPair(a!, 'middle', '2026-03-11T08:00:00.000Z', '2026-03-11T08:05:00.000Z')
    // Written on 1 March, answered only on 20 March: newest by reply, oldest by the client.
    ids.early = syncPair(a!, 'early', '2026-03-01T10:00:00.000Z', '2026-03-20T10:00:00.000Z')
  })
})
afterAll(() => {
  dbh.close()
  tmp.cleanup()
})

const idsOf = (items: PairListItem[]) => items.map((i) => i.id)

describe('pair times', () => {
  it('are when the client wrote, for pairs stored by sync', () => {
    const items = svc.list({ status: 'new', limit: 10 }).items
    expect(items.map((i) => [i.id, i.sentAt])).toEqual([
      [ids.middle, '2026-03-11T08:00:00.000Z'],
      [ids.late, '2026-03-10T23:30:00.000Z'],
      [ids.early, '2026-03-01T10:00:00.000Z'],
    ])
    const d = svc.get(ids.early)
    expect(d.sentAt).toBe('2026-03-01T10:00:00.000Z')
    expect(d.replyMessage?.sentAt).toBe('2026-03-20T10:00:00.000Z')
  })

  it('sort oldest first on request, in pages and across statuses', () => {
    expect(idsOf(svc.list({ status: 'new', order: 'oldest', limit: 10 }).items)).toEqual([
      ids.early,
      ids.late,
      ids.middle,
    ])
    const first = svc.list({ status: 'all', order: 'oldest', limit: 2 })
    expect(idsOf(first.items)).toEqual([ids.early, ids.late])
    const second = svc.list({ status: 'all', order: 'oldest', limit: 2, cursor: first.nextCursor })
    expect(idsOf(second.items)).toEqual([ids.middle])
    expect(second.nextCursor).toBeNull()
  })

  it('filter by the client day, not by the reply day', () => {
    expect(
      idsOf(svc.list({ status: 'new', limit: 10, from: '2026-03-10', to: '2026-03-10' }).items),
    ).toEqual([ids.late])
    // Nobody wrote on the 20th (the day of the late reply).
    expect(svc.list({ status: 'new', limit: 10, from: '2026-03-20' }).items).toEqual([])
    expect(svc.counts({ to: '2026-03-05' })).toEqual({ new: 1, approved: 0, rejected: 0 })
    // The bounds of a local day as the app sends them (UTC+3: 11 March starts at 21:00 on the 10th).
    expect(
      idsOf(
        svc.list({
          status: 'new',
          limit: 10,
          from: '2026-03-10T21:00:00.000Z',
          to: '2026-03-11T20:59:59.999Z',
        }).items,
      ),
    ).toEqual([ids.middle, ids.late])
  })

  it('follow a client message whose Date is corrected, and not its reply', () => {
    dbh.write(() => {
      dbh.sqlite
        .prepare(`UPDATE messages SET sent_at = ? WHERE id = ?`)
        .run('2026-03-21T00:00:00.000Z', messageIds['r-middle'])
    })
    expect(svc.get(ids.middle).sentAt).toBe('2026-03-11T08:00:00.000Z')
    dbh.write(() => {
      dbh.sqlite
        .prepare(`UPDATE messages SET sent_at = ? WHERE id = ?`)
        .run('2026-03-02T07:00:00.000Z', messageIds['c-middle'])
    })
    expect(svc.get(ids.middle).sentAt).toBe('2026-03-02T07:00:00.000Z')
    expect(idsOf(svc.list({ status: 'new', limit: 10 }).items)).toEqual([
      ids.late,
      ids.middle,
      ids.early,
    ])
  })

  it("go to the command line's records, which filter by them too", () => {
    const all = svc.records({ limit: 10 }).records
    expect(all.find((r) => r.id === ids.early)?.sentAt).toBe('2026-03-01T10:00:00.000Z')
    expect(svc.records({ from: '2026-03-10', to: '2026-03-10' }).records.map((r) => r.id)).toEqual([
      ids.late,
    ])
  })
})

describe('oldest-first pages', () => {
  it('walk every pair once, in order, through the same index range', () => {
    const h = openDatabase(tempDir().dir, sourceMigrationsFolder())
    const s = createReviewService({ dbh: h, events: createEventBus() })
    seedPairs(h, 700, { seed: 11, status: 'new', spanDays: 1 })
    const seen: PairListItem[] = []
    let cursor: string | null = null
    do {
      const page = s.list({ status: 'new', order: 'oldest', limit: 83, cursor })
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(seen.map((i) => i.id)).size).toBe(700)
    for (let i = 1; i < seen.length; i++) {
      const a = seen[i - 1]!
      const b = seen[i]!
      expect(a.sentAt < b.sentAt || (a.sentAt === b.sentAt && a.id < b.id)).toBe(true)
    }
    const { sql, params } = listSql('new', {}, { sentAt: '2026-01-01', id: 1 }, 'oldest')
    const plan = (
      h.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 50) as Array<{
        detail: string
      }>
    )
      .map((r) => r.detail)
      .join('\n')
    expect(plan).toMatch(/pairs_status_sent_idx \(status=\? AND sent_at>\?\)/)
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN p\b/)
    h.close()
  })
})
