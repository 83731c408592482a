// Pairs stored before migration 0006 are re-indexed by it. A Russian pair must come out with
// Russian stems and an English (or German) one with its own language's stems, exactly as a pair
// written afterwards is indexed, so a word form in a search finds old and new pairs alike.
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openConnection, type DbHandle } from '../../src-main/db/connection'
import { listPairsPage } from '../../src-main/db/queries/pairs-review'
import { stemText, stemWord, toFtsQuery } from '../../src-main/db/stem'
import { migrationsFolder } from '../helpers/migrations'
import { tempDir } from '../helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

interface Mail {
  subject: string
  client: string
  reply: string
}

const RU: Mail = {
  subject: 'Оплата заказа',
  client: 'Не могу оплатить заказы, карта отклонена банком.',
  reply: 'Мы проверили платежи и вернули деньги на карту.',
}
const EN: Mail = {
  subject: 'Shipping delays',
  client: 'My orders were shipped twice and the tracking is wrong.',
  reply: 'We refunded the second shipment and corrected the tracking numbers.',
}
const DE: Mail = {
  subject: 'Lieferung',
  client: 'Ich habe die Bestellungen nicht bekommen, bitte prüfen Sie das.',
  reply: 'Die Lieferungen sind unterwegs, wir melden uns.',
}

let seq = 0
function addPair(h: DbHandle, acc: number | bigint, mail: Mail): number {
  const s = h.sqlite
  const msg = (dir: string, subject: string) =>
    s
      .prepare(
        `INSERT INTO messages (account_id, external_id, thread_id, direction, subject, sent_at)
         VALUES (?, ?, ?, ?, ?, '2026-01-01T09:00:00.000Z')`,
      )
      .run(acc, `m${++seq}`, `t${seq}`, dir, subject).lastInsertRowid
  const c = msg('incoming', mail.subject)
  const r = msg('outgoing', `Re: ${mail.subject}`)
  return Number(
    s
      .prepare(
        `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id,
           client_text, reply_text, status) VALUES (?, 't', ?, ?, ?, ?, 'new')`,
      )
      .run(acc, c, r, mail.client, mail.reply).lastInsertRowid,
  )
}

/** What the index holds for one pair, per column, read from FTS5's own term list. */
function indexedTerms(h: DbHandle, id: number): Record<string, string[]> {
  h.sqlite.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.pairs_fts_instances USING fts5vocab(main, pairs_fts, 'instance')`,
  )
  const rows = h.sqlite
    .prepare(`SELECT term, col FROM temp.pairs_fts_instances WHERE doc = ? ORDER BY col, "offset"`)
    .all(id) as Array<{ term: string; col: string }>
  const out: Record<string, string[]> = { client: [], reply: [], subject: [] }
  for (const r of rows) out[r.col]!.push(r.term)
  return out
}

function expectedTerms(mail: Mail): Record<string, string[]> {
  const words = (t: string) => stemText(t).split(' ').filter(Boolean)
  return { client: words(mail.client), reply: words(mail.reply), subject: words(mail.subject) }
}

function search(h: DbHandle, q: string): number[] {
  return listPairsPage(h, 'new', { fts: toFtsQuery(q)! }, null, 50, 'oldest').map((p) => p.id)
}

describe('migration 0006_pairs_fts_subject: stems per language', () => {
  it('re-indexes Russian pairs with Russian stems and Latin ones with their language, as new pairs are', () => {
    const dbPath = path.join(tmp.dir, 'replybase.db')
    migrateDatabase(dbPath, migrationsFolder(6))
    let h = openConnection(dbPath)
    const acc = h.sqlite
      .prepare(`INSERT INTO accounts (email, display_name) VALUES ('a@x.com', 'A')`)
      .run().lastInsertRowid
    const before = { ru: addPair(h, acc, RU), en: addPair(h, acc, EN), de: addPair(h, acc, DE) }
    h.close()

    expect(migrateDatabase(dbPath, migrationsFolder(7)).applied).toEqual(['0006_pairs_fts_subject'])
    h = openConnection(dbPath)
    const after = { ru: addPair(h, acc, RU), en: addPair(h, acc, EN), de: addPair(h, acc, DE) }

    for (const [lang, mail] of [
      ['ru', RU],
      ['en', EN],
      ['de', DE],
    ] as const) {
      // The old pair holds exactly the stems a new one gets: same stemmer, word for word.
      expect(indexedTerms(h, before[lang])).toEqual(expectedTerms(mail))
      expect(indexedTerms(h, before[lang])).toEqual(indexedTerms(h, after[lang]))
    }
    // Stems, not the words as written, and each language's own.
    const ru = indexedTerms(h, before.ru)
    expect(ru.client).toContain('заказ')
    expect(ru.client).not.toContain('заказы')
    expect(ru.subject).toEqual(['оплат', 'заказ'])
    expect(ru.reply).toContain(stemWord('платежи'))
    expect(stemWord('платежи')).not.toBe('платежи')
    const en = indexedTerms(h, before.en)
    expect(en.client).toEqual(expect.arrayContaining(['order', 'ship', 'track']))
    expect(en.client).not.toContain('orders')
    const de = indexedTerms(h, before.de)
    expect(de.client).toContain(stemWord('Bestellungen', 'de'))
    expect(stemWord('Bestellungen', 'de')).not.toBe(stemWord('Bestellungen', 'en'))

    // A word form the mail never used finds the old pair as it finds the new one, and only
    // pairs in that language.
    expect(search(h, 'заказом')).toEqual([before.ru, after.ru])
    expect(search(h, 'оплатой')).toEqual([before.ru, after.ru])
    expect(search(h, 'отклонили карту')).toEqual([before.ru, after.ru])
    expect(search(h, 'ordering')).toEqual([before.en, after.en])
    expect(search(h, 'shipping refunds')).toEqual([before.en, after.en])
    expect(search(h, 'Bestellung')).toEqual([before.de, after.de])
    expect(search(h, 'Lieferung')).toEqual([before.de, after.de])
    h.close()
  })
})
