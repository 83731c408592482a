import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection } from '../../src-main/db/connection'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('migration 0000_init', () => {
  it('creates the knowledge base with its keys, cascades and constraints', () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(1))
    const h = openConnection(dbPath)
    const s = h.sqlite
    // rb_stem is registered but no FTS triggers exist yet at version 1.
    const acc = s
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'Gmail – a@x.com')`)
      .run()
    expect(() =>
      s.prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'dup')`).run(),
    ).toThrow(/UNIQUE/)
    const msg = (ext: string, dir: string) =>
      s
        .prepare(
          `INSERT INTO messages (account_id, external_id, thread_id, direction, sent_at) VALUES (?, ?, 't1', ?, '2026-01-01T00:00:00Z')`,
        )
        .run(acc.lastInsertRowid, ext, dir).lastInsertRowid
    const c = msg('m1', 'incoming')
    const r = msg('m2', 'outgoing')
    expect(() => msg('m1', 'incoming')).toThrow(/UNIQUE/)
    s.prepare(
      `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id, client_text, reply_text) VALUES (?, 't1', ?, ?, 'hi', 'hello')`,
    ).run(acc.lastInsertRowid, c, r)
    expect(s.prepare(`SELECT status, language FROM training_pairs`).get()).toEqual({
      status: 'new',
      language: 'unknown',
    })
    // ai_providers has no place for a key.
    const cols = (
      s.prepare(`PRAGMA table_info(ai_providers)`).all() as Array<{ name: string }>
    ).map((x) => x.name)
    expect(cols.some((n) => /key|secret|token/.test(n))).toBe(false)
    // Deleting the account takes its messages and pairs with it.
    s.prepare(`DELETE FROM accounts`).run()
    expect(s.prepare(`SELECT count(*) AS n FROM messages`).get()).toEqual({ n: 0 })
    expect(s.prepare(`SELECT count(*) AS n FROM training_pairs`).get()).toEqual({ n: 0 })
    h.close()
  })
})
