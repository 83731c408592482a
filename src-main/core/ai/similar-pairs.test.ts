// Full-text similarity in a large base: words found in more than a tenth of the pairs are left
// out of the query (they cost the most to read and rank nothing apart), the rare words that
// say what a message is about stay, and a small base keeps every word.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../db/open-database'
import { sourceMigrationsFolder } from '../paths'
import { seedAccounts, seedPair, seedPairs } from '../../../tests/helpers/seed-pairs'
import { findSimilarApproved, similarityQuery } from './similar-pairs'

let dir: string
let dbh: OpenedDatabase
let rare: number

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-similar-'))
  dbh = openDatabase(dir, sourceMigrationsFolder())
})
afterAll(() => {
  dbh.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('similar approved pairs by full text', () => {
  it('keeps every word of the message in a small base', () => {
    expect(similarityQuery('Hi team, my order never arrived', dbh)).toBe(
      '{client reply} : ("team" OR "order" OR "never" OR "arriv")',
    )
  })

  it('in a large base leaves out words most pairs share, keeps the rare ones, and still finds the pair', () => {
    seedPairs(dbh, 6_000, { seed: 9, status: 'approved' })
    const [accountId] = seedAccounts(dbh, ['support@shop.example'])
    rare = seedPair(dbh, {
      accountId: accountId!,
      status: 'approved',
      language: 'en',
      client: 'Hi team, my parcel went to Reykjavik by mistake.',
      reply: 'We have rerouted the parcel from Reykjavik.',
    })
    const common = dbh.sqlite
      .prepare(
        `SELECT count(*) AS n FROM training_pairs WHERE client_text LIKE '%team%' OR reply_text LIKE '%team%'`,
      )
      .get() as { n: number }
    // The seeded mail greets the team in most pairs.
    expect(common.n).toBeGreaterThan(600)
    const query = similarityQuery('Hi team, my parcel went to Reykjavik by mistake', dbh)!
    expect(query).not.toContain('"team"')
    expect(query).toContain('"reykjavik"')
    expect(
      findSimilarApproved(dbh, 'Hi team, my parcel went to Reykjavik by mistake', 3)[0]?.id,
    ).toBe(rare)
  })
  it('finds approved pairs ranked below hundreds of better-matching unreviewed ones, best first', () => {
    const [accountId] = seedAccounts(dbh, ['help@shop.example'])
    const text = 'The blender lid cracked and the blender motor smells of smoke'
    // 300 new pairs say it more exactly than either approved one: they fill FTS5's best 200.
    for (let i = 0; i < 300; i++) {
      seedPair(dbh, {
        accountId: accountId!,
        status: 'new',
        language: 'en',
        client: text,
        reply: 'Sorry!',
      })
    }
    const close = seedPair(dbh, {
      accountId: accountId!,
      status: 'approved',
      language: 'en',
      client: 'My blender lid cracked on the second day.',
      reply: 'A new lid is on its way.',
    })
    const far = seedPair(dbh, {
      accountId: accountId!,
      status: 'approved',
      language: 'en',
      client: 'Is the blender dishwasher safe?',
      reply: 'The jar is; the base is not.',
    })
    seedPair(dbh, {
      accountId: accountId!,
      status: 'rejected',
      language: 'en',
      client: text,
      reply: 'No.',
    })
    const found = findSimilarApproved(dbh, text, 2)
    expect(found.map((p) => p.id)).toEqual([close, far])
    expect(found[0]!.clientText).toBe('My blender lid cracked on the second day.')
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score)
  })
})
