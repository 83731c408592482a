// Row counts for the installation's status (app.status, `replybase status`).
import type { DbHandle } from '../connection'
import { stmt } from '../statement-cache'

export interface RowCounts {
  accounts: number
  messages: number
  pairs: number
  pairsByStatus: { new: number; approved: number; rejected: number }
}

export function countRows(dbh: DbHandle): RowCounts {
  const count = (table: 'accounts' | 'messages' | 'training_pairs'): number =>
    stmt<[], { n: number }>(dbh.sqlite, `SELECT count(*) AS n FROM ${table}`).get()!.n
  const pairsByStatus = { new: 0, approved: 0, rejected: 0 }
  const rows = stmt<[], { status: keyof typeof pairsByStatus; n: number }>(
    dbh.sqlite,
    'SELECT status, count(*) AS n FROM training_pairs GROUP BY status',
  ).all()
  for (const r of rows) pairsByStatus[r.status] = r.n
  return {
    accounts: count('accounts'),
    messages: count('messages'),
    pairs: count('training_pairs'),
    pairsByStatus,
  }
}
