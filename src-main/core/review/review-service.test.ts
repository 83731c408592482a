import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PairListItem } from '@contract/pairs'
import { openDatabase, type OpenedDatabase } from '../../db/open-database'
import { countSql, listSql, searchCountSql } from '../../db/queries/pairs-review'
import { createEventBus } from '../event-bus'
import { sourceMigrationsFolder } from '../paths'
import { toFtsQuery } from '../../db/stem'
import { seedAccounts, seedPair, seedPairs } from '../../../tests/helpers/seed-pairs'
import { tempDir } from '../../../tests/helpers/temp'
import {
  createReviewService,
  dateBounds,
  decodeCursor,
  encodeCursor,
  preview,
} from './review-service'

const tmp = tempDir()
let dbh: OpenedDatabase
const events: Array<{ event: string; payload: unknown }> = []
const bus = createEventBus()
bus.subscribe((event, payload) => events.push({ event, payload }))
let clock = new Date('2026-11-25T10:00:00.000Z')
let svc: ReturnType<typeof createReviewService>
let acc: { en: number; ru: number }
type PairKey =
  | 'approved'
  | 'delivery'
  | 'long'
  | 'order'
  | 'orderGen'
  | 'orderInstr'
  | 'other'
  | 'refund'
  | 'refunds'
  | 'rejected'
const ids = {} as Record<PairKey, number>

beforeAll(() => {
  dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  svc = createReviewService({ dbh, events: bus, now: () => clock })
  const [en, ru] = seedAccounts(dbh, ['support@shop.example', 'help@magazin.example'])
  acc = { en: en!, ru: ru! }
  const at = (d: string) => `${d}T12:00:00.000Z`
  ids.order = seedPair(dbh, {
    accountId: acc.ru,
    language: 'ru',
    sentAt: at('2026-03-01'),
    subject: 'Заказ',
    client: 'Где мой заказ? Жду уже неделю.',
    reply: 'Ваш заказ отправлен вчера.',
  })
  ids.orderGen = seedPair(dbh, {
    accountId: acc.ru,
    language: 'ru',
    sentAt: at('2026-03-02'),
    client: 'Я не получил заказа №5512, помогите.',
    reply: 'Проверим и напишем.',
  })
  ids.orderInstr = seedPair(dbh, {
    accountId: acc.ru,
    language: 'ru',
    sentAt: at('2026-03-03'),
    client: 'Что случилось с моим заказом?',
    reply: 'Он задержался на складе.',
  })
  ids.delivery = seedPair(dbh, {
    accountId: acc.ru,
    language: 'ru',
    sentAt: at('2026-03-04'),
    client: 'Когда будет доставка?',
    reply: 'Завтра до обеда.',
  })
  ids.refund = seedPair(dbh, {
    accountId: acc.en,
    language: 'en',
    sentAt: at('2026-03-05'),
    subject: 'Money back',
    client: 'Please refund my last payment.',
    reply: 'The refund is on its way.',
  })
  ids.refunds = seedPair(dbh, {
    accountId: acc.en,
    language: 'en',
    sentAt: at('2026-03-06'),
    client: 'How long do refunds take?',
    reply: 'Usually five business days.',
  })
  ids.long = seedPair(dbh, {
    accountId: acc.en,
    language: 'en',
    sentAt: at('2026-03-07'),
    client: `Hello,\n\n${'word '.repeat(60)}\n\nThanks`,
    reply: 'Noted.',
  })
  ids.other = seedPair(dbh, {
    accountId: acc.en,
    language: 'other',
    sentAt: at('2026-02-10'),
    client: 'Hallo, wo ist mein Paket?',
    reply: 'Unterwegs.',
  })
  ids.approved = seedPair(dbh, {
    accountId: acc.en,
    language: 'en',
    status: 'approved',
    sentAt: at('2026-01-15'),
    client: 'Invoice please',
    reply: 'Attached.',
  })
  ids.rejected = seedPair(dbh, {
    accountId: acc.ru,
    language: 'ru',
    status: 'rejected',
    sentAt: at('2026-01-16'),
    client: 'Спасибо!',
    reply: 'Пожалуйста!',
    orphaned: true,
  })
})
afterAll(() => {
  dbh.close()
  tmp.cleanup()
})

const idsOf = (items: PairListItem[]) => items.map((i) => i.id)
const list = (q: Partial<Parameters<typeof svc.list>[0]> = {}) =>
  svc.list({ status: 'new', limit: 200, ...q })

describe('pairs list', () => {
  it('lists new pairs newest first with one-line previews, account and flags', () => {
    const page = list()
    expect(idsOf(page.items)).toEqual([
      ids.long,
      ids.refunds,
      ids.refund,
      ids.delivery,
      ids.orderInstr,
      ids.orderGen,
      ids.order,
      ids.other,
    ])
    expect(page.nextCursor).toBeNull()
    const long = page.items[0]!
    expect(long.clientPreview).not.toMatch(/\n/)
    expect(long.clientPreview.length).toBeLessThanOrEqual(121)
    expect(long.clientPreview).toMatch(/^Hello, word word .*…$/)
    const order = page.items.find((i) => i.id === ids.order)!
    expect(order).toMatchObject({
      accountId: acc.ru,
      accountEmail: 'help@magazin.example',
      subject: 'Заказ',
      clientPreview: 'Где мой заказ? Жду уже неделю.',
      replyPreview: 'Ваш заказ отправлен вчера.',
      status: 'new',
      language: 'ru',
      edited: false,
      orphaned: false,
      sentAt: '2026-03-01T12:00:00.000Z',
    })
    expect(list({ status: 'rejected' }).items[0]).toMatchObject({
      id: ids.rejected,
      orphaned: true,
    })
  })

  it('filters by status, account, language and an inclusive date range', () => {
    expect(list({ status: 'all' }).items).toHaveLength(10)
    expect(idsOf(list({ status: 'approved' }).items)).toEqual([ids.approved])
    expect(list({ accountId: acc.en }).items.every((i) => i.accountId === acc.en)).toBe(true)
    expect(idsOf(list({ language: 'other' }).items)).toEqual([ids.other])
    expect(idsOf(list({ from: '2026-03-02', to: '2026-03-04' }).items)).toEqual([
      ids.delivery,
      ids.orderInstr,
      ids.orderGen,
    ])
    expect(idsOf(list({ status: 'all', to: '2026-01-31' }).items)).toEqual([
      ids.rejected,
      ids.approved,
    ])
    expect(() => list({ from: '2026-13-45' })).toThrow(/not a valid date/)
  })

  it('searches Russian and English word forms through the stemmed index', () => {
    const ru = [ids.order, ids.orderGen, ids.orderInstr].sort()
    for (const q of ['заказ', 'заказа', 'заказом', 'ЗАКАЗЫ']) {
      expect(idsOf(list({ q }).items).sort(), q).toEqual(ru)
    }
    for (const q of ['refund', 'refunds', 'refunded']) {
      expect(idsOf(list({ q }).items).sort(), q).toEqual([ids.refund, ids.refunds].sort())
    }
    // The reply side counts too, and several words must all match.
    expect(idsOf(list({ q: 'складе задержался' }).items)).toEqual([ids.orderInstr])
    expect(list({ q: 'заказ', accountId: acc.en }).items).toEqual([])
    // FTS5 syntax typed by a user is inert, and a query of no words filters nothing.
    expect(list({ q: 'refund OR NOT "*' }).items).toEqual([])
    expect(list({ q: ' ?! ' }).items).toHaveLength(8)
  })

  it('counts per status under the same filters', () => {
    expect(svc.counts({})).toEqual({ new: 8, approved: 1, rejected: 1 })
    expect(svc.counts({ accountId: acc.ru })).toEqual({ new: 4, approved: 0, rejected: 1 })
    expect(svc.counts({ language: 'en' })).toEqual({ new: 3, approved: 1, rejected: 0 })
    expect(svc.counts({ q: 'заказами' })).toEqual({ new: 3, approved: 0, rejected: 0 })
    expect(svc.counts({ q: 'attached', language: 'en' })).toEqual({
      new: 0,
      approved: 1,
      rejected: 0,
    })
    expect(svc.counts({ from: '2026-02-01', to: '2026-02-28' })).toEqual({
      new: 1,
      approved: 0,
      rejected: 0,
    })
  })

  it('refuses a cursor it did not issue', () => {
    expect(() => list({ cursor: 'garbage' })).toThrow(/cursor/)
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow()
    const c = { sentAt: '2026-01-01T00:00:00.000Z', id: 7 }
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
  })
})

describe('pair detail, edits and undo', () => {
  it('returns both texts, the messages of the pair and the account', () => {
    const d = svc.get(ids.order)
    expect(d).toMatchObject({
      id: ids.order,
      accountEmail: 'help@magazin.example',
      subject: 'Заказ',
      clientText: 'Где мой заказ? Жду уже неделю.',
      replyText: 'Ваш заказ отправлен вчера.',
      clientTextEdited: null,
      replyTextEdited: null,
      edited: false,
      status: 'new',
      language: 'ru',
      labels: [],
      reviewedAt: null,
      orphaned: false,
      sentAt: '2026-03-01T12:00:00.000Z',
    })
    expect(d.clientMessageIds).toHaveLength(1)
    expect(d.clientMessages[0]).toMatchObject({
      id: d.clientMessageIds[0],
      subject: 'Заказ',
      toAddresses: ['help@magazin.example'],
      deleted: false,
    })
    // The pair's time is the client's; the reply came two hours later.
    expect(d.replyMessage).toMatchObject({
      id: d.replyMessageId,
      fromAddress: 'help@magazin.example',
      sentAt: '2026-03-01T14:00:00.000Z',
    })
    expect(() => svc.get(999_999)).toThrow(/No pair/)
  })

  it('edit then approve keeps the originals beside the edits; undo restores all of it', () => {
    const before = svc.get(ids.refund)
    events.length = 0
    clock = new Date('2026-11-25T11:00:00.000Z')
    const d = svc.edit({ id: ids.refund, replyText: 'Your refund was sent today.', approve: true })
    expect(d).toMatchObject({
      replyText: 'The refund is on its way.',
      replyTextEdited: 'Your refund was sent today.',
      clientTextEdited: null,
      edited: true,
      status: 'approved',
      reviewedAt: '2026-11-25T11:00:00.000Z',
    })
    expect(events).toEqual([{ event: 'pairs.changed', payload: { ids: [ids.refund] } }])
    // The index follows the edit: the new words are found, and the list shows it edited.
    expect(idsOf(list({ status: 'approved', q: 'today' }).items)).toEqual([ids.refund])
    expect(list({ status: 'approved' }).items.find((i) => i.id === ids.refund)).toMatchObject({
      edited: true,
      replyPreview: 'Your refund was sent today.',
    })
    // Same text as the original = no edit; null clears; an empty text is refused.
    expect(svc.edit({ id: ids.refund, clientText: before.clientText }).clientTextEdited).toBeNull()
    expect(() => svc.edit({ id: ids.refund, replyText: '  ' })).toThrow(/empty/)
    expect(svc.edit({ id: ids.refund, replyText: null }).edited).toBe(false)
    expect(() => svc.edit({ id: 999_999, replyText: 'x' })).toThrow(/No pair/)

    svc.edit({ id: ids.refund, replyText: 'Edited again', approve: true })
    const undo = svc.restore([before])
    expect(undo).toEqual({ restored: 1 })
    expect(svc.get(ids.refund)).toMatchObject({
      status: 'new',
      reviewedAt: null,
      replyTextEdited: null,
      clientTextEdited: null,
    })
  })

  it('bulk setStatus reports the previous states, and restore puts them back exactly', () => {
    const target = [ids.order, ids.orderGen, ids.approved, ids.rejected, 424242]
    const snapshot = target.map((id) => (id === 424242 ? null : svc.get(id)))
    events.length = 0
    clock = new Date('2026-11-25T12:00:00.000Z')
    const r = svc.setStatus(target, 'approved')
    expect(r.updated).toBe(3)
    expect(r.previous).toEqual(
      [
        { id: ids.order, status: 'new', reviewedAt: null },
        { id: ids.orderGen, status: 'new', reviewedAt: null },
        { id: ids.approved, status: 'approved', reviewedAt: '2026-01-15T12:00:00.000Z' },
        { id: ids.rejected, status: 'rejected', reviewedAt: '2026-01-16T12:00:00.000Z' },
      ].sort((a, b) => a.id - b.id),
    )
    expect(events).toEqual([
      {
        event: 'pairs.changed',
        payload: { ids: [ids.order, ids.orderGen, ids.rejected].sort((a, b) => a - b) },
      },
    ])
    expect(svc.get(ids.order)).toMatchObject({
      status: 'approved',
      reviewedAt: '2026-11-25T12:00:00.000Z',
    })
    expect(svc.counts({})).toMatchObject({ approved: 4, rejected: 0 })

    expect(svc.restore(r.previous)).toEqual({ restored: 4 })
    for (const before of snapshot) {
      if (!before) continue
      const after = svc.get(before.id)
      expect({ status: after.status, reviewedAt: after.reviewedAt }).toEqual({
        status: before.status,
        reviewedAt: before.reviewedAt,
      })
    }
    // Reset to new clears reviewed_at; the edits of a pair are not touched by a status change.
    svc.edit({ id: ids.delivery, replyText: 'Tomorrow morning.', approve: true })
    svc.setStatus([ids.delivery], 'new')
    expect(svc.get(ids.delivery)).toMatchObject({
      status: 'new',
      reviewedAt: null,
      replyTextEdited: 'Tomorrow morning.',
    })
    svc.edit({ id: ids.delivery, replyText: null })
  })
})

describe('keyset paging', () => {
  it('walks every page without gaps or duplicates while rows are approved in between', () => {
    const h = openDatabase(tempDir().dir, sourceMigrationsFolder())
    const s = createReviewService({ dbh: h, events: createEventBus() })
    // Many replies share a time (whole minutes), so ties are ordered by id.
    seedPairs(h, 1500, { seed: 7, status: 'new', spanDays: 1 })
    const tied = h.sqlite
      .prepare(
        `SELECT count(*) AS n FROM (SELECT sent_at FROM training_pairs GROUP BY sent_at HAVING count(*) > 1)`,
      )
      .get() as { n: number }
    expect(tied.n).toBeGreaterThan(0)
    const allNew = new Set(s.list({ status: 'new', limit: 500 }).items.map((i) => i.id))
    const seen: number[] = []
    const approvedEarly = new Set<number>()
    let cursor: string | null = null
    let pages = 0
    do {
      const page = s.list({ status: 'new', limit: 97, cursor })
      seen.push(...idsOf(page.items))
      // A reviewer approves some rows already shown and some not yet reached.
      const shown = idsOf(page.items).filter((_, i) => i % 5 === 0)
      s.setStatus(shown, 'approved')
      const ahead = h.sqlite
        .prepare(
          `SELECT id FROM training_pairs WHERE status = 'new' AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY random() LIMIT 3`,
        )
        .all(JSON.stringify(seen)) as Array<{ id: number }>
      s.setStatus(
        ahead.map((r) => r.id),
        'approved',
      )
      ahead.forEach((r) => approvedEarly.add(r.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    const total = (
      h.sqlite.prepare(`SELECT count(*) AS n FROM training_pairs`).get() as { n: number }
    ).n
    expect(seen.length + approvedEarly.size).toBe(total)
    expect(pages).toBeGreaterThan(10)
    // Sorted as the index is: sent_at descending, then id descending.
    const rows = h.sqlite.prepare(`SELECT id, sent_at FROM training_pairs`).all() as Array<{
      id: number
      sent_at: string
    }>
    const at = new Map(rows.map((r) => [r.id, r.sent_at]))
    for (let i = 1; i < seen.length; i++) {
      const a = seen[i - 1]!
      const b = seen[i]!
      expect(at.get(a)! > at.get(b)! || (at.get(a) === at.get(b) && a > b)).toBe(true)
    }
    expect(allNew.size).toBe(500)
    // 'all' merges the three statuses into one order, still without duplicates.
    const everything: number[] = []
    let c: string | null = null
    do {
      const page = s.list({ status: 'all', limit: 211, cursor: c })
      everything.push(...idsOf(page.items))
      c = page.nextCursor
    } while (c)
    expect(new Set(everything).size).toBe(total)
    expect(everything).toHaveLength(total)
    h.close()
  })
})

describe('query plans', () => {
  const plan = (sql: string, params: unknown[]) =>
    (dbh.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join('\n')
  const cursor = { sentAt: '2026-03-01T00:00:00.000Z', id: 5 }

  it('reads a page as one index range, in order, with no sort and no table scan', () => {
    const cases: Array<[Parameters<typeof listSql>[1], RegExp]> = [
      [{}, /pairs_status_sent_idx \(status=\? AND sent_at<\?\)/],
      [{ accountId: 1 }, /pairs_account_sent_idx \(account_id=\? AND status=\? AND sent_at<\?\)/],
      [{ language: 'ru' }, /pairs_language_sent_idx \(status=\? AND language=\? AND sent_at<\?\)/],
      [{ accountId: 1, language: 'ru' }, /pairs_account_language_sent_idx/],
      [{ sentFrom: '2026-01-01', fts: toFtsQuery('заказ')! }, /pairs_status_sent_idx/],
    ]
    for (const [f, index] of cases) {
      const { sql, params } = listSql('new', f, cursor)
      const p = plan(sql, [...params, 200])
      expect(p, JSON.stringify(f)).toMatch(index)
      expect(p).not.toMatch(/TEMP B-TREE|SCAN p\b/)
    }
  })

  it('counts from covering indexes, and a search reads its matches once', () => {
    for (const f of [
      {},
      { accountId: 1 },
      { language: 'en' as const },
      { accountId: 1, language: 'en' as const, sentFrom: '2026' },
    ]) {
      const { sql, params } = countSql('new', f)
      expect(plan(sql, params), JSON.stringify(f)).toMatch(/COVERING INDEX/)
    }
    const { sql, params } = searchCountSql({ fts: toFtsQuery('order')!, accountId: 1 })
    expect(plan(sql, params)).toMatch(
      /SCAN pairs_fts VIRTUAL TABLE[\s\S]*SEARCH p USING INTEGER PRIMARY KEY/,
    )
  })
})

describe('helpers', () => {
  it('previews fold whitespace and cut at a word', () => {
    expect(preview('  a\n\n b\tc  ')).toBe('a b c')
    expect(preview(`${'abcd '.repeat(40)}`, 20)).toBe('abcd abcd abcd abcd…')
  })

  it('date bounds: from is inclusive, a bare `to` covers its whole day (UTC)', () => {
    expect(dateBounds('2026-03-02', '2026-03-04')).toEqual({
      sentFrom: '2026-03-02T00:00:00.000Z',
      sentBefore: '2026-03-05T00:00:00.000Z',
    })
    expect(dateBounds(undefined, '2026-03-04T10:00:00Z')).toEqual({
      sentBefore: '2026-03-04T10:00:00.001Z',
    })
  })
})

describe('input validation (contract)', () => {
  it('bounds pages, bulk sizes and edits before any service runs', async () => {
    const { contract } = await import('@contract')
    const ok = (m: keyof typeof contract, input: unknown) =>
      contract[m].input.safeParse(input).success
    expect(contract['pairs.list'].input.parse({})).toEqual({ status: 'new', limit: 200 })
    expect(ok('pairs.list', { limit: 500, status: 'all', cursor: null })).toBe(true)
    expect(ok('pairs.list', { limit: 501 })).toBe(false)
    expect(ok('pairs.list', { status: 'done' })).toBe(false)
    expect(ok('pairs.list', { from: 'yesterday' })).toBe(false)
    expect(ok('pairs.list', { language: 'deutsch' })).toBe(false)
    // Any ISO 639-1 code is a language a pair can carry.
    expect(ok('pairs.list', { language: 'de' })).toBe(true)
    expect(ok('pairs.setStatus', { ids: [], status: 'approved' })).toBe(false)
    expect(
      ok('pairs.setStatus', {
        ids: Array.from({ length: 5001 }, (_, i) => i + 1),
        status: 'approved',
      }),
    ).toBe(false)
    expect(
      ok('pairs.setStatus', { ids: Array.from({ length: 5000 }, (_, i) => i + 1), status: 'new' }),
    ).toBe(true)
    expect(ok('pairs.edit', { id: 1, replyText: '' })).toBe(false)
    expect(ok('pairs.edit', { id: 1, replyText: ' \n ' })).toBe(false)
    expect(ok('pairs.edit', { id: 1, replyText: null, approve: true })).toBe(true)
    expect(ok('pairs.restore', { items: [{ id: 1, status: 'new', reviewedAt: null }] })).toBe(true)
    expect(ok('pairs.counts', { status: 'new' })).toBe(false)
  })
})

describe("records (the command line's full listing)", () => {
  it('pages through every pair of an account in id order with texts, edits and labels', () => {
    const seen: number[] = []
    let afterId: number | null = 0
    let pages = 0
    while (afterId !== null) {
      const page = svc.records({ accountId: acc.ru, afterId, limit: 2 })
      for (const r of page.records) {
        expect(r.accountId).toBe(acc.ru)
        expect(Array.isArray(r.labels)).toBe(true)
        seen.push(r.id)
      }
      afterId = page.nextAfterId
      pages++
    }
    const all = dbh.sqlite
      .prepare('SELECT id FROM training_pairs WHERE account_id = ? ORDER BY id')
      .all(acc.ru) as Array<{ id: number }>
    expect(seen).toEqual(all.map((r) => r.id))
    expect(pages).toBeGreaterThan(1)
    const order = svc
      .records({ accountId: acc.ru, limit: 1000 })
      .records.find((r) => r.id === ids.order)
    expect(order?.clientText).toContain('Где мой заказ')
  })
})
