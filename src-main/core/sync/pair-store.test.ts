// Message and pair writes on a real SQLite file: idempotent upserts, rebuilds that never touch
// a reviewer's work, tombstones and orphans for messages that left Gmail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedDatabase } from '../../db/open-database'
import { openStoreDb, storedMessage, type StoreDb } from '../../../tests/helpers/sync-store'
import { detectLanguage } from '../cleaning/detect-language'
import { removeMessages, storedIds, updateLabels, upsertMessage } from './message-store'
import { rebuildThread, type RebuildContext } from './pair-store'

let db: StoreDb
let dbh: OpenedDatabase
let accountId: number
const own = new Set(['us@acme.example'])

beforeEach(() => {
  db = openStoreDb('replybase-pairstore-')
  dbh = db.dbh
  accountId = db.accountId
})
afterEach(() => db.close())

const ctx = (): RebuildContext => ({
  sqlite: dbh.sqlite,
  accountId,
  nowIso: '2026-11-25T00:00:00.000Z',
  cleaned: new Map(),
  detect: detectLanguage,
})
const pairs = () =>
  dbh.sqlite.prepare('SELECT * FROM training_pairs ORDER BY id').all() as Array<
    Record<string, unknown>
  >
const write = <T>(fn: () => T): T => dbh.write(fn)

describe('upsertMessage', () => {
  it('inserts once, then changes nothing when nothing changed', () => {
    const m = storedMessage('a1', 'incoming', 'Where is my order 7?')
    const first = write(() => upsertMessage(dbh.sqlite, accountId, m))
    const again = write(() => upsertMessage(dbh.sqlite, accountId, m))
    expect(first.change).toBe('inserted')
    expect(again).toEqual({ id: first.id, change: 'unchanged' })
    const changed = write(() =>
      upsertMessage(dbh.sqlite, accountId, { ...m, labels: ['INBOX', 'STARRED'] }),
    )
    expect(changed.change).toBe('updated')
    expect(storedIds(dbh.sqlite, accountId, ['a1', 'zz'])).toEqual(new Set(['a1']))
  })
  it('label updates can change the direction (SENT)', () => {
    write(() =>
      upsertMessage(
        dbh.sqlite,
        accountId,
        storedMessage('a1', 'incoming', 'x', { fromAddress: 'alias@acme.example' }),
      ),
    )
    const out = write(() => updateLabels(dbh.sqlite, accountId, 'a1', ['SENT'], own))
    expect(out).toEqual({ threadId: 't1', changed: true, directionChanged: true })
    expect(write(() => updateLabels(dbh.sqlite, accountId, 'nope', ['SENT'], own))).toBeNull()
  })
})

describe('rebuildThread', () => {
  function thread() {
    write(() => {
      upsertMessage(
        dbh.sqlite,
        accountId,
        storedMessage('c1', 'incoming', 'My parcel never arrived, order 1234.'),
      )
      upsertMessage(
        dbh.sqlite,
        accountId,
        storedMessage('r1', 'outgoing', 'We sent a new one today.'),
      )
      upsertMessage(
        dbh.sqlite,
        accountId,
        storedMessage('c2', 'incoming', 'Thanks! And can I change the address?'),
      )
      upsertMessage(
        dbh.sqlite,
        accountId,
        storedMessage('r2', 'outgoing', 'Yes, reply with the new address.'),
      )
    })
  }

  it('creates pairs once; a second rebuild changes nothing', () => {
    thread()
    expect(write(() => rebuildThread(ctx(), 't1'))).toMatchObject({
      created: 2,
      updated: 0,
      deleted: 0,
    })
    expect(write(() => rebuildThread(ctx(), 't1'))).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
    })
    expect(pairs().map((p) => [p.status, p.language])).toEqual([
      ['new', 'en'],
      ['new', 'en'],
    ])
  })

  it("never rewrites a reviewed pair or a reviewer's edits, and refreshes the rest", () => {
    thread()
    write(() => rebuildThread(ctx(), 't1'))
    const [p1, p2] = pairs()
    dbh.sqlite.prepare("UPDATE training_pairs SET status = 'approved' WHERE id = ?").run(p1!.id)
    dbh.sqlite
      .prepare("UPDATE training_pairs SET reply_text_edited = 'Edited by a reviewer.' WHERE id = ?")
      .run(p2!.id)
    write(() => {
      upsertMessage(
        dbh.sqlite,
        accountId,
        storedMessage('c1', 'incoming', 'Changed text of the first question here.', {
          sentAt: '2026-01-01T00:01:00.000Z',
        }),
      )
    })
    const c = ctx()
    const out = write(() => rebuildThread(c, 't1'))
    expect(out).toMatchObject({ created: 0, updated: 0, deleted: 0 })
    const after = pairs()
    expect(after[0]).toMatchObject({ status: 'approved', client_text: p1!.client_text })
    expect(after[1]).toMatchObject({
      reply_text_edited: 'Edited by a reviewer.',
      reply_text: p2!.reply_text,
    })
  })

  it('removes a message: unreviewed pairs go, reviewed ones are orphaned with their messages kept as tombstones', () => {
    thread()
    write(() => rebuildThread(ctx(), 't1'))
    const [p1] = pairs()
    dbh.sqlite.prepare("UPDATE training_pairs SET status = 'rejected' WHERE id = ?").run(p1!.id)
    const removed = write(() => {
      const r = removeMessages(dbh.sqlite, accountId, ['c1', 'c2'], '2026-11-25T00:00:00.000Z')
      rebuildThread(ctx(), 't1')
      return r
    })
    expect(removed).toMatchObject({ deleted: 1, tombstoned: 1 })
    const rows = dbh.sqlite
      .prepare('SELECT external_id, deleted_at FROM messages ORDER BY id')
      .all()
    expect(rows).toEqual([
      { external_id: 'c1', deleted_at: '2026-11-25T00:00:00.000Z' },
      { external_id: 'r1', deleted_at: null },
      { external_id: 'r2', deleted_at: null },
    ])
    expect(pairs()).toEqual([
      expect.objectContaining({
        id: p1!.id,
        status: 'rejected',
        orphaned_at: '2026-11-25T00:00:00.000Z',
      }),
    ])
    // The message comes back (restored from Trash): the tombstone lives again, the orphan mark goes.
    write(() => {
      upsertMessage(
        dbh.sqlite,
        accountId,
        storedMessage('c1', 'incoming', 'My parcel never arrived, order 1234.', {
          sentAt: '2026-01-01T00:01:00.000Z',
        }),
      )
      rebuildThread(ctx(), 't1')
    })
    expect(pairs()[0]).toMatchObject({ orphaned_at: null, status: 'rejected' })
  })
})
