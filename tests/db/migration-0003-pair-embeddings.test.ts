import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection } from '../../src-main/db/connection'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('migration 0003_pair_embeddings', () => {
  it('adds the vectors table; a vector goes when its pair leaves approved, changes text or is deleted', () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(3))
    let h = openConnection(dbPath)
    const acc = h.sqlite
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'A')`)
      .run().lastInsertRowid
    h.close()

    expect(migrateDatabase(dbPath, migrationsFolder(4)).applied).toEqual(['0003_pair_embeddings'])
    h = openConnection(dbPath)
    const s = h.sqlite
    let n = 0
    const pair = (): number | bigint => {
      n++
      const msg = (dir: string) =>
        s
          .prepare(
            `INSERT INTO messages (account_id, external_id, thread_id, direction, sent_at) VALUES (?, ?, 't', ?, '2026-01-01T00:00:00.000Z')`,
          )
          .run(acc, `${dir}${n}`, dir).lastInsertRowid
      const c = msg('incoming')
      const r = msg('outgoing')
      const id = s
        .prepare(
          `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id, client_text, reply_text, status)
           VALUES (?, 't', ?, ?, 'Где заказ?', 'Отправлен', 'approved')`,
        )
        .run(acc, c, r).lastInsertRowid
      s.prepare(
        `INSERT INTO pair_embeddings (pair_id, model, dimensions, vector) VALUES (?, 'm', 2, ?)`,
      ).run(id, Buffer.from(new Float32Array([1, 0]).buffer))
      return id
    }
    const has = (id: number | bigint) =>
      s.prepare(`SELECT count(*) AS n FROM pair_embeddings WHERE pair_id = ?`).get(id) as {
        n: number
      }
    const [kept, rejected, edited, deleted, orphaned] = [pair(), pair(), pair(), pair(), pair()]
    // A change that leaves the client text and the status alone keeps the vector.
    s.prepare(`UPDATE training_pairs SET reply_text_edited = 'Уже в пути' WHERE id = ?`).run(kept)
    s.prepare(`UPDATE training_pairs SET status = 'rejected' WHERE id = ?`).run(rejected)
    s.prepare(`UPDATE training_pairs SET client_text_edited = 'Где посылка?' WHERE id = ?`).run(
      edited,
    )
    s.prepare(`DELETE FROM training_pairs WHERE id = ?`).run(deleted)
    s.prepare(
      `UPDATE training_pairs SET orphaned_at = '2026-02-01T00:00:00.000Z' WHERE id = ?`,
    ).run(orphaned)
    expect([kept, rejected, edited, deleted, orphaned].map((id) => has(id).n)).toEqual([
      1, 0, 0, 0, 0,
    ])
    h.close()
  })
})
