import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection } from '../../src-main/db/connection'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('migration 0005_drafts', () => {
  it('adds stored drafts to a database with pairs; a draft outlives its message and source pairs', () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(5))
    let h = openConnection(dbPath)
    let s = h.sqlite
    const acc = s
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'A')`)
      .run().lastInsertRowid
    const msg = (key: string, dir: string) =>
      s
        .prepare(
          `INSERT INTO messages (account_id, external_id, thread_id, direction, sent_at)
           VALUES (?, ?, 't', ?, '2026-01-01T00:00:00.000Z')`,
        )
        .run(acc, key, dir).lastInsertRowid
    const [c, r] = [msg('c', 'incoming'), msg('r', 'outgoing')]
    const pair = s
      .prepare(
        `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id,
           client_text, reply_text, status) VALUES (?, 't', ?, ?, 'Где заказ?', 'Отправлен', 'approved')`,
      )
      .run(acc, c, r).lastInsertRowid
    h.close()

    expect(migrateDatabase(dbPath, migrationsFolder(6)).applied).toEqual(['0005_drafts'])
    h = openConnection(dbPath)
    s = h.sqlite
    expect(s.prepare(`SELECT client_text FROM training_pairs WHERE id = ?`).get(pair)).toEqual({
      client_text: 'Где заказ?',
    })
    const waiting = msg('w', 'incoming')
    const draft = s
      .prepare(
        `INSERT INTO drafts (origin, message_id, client_text, text, language, model)
         VALUES ('message', ?, 'Где заказ?', 'Заказ у курьера.', 'ru', 'gpt-4.1-mini')`,
      )
      .run(waiting).lastInsertRowid
    s.prepare(`INSERT INTO draft_sources (draft_id, rank, pair_id) VALUES (?, 0, ?)`).run(
      draft,
      pair,
    )
    s.prepare(`DELETE FROM messages WHERE id = ?`).run(waiting)
    s.prepare(`DELETE FROM training_pairs WHERE id = ?`).run(pair)
    expect(s.prepare(`SELECT message_id, text FROM drafts WHERE id = ?`).get(draft)).toEqual({
      message_id: null,
      text: 'Заказ у курьера.',
    })
    expect(s.prepare(`SELECT count(*) AS n FROM draft_sources`).get()).toEqual({ n: 0 })
    h.close()
  })
})
