// "Rebuild pairs" on a real SQLite file holding mail stored by an older decoder (hard-wrapped
// text, no text-form mark): texts are redone without Gmail, reviewers' work is kept, a second
// run changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedDatabase } from '../../db/open-database'
import { openStoreDb, storedMessage, type StoreDb } from '../../../tests/helpers/sync-store'
import { detectLanguage } from '../cleaning/detect-language'
import { upsertMessage, type MessageInput } from './message-store'
import { rebuildThread } from './pair-store'
import { rebuildPairTexts, staleTextCount } from './rebuild-texts'
import { TEXT_FORM, TEXT_FORM_HEADER } from './message-row'

let db: StoreDb
let dbh: OpenedDatabase
let accountId: number

beforeEach(() => {
  db = openStoreDb('replybase-rebuild-')
  dbh = db.dbh
  accountId = db.accountId
})
afterEach(() => db.close())

const CLIENT_TYPED =
  'I ordered the annual plan last Tuesday and the payment went through on my card, but the ' +
  'account still shows the free tier and the export button is greyed out for my team.'
const CLIENT_WRAPPED =
  'I ordered the annual plan last Tuesday and the payment went through on my\n' +
  'card, but the account still shows the free tier and the export button is\n' +
  'greyed out for my team.'
const REPLY_TYPED =
  'Sorry about that: the payment was stuck in review. We have switched your account to the ' +
  'annual plan and the export is available again for everyone on your team.'
const REPLY_WRAPPED =
  'Sorry about that: the payment was stuck in review. We have switched your\n' +
  'account to the annual plan and the export is available again for everyone\n' +
  'on your team.'

/** As an older version stored it: no text-form mark. */
const stored = (
  externalId: string,
  threadId: string,
  direction: 'incoming' | 'outgoing',
  body: string,
): MessageInput =>
  storedMessage(externalId, direction, body, { threadId, subject: 'Export greyed out' })

/** Three threads as an older version left them: wrapped texts, pairs built from them. */
function oldKnowledgeBase(): Record<string, number> {
  dbh.write(() => {
    for (const t of ['t1', 't2', 't3']) {
      upsertMessage(dbh.sqlite, accountId, stored(`${t}c`, t, 'incoming', CLIENT_WRAPPED))
      upsertMessage(dbh.sqlite, accountId, stored(`${t}r`, t, 'outgoing', REPLY_WRAPPED))
      rebuildThread(
        { sqlite: dbh.sqlite, accountId, nowIso: '', cleaned: new Map(), detect: detectLanguage },
        t,
      )
    }
  })
  const rows = dbh.sqlite
    .prepare('SELECT id, thread_id FROM training_pairs ORDER BY thread_id')
    .all() as Array<{ id: number; thread_id: string }>
  return Object.fromEntries(rows.map((r) => [r.thread_id, r.id]))
}

const pair = (id: number) =>
  dbh.sqlite
    .prepare(
      'SELECT client_text, reply_text, status, reply_text_edited FROM training_pairs WHERE id = ?',
    )
    .get(id) as {
    client_text: string
    reply_text: string
    status: string
    reply_text_edited: string | null
  }

describe('rebuildPairTexts', () => {
  it('gives old pairs paragraphs and keeps every review and edit', async () => {
    const ids = oldKnowledgeBase()
    const [t1, t2, t3] = [ids.t1!, ids.t2!, ids.t3!]
    expect(pair(t1).client_text).toBe(CLIENT_WRAPPED)
    dbh.sqlite.prepare("UPDATE training_pairs SET status = 'approved' WHERE id = ?").run(t2)
    dbh.sqlite
      .prepare(
        "UPDATE training_pairs SET status = 'approved', reply_text_edited = 'Fixed: export is back.' WHERE id = ?",
      )
      .run(t3)
    expect(staleTextCount(dbh, accountId)).toBe(6)

    const progress: number[] = []
    const result = await rebuildPairTexts(dbh, [accountId], {
      onProgress: (p) => progress.push(p.done),
    })

    expect(result).toMatchObject({
      threads: 3,
      messageTextsChanged: 6,
      pairsUpdated: 1,
      reviewedUpdated: 2,
      pairsCreated: 0,
      pairsDeleted: 0,
    })
    expect(progress.at(-1)).toBe(3)
    expect(pair(t1)).toMatchObject({ client_text: CLIENT_TYPED, reply_text: REPLY_TYPED })
    expect(pair(t2)).toMatchObject({ client_text: CLIENT_TYPED, status: 'approved' })
    expect(pair(t3)).toMatchObject({
      reply_text: REPLY_TYPED,
      status: 'approved',
      reply_text_edited: 'Fixed: export is back.',
    })
    // The stored message (the "Original message" view) reads in paragraphs too.
    const body = dbh.sqlite
      .prepare("SELECT body_text FROM messages WHERE external_id = 't1c'")
      .get() as { body_text: string }
    expect(body.body_text).toBe(CLIENT_TYPED)
    expect(staleTextCount(dbh, accountId)).toBe(0)

    const again = await rebuildPairTexts(dbh, [accountId])
    expect(again).toMatchObject({ messageTextsChanged: 0, pairsUpdated: 0, reviewedUpdated: 0 })
  })

  it('leaves texts a current decoder stored as they are', async () => {
    const current = stored('n1', 't9', 'incoming', 'Line one of a short note\nLine two')
    current.headers = { [TEXT_FORM_HEADER]: TEXT_FORM }
    dbh.write(() => upsertMessage(dbh.sqlite, accountId, current))
    expect(staleTextCount(dbh, accountId)).toBe(0)
    const result = await rebuildPairTexts(dbh, [accountId])
    expect(result.messageTextsChanged).toBe(0)
  })

  it('stops between commits when cancelled and keeps what it did', async () => {
    oldKnowledgeBase()
    const controller = new AbortController()
    controller.abort()
    await expect(
      rebuildPairTexts(dbh, [accountId], { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' })
    expect(staleTextCount(dbh, accountId)).toBe(6)
  })
})
