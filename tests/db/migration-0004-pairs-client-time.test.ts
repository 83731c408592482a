import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection } from '../../src-main/db/connection'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('migration 0004_pairs_client_time', () => {
  it("gives every pair its client's time, keeps it current, and leaves reviews alone", () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(4))
    let h = openConnection(dbPath)
    const s = h.sqlite
    const acc = s
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'A')`)
      .run().lastInsertRowid
    const msg = (db: typeof s, ext: string, dir: string, at: string) =>
      db
        .prepare(
          `INSERT INTO messages (account_id, external_id, thread_id, direction, sent_at) VALUES (?, ?, 't', ?, ?)`,
        )
        .run(acc, ext, dir, at).lastInsertRowid
    const pair = (db: typeof s, c: bigint | number, r: bigint | number) =>
      db
        .prepare(
          `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id, client_text, reply_text, status, reviewed_at)
           VALUES (?, 't', ?, ?, 'Где заказ?', 'Отправлен', 'approved', '2026-02-01T00:00:00.000Z')`,
        )
        .run(acc, c, r).lastInsertRowid
    const c1 = msg(s, 'c1', 'incoming', '2026-01-01T09:00:00.000Z')
    const r1 = msg(s, 'r1', 'outgoing', '2026-01-03T10:00:00.000Z')
    const p1 = pair(s, c1, r1)
    // Before: the reply's time.
    expect(s.prepare(`SELECT sent_at AS v FROM training_pairs`).get()).toEqual({
      v: '2026-01-03T10:00:00.000Z',
    })
    h.close()

    expect(migrateDatabase(dbPath, migrationsFolder(5)).applied).toEqual(['0004_pairs_client_time'])
    h = openConnection(dbPath)
    const t = h.sqlite
    const sentAt = (id: bigint | number) =>
      (t.prepare(`SELECT sent_at AS v FROM training_pairs WHERE id = ?`).get(id) as { v: string }).v
    expect(sentAt(p1)).toBe('2026-01-01T09:00:00.000Z')
    expect(t.prepare(`SELECT status, reviewed_at AS r FROM training_pairs`).get()).toEqual({
      status: 'approved',
      r: '2026-02-01T00:00:00.000Z',
    })

    // A pair inserted the way sync does (no sent_at) takes its client's time.
    const c2 = msg(t, 'c2', 'incoming', '2026-03-01T09:00:00.000Z')
    const r2 = msg(t, 'r2', 'outgoing', '2026-03-04T11:30:00.000Z')
    const p2 = pair(t, c2, r2)
    expect(sentAt(p2)).toBe('2026-03-01T09:00:00.000Z')
    // A corrected client Date moves the pair; the reply's does not.
    t.prepare(`UPDATE messages SET sent_at = '2026-03-09T08:00:00.000Z' WHERE id = ?`).run(r2)
    expect(sentAt(p2)).toBe('2026-03-01T09:00:00.000Z')
    t.prepare(`UPDATE messages SET sent_at = '2026-02-28T08:00:00.000Z' WHERE id = ?`).run(c2)
    expect(sentAt(p2)).toBe('2026-02-28T08:00:00.000Z')
    // Pointing a pair at another client message follows that message.
    const c3 = msg(t, 'c3', 'incoming', '2026-02-27T07:00:00.000Z')
    t.prepare(`UPDATE training_pairs SET client_message_id = ? WHERE id = ?`).run(c3, p2)
    expect(sentAt(p2)).toBe('2026-02-27T07:00:00.000Z')
    // The reply's trigger is gone: another reply leaves the time alone.
    t.prepare(`UPDATE training_pairs SET reply_message_id = ? WHERE id = ?`).run(r1, p2)
    expect(sentAt(p2)).toBe('2026-02-27T07:00:00.000Z')
    // The list's indexes are still there and the full-text index still answers.
    const indexes = (
      t.prepare(`PRAGMA index_list(training_pairs)`).all() as Array<{ name: string }>
    ).map((i) => i.name)
    expect(indexes).toEqual(expect.arrayContaining(['pairs_status_sent_idx']))
    expect(
      t.prepare(`SELECT count(*) AS n FROM pairs_fts WHERE pairs_fts MATCH 'заказ'`).get(),
    ).toEqual({ n: 2 })
    h.close()
  })
})
