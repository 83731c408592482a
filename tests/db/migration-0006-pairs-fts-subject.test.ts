import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection } from '../../src-main/db/connection'
import { toFtsQuery } from '../../src-main/db/stem'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('migration 0006_pairs_fts_subject', () => {
  it('indexes the subjects of existing pairs and keeps them current', () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(6))
    let h = openConnection(dbPath)
    const s = h.sqlite
    const acc = s
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'A')`)
      .run().lastInsertRowid
    const msg = (db: typeof s, ext: string, dir: string, subject: string) =>
      db
        .prepare(
          `INSERT INTO messages (account_id, external_id, thread_id, direction, subject, sent_at)
           VALUES (?, ?, 't', ?, ?, '2026-01-01T09:00:00.000Z')`,
        )
        .run(acc, ext, dir, subject).lastInsertRowid
    const pair = (db: typeof s, c: bigint | number, r: bigint | number, client: string) =>
      db
        .prepare(
          `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id, client_text, reply_text, client_text_edited, status)
           VALUES (?, 't', ?, ?, ?, 'Проверим.', ?, 'approved')`,
        )
        .run(acc, c, r, client, `${client} (edited)`).lastInsertRowid
    const p1 = pair(
      s,
      msg(s, 'c1', 'incoming', 'Проблема со входом'),
      msg(s, 'r1', 'outgoing', 'Re: Проблема со входом'),
      'Не получается.',
    )
    const c2 = msg(s, 'c2', 'incoming', 'Payment declined')
    const p2 = pair(s, c2, msg(s, 'r2', 'outgoing', 'Re: Payment declined'), 'Help please.')
    const count = (db: typeof s, q: string) =>
      (
        db
          .prepare(`SELECT count(*) AS n FROM pairs_fts WHERE pairs_fts MATCH ?`)
          .get(toFtsQuery(q)) as { n: number }
      ).n
    // Before: subjects are not searched.
    expect(count(s, 'входом')).toBe(0)
    expect(count(s, 'declined')).toBe(0)
    h.close()

    expect(migrateDatabase(dbPath, migrationsFolder(7)).applied).toEqual(['0006_pairs_fts_subject'])
    h = openConnection(dbPath)
    const t = h.sqlite
    const ids = (q: string) =>
      (
        t
          .prepare(`SELECT rowid AS id FROM pairs_fts WHERE pairs_fts MATCH ? ORDER BY rowid`)
          .all(toFtsQuery(q)) as Array<{ id: number }>
      ).map((r) => r.id)
    // Existing pairs: their subjects in every word form, their texts (the edits) as before.
    expect(ids('Проблема со входом')).toEqual([Number(p1)])
    expect(ids('вход')).toEqual([Number(p1)])
    expect(ids('payments declining')).toEqual([Number(p2)])
    expect(ids('edited')).toEqual([Number(p1), Number(p2)])
    expect(ids('Проверим')).toEqual([Number(p1), Number(p2)])
    // The client column is still column 0: the similar-case search filters on it.
    expect(
      t.prepare(`SELECT count(*) AS n FROM pairs_fts WHERE pairs_fts MATCH 'client : help'`).get(),
    ).toEqual({ n: 1 })

    // New pairs, edits, a corrected subject and deletes keep the index current.
    const c3 = msg(t, 'c3', 'incoming', 'Refund for order')
    const p3 = pair(t, c3, msg(t, 'r3', 'outgoing', 'Re: Refund'), 'Where is it?')
    expect(ids('refunds')).toEqual([Number(p3)])
    t.prepare(`UPDATE training_pairs SET client_text_edited = 'Changed' WHERE id = ?`).run(p3)
    expect(ids('refunds')).toEqual([Number(p3)])
    expect(ids('changed')).toEqual([Number(p3)])
    t.prepare(`UPDATE messages SET subject = 'Card declined' WHERE id = ?`).run(c3)
    expect(ids('refund')).toEqual([])
    expect(ids('card')).toEqual([Number(p3)])
    expect(ids('declined')).toEqual([Number(p2), Number(p3)])
    t.prepare(`UPDATE training_pairs SET client_message_id = ? WHERE id = ?`).run(c2, p3)
    expect(ids('card')).toEqual([])
    t.prepare(`DELETE FROM training_pairs WHERE id = ?`).run(p2)
    expect(ids('payment')).toEqual([Number(p3)])
    h.close()
  })
})
