import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection } from '../../src-main/db/connection'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('migration 0002_pairs_review', () => {
  it('copies each reply time onto its pair, indexes it, and keeps it current', () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(2))
    let h = openConnection(dbPath)
    const s = h.sqlite
    const acc = s
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'A')`)
      .run().lastInsertRowid
    const msg = (ext: string, dir: string, at: string) =>
      s
        .prepare(
          `INSERT INTO messages (account_id, external_id, thread_id, direction, sent_at) VALUES (?, ?, 't', ?, ?)`,
        )
        .run(acc, ext, dir, at).lastInsertRowid
    const pair = (c: bigint | number, r: bigint | number) =>
      s
        .prepare(
          `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id, client_text, reply_text, status, reviewed_at)
           VALUES (?, 't', ?, ?, 'Где заказ?', 'Отправлен', 'approved', '2026-02-01T00:00:00.000Z')`,
        )
        .run(acc, c, r).lastInsertRowid
    const c1 = msg('c1', 'incoming', '2026-01-01T09:00:00.000Z')
    const r1 = msg('r1', 'outgoing', '2026-01-01T10:00:00.000Z')
    const p1 = pair(c1, r1)
    h.close()

    expect(migrateDatabase(dbPath, migrationsFolder(3)).applied).toEqual(['0002_pairs_review'])
    h = openConnection(dbPath)
    const t = h.sqlite
    const sentAt = (id: bigint | number) =>
      (t.prepare(`SELECT sent_at AS v FROM training_pairs WHERE id = ?`).get(id) as { v: string }).v
    // Existing pairs got their reply's time; their review is untouched.
    expect(sentAt(p1)).toBe('2026-01-01T10:00:00.000Z')
    expect(t.prepare(`SELECT status, reviewed_at AS r FROM training_pairs`).get()).toEqual({
      status: 'approved',
      r: '2026-02-01T00:00:00.000Z',
    })
    const indexes = (
      t.prepare(`PRAGMA index_list(training_pairs)`).all() as Array<{ name: string }>
    ).map((i) => i.name)
    expect(indexes).toEqual(
      expect.arrayContaining([
        'pairs_status_sent_idx',
        'pairs_account_sent_idx',
        'pairs_language_sent_idx',
        'pairs_account_language_sent_idx',
      ]),
    )

    // A pair inserted the way sync does (no sent_at) gets it from the trigger.
    const ins = (ext: string, dir: string, at: string) =>
      t
        .prepare(
          `INSERT INTO messages (account_id, external_id, thread_id, direction, sent_at) VALUES (?, ?, 't', ?, ?)`,
        )
        .run(acc, ext, dir, at).lastInsertRowid
    const c2 = ins('c2', 'incoming', '2026-03-01T09:00:00.000Z')
    const r2 = ins('r2', 'outgoing', '2026-03-01T11:30:00.000Z')
    const p2 = t
      .prepare(
        `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id, client_text, reply_text) VALUES (?, 't', ?, ?, 'a', 'b')`,
      )
      .run(acc, c2, r2).lastInsertRowid
    expect(sentAt(p2)).toBe('2026-03-01T11:30:00.000Z')

    // A re-synced reply with a corrected Date moves its pair; the client's time does not.
    t.prepare(`UPDATE messages SET sent_at = '2026-03-02T08:00:00.000Z' WHERE id = ?`).run(r2)
    t.prepare(`UPDATE messages SET sent_at = '2026-03-05T08:00:00.000Z' WHERE id = ?`).run(c2)
    expect(sentAt(p2)).toBe('2026-03-02T08:00:00.000Z')
    // Pointing a pair at another reply follows that reply.
    t.prepare(`UPDATE training_pairs SET reply_message_id = ? WHERE id = ?`).run(r1, p2)
    expect(sentAt(p2)).toBe('2026-01-01T10:00:00.000Z')
    // The full-text triggers still work (sent_at is not one of their columns).
    expect(
      t.prepare(`SELECT count(*) AS n FROM pairs_fts WHERE pairs_fts MATCH 'заказ'`).get(),
    ).toEqual({ n: 1 })
    h.close()
  })
})
