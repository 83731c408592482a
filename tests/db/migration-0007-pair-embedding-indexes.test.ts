import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection, type DbHandle } from '../../src-main/db/connection'
import {
  countEmbeddings,
  embeddingIndexes,
  embeddingsSignature,
  writeEmbeddings,
} from '../../src-main/db/queries/pair-embeddings'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

const vec = (x: number) => Buffer.from(new Float32Array([x, 1 - x]).buffer)

describe('migration 0007_pair_embedding_indexes', () => {
  it('counts the vectors already stored per model, then follows every write, removal and cascade', () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(7))
    let h: DbHandle = openConnection(dbPath)
    let s = h.sqlite
    const acc = s
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'A')`)
      .run().lastInsertRowid
    let n = 0
    const pair = (text: string): number => {
      n++
      const msg = (dir: string) =>
        s
          .prepare(
            `INSERT INTO messages (account_id, external_id, thread_id, direction, sent_at) VALUES (?, ?, 't', ?, '2026-01-01T00:00:00.000Z')`,
          )
          .run(acc, `${dir}${n}`, dir).lastInsertRowid
      return Number(
        s
          .prepare(
            `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id, client_text, reply_text, status)
             VALUES (?, 't', ?, ?, ?, 'Отправлен', 'approved')`,
          )
          .run(acc, msg('incoming'), msg('outgoing'), text).lastInsertRowid,
      )
    }
    const ids = ['Где заказ?', 'Where is my parcel?', 'Refund please', 'Счёт не пришёл'].map(pair)
    // Before 0007: three vectors of one model, one of another.
    const put = s.prepare(
      `INSERT INTO pair_embeddings (pair_id, model, dimensions, vector) VALUES (?, ?, 2, ?)`,
    )
    ids.slice(0, 3).forEach((id) => put.run(id, 'small', vec(0.5)))
    put.run(ids[3], 'large', vec(0.5))
    h.close()

    expect(migrateDatabase(dbPath, migrationsFolder(8)).applied).toEqual([
      '0007_pair_embedding_indexes',
    ])
    h = openConnection(dbPath)
    s = h.sqlite
    expect(embeddingIndexes(h)).toEqual([
      { model: 'small', dimensions: 2, embedded: 3 },
      { model: 'large', dimensions: 2, embedded: 1 },
    ])
    expect(countEmbeddings(h, 'small', 2).embedded).toBe(3)

    const before = embeddingsSignature(h, 'small', 2)
    // Re-embedding a pair with the other model moves its vector from one index to the other.
    expect(
      writeEmbeddings(h, 'large', 2, [{ id: ids[0]!, clientText: 'Где заказ?', vector: vec(1) }]),
    ).toBe(1)
    expect(embeddingsSignature(h, 'small', 2)).not.toBe(before)
    expect(embeddingIndexes(h)).toEqual([
      { model: 'large', dimensions: 2, embedded: 2 },
      { model: 'small', dimensions: 2, embedded: 2 },
    ])
    // Rejected (the 0003 trigger), deleted (the cascade): both indexes count down.
    s.prepare(`UPDATE training_pairs SET status = 'rejected' WHERE id = ?`).run(ids[1])
    s.prepare(`DELETE FROM training_pairs WHERE id = ?`).run(ids[3])
    expect(embeddingIndexes(h)).toEqual([
      { model: 'large', dimensions: 2, embedded: 1 },
      { model: 'small', dimensions: 2, embedded: 1 },
    ])
    // Every vector of a model gone: that index is no longer offered.
    s.prepare(`DELETE FROM pair_embeddings WHERE model = 'small'`).run()
    expect(embeddingIndexes(h)).toEqual([{ model: 'large', dimensions: 2, embedded: 1 }])
    expect(countEmbeddings(h, 'small', 2).embedded).toBe(0)
    // The counts always equal what the table holds.
    const truth = s
      .prepare(`SELECT model, dimensions, count(*) AS embedded FROM pair_embeddings GROUP BY 1, 2`)
      .all()
    expect(truth).toEqual([{ model: 'large', dimensions: 2, embedded: 1 }])
    h.close()
  })
})
