// Search in the languages mail arrives in: a text is stemmed with its own language's stemmer,
// and a typed word matches under any of them, so German, French or Spanish word forms meet as
// Russian and English ones do, through a real FTS5 index.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { stemText, toFtsQuery } from './stem'
import { latinStemLanguage } from './stem-language'

describe('stemming per language', () => {
  it.each([
    ['Ich habe die Bestellung nicht erhalten, bitte prüfen Sie das.', 'de'],
    ['Je n’ai pas reçu ma commande, pouvez-vous vérifier avec le transporteur ?', 'fr'],
    ['No he recibido el pedido y la factura es incorrecta, por favor.', 'es'],
    ['I have not received the order, please check.', 'en'],
    ['Order 4471 not received', 'en'],
  ])('tells the stemmer of %j', (text, lang) => {
    expect(latinStemLanguage(text)).toBe(lang)
  })

  it('finds other word forms in German, French and Spanish mail, and keeps Russian and English', () => {
    const db = new Database(':memory:')
    db.exec('CREATE VIRTUAL TABLE f USING fts5(body)')
    const insert = db.prepare('INSERT INTO f(rowid, body) VALUES (?, ?)')
    const texts = [
      'Ich habe meine Bestellungen nicht erhalten, bitte prüfen Sie das.',
      'Je n’ai pas reçu mes commandes, et la livraison est en retard.',
      'No he recibido los pedidos y la factura es incorrecta.',
      'Заказы не пришли, проверьте, пожалуйста.',
      'My orders have not arrived yet.',
    ]
    texts.forEach((t, i) => insert.run(i + 1, stemText(t)))
    const find = (q: string): number[] =>
      (
        db
          .prepare('SELECT rowid AS id FROM f WHERE f MATCH ? ORDER BY rowid')
          .all(toFtsQuery(q)) as Array<{
          id: number
        }>
      ).map((r) => r.id)
    expect(find('Bestellung')).toEqual([1])
    expect(find('commande')).toEqual([2])
    expect(find('livraisons')).toEqual([2])
    expect(find('pedido')).toEqual([3])
    expect(find('заказ')).toEqual([4])
    expect(find('ordered')).toEqual([5])
    // Every word must match, under any of its stems; typed FTS5 syntax stays inert.
    expect(find('Bestellung erhalten')).toEqual([1])
    expect(find('Bestellung commande')).toEqual([])
    expect(find('commande OR NOT "*')).toEqual([])
    db.close()
  })
})
