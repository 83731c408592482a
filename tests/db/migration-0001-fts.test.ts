import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection } from '../../src-main/db/connection'
import { toFtsQuery } from '../../src-main/db/stem'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('migration 0001_fts', () => {
  it('indexes rows that existed before it, then keeps the index current, matching word forms', () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(1))
    let h = openConnection(dbPath)
    const acc = h.sqlite
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'A')`)
      .run().lastInsertRowid
    const insert = h.sqlite.prepare(
      `INSERT INTO messages (account_id, external_id, thread_id, direction, subject, body_text, sent_at) VALUES (?, ?, 't', 'incoming', ?, ?, '2026-01-01')`,
    )
    insert.run(acc, 'old', 'Где мой заказ?', 'Заказ не пришёл')
    h.close()

    const out = migrateDatabase(dbPath, migrationsFolder(2))
    expect(out.applied).toEqual(['0001_fts'])
    h = openConnection(dbPath)
    const find = (q: string) =>
      (
        h.sqlite
          .prepare(
            `SELECT m.external_id AS id FROM messages_fts f JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH ? ORDER BY m.external_id`,
          )
          .all(toFtsQuery(q)) as Array<{ id: string }>
      ).map((r) => r.id)

    h.sqlite
      .prepare(
        `INSERT INTO messages (account_id, external_id, thread_id, direction, subject, body_text, sent_at) VALUES (?, ?, 't', 'incoming', ?, ?, '2026-01-02')`,
      )
      .run(acc, 'new', 'Refund for my orders', 'I ordered twice, please refund one order')

    // Rows from before the migration are not indexed by a trigger they predate: the
    // migration's backfill must have done it.
    expect(find('заказом')).toEqual(['old'])
    expect(find('заказа')).toEqual(['old'])
    expect(find('ordering')).toEqual(['new'])
    expect(find('refunds')).toEqual(['new'])

    h.sqlite
      .prepare(`UPDATE messages SET body_text = 'Посылка пришла' WHERE external_id = 'old'`)
      .run()
    h.sqlite.prepare(`UPDATE messages SET subject = 'Вопрос' WHERE external_id = 'old'`).run()
    expect(find('заказ')).toEqual([])
    expect(find('посылкой')).toEqual(['old'])
    h.sqlite.prepare(`DELETE FROM messages WHERE external_id = 'new'`).run()
    expect(find('order')).toEqual([])
    h.close()
  })
})
