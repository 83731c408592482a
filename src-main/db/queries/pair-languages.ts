// The languages pairs are labelled with, for the Review filter: only languages present.
import type { DbHandle } from '../connection'
import { stmt } from '../statement-cache'

export function pairLanguageCounts(dbh: DbHandle): Array<{ language: string; count: number }> {
  return stmt<[], { language: string; count: number }>(
    dbh.sqlite,
    `SELECT language, count(*) AS count FROM training_pairs
     GROUP BY language ORDER BY count DESC, language`,
  ).all()
}
