// Account rows: reads, the connect upsert, status changes, meta patches and the purge. Every
// write is one BEGIN IMMEDIATE transaction (DbHandle.write), so the app and the CLI may run
// these at the same time.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { DbHandle, Sqlite } from '../connection'
import { accounts, messages, syncRuns, trainingPairs, type AccountRow } from '../schema'
import { stmt } from '../statement-cache'

export type AccountStatus = AccountRow['status']
export type AccountMeta = Record<string, unknown>

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

export function parseMeta(raw: string): AccountMeta {
  try {
    const v: unknown = JSON.parse(raw)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as AccountMeta) : {}
  } catch {
    return {}
  }
}

export function listAccountRows(dbh: DbHandle): AccountRow[] {
  return dbh.db.select().from(accounts).orderBy(asc(accounts.id)).all()
}

export function getAccountRow(dbh: DbHandle, id: number): AccountRow | undefined {
  return dbh.db.select().from(accounts).where(eq(accounts.id, id)).get()
}

export function findAccountByEmail(dbh: DbHandle, email: string): AccountRow | undefined {
  return dbh.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.provider, 'gmail'), sql`lower(${accounts.email}) = lower(${email})`))
    .get()
}

export interface ConnectedAccount {
  email: string
  sendAs: Array<{
    email: string
    displayName: string | null
    isPrimary: boolean
    isDefault: boolean
  }>
  grantedScopes: string[]
}

/** The name a connect gave accounts before it took the mailbox's own. */
const oldDefaultName = (email: string) => `Gmail – ${email}`

/** The name on the mailbox's primary address (its owner's, as Gmail shows it), or the address. */
function mailboxName(input: ConnectedAccount): string {
  const primary = input.sendAs.find((a) => a.isPrimary)
  return primary?.displayName?.trim() || input.email
}

/**
 * Upserts by (provider, email): a new account is active under its mailbox's name; an existing
 * one becomes active again with its data, cursor and display name kept (a name a connect once
 * made up, `Gmail – <address>`, gives way to the mailbox's).
 */
export function upsertConnectedAccount(
  dbh: DbHandle,
  input: ConnectedAccount,
): { row: AccountRow; created: boolean } {
  return dbh.write(() => {
    const existing = findAccountByEmail(dbh, input.email)
    const connectedMeta = {
      send_as: input.sendAs,
      granted_scopes: input.grantedScopes,
      connected_at: new Date().toISOString(),
    }
    if (existing) {
      const meta = { ...parseMeta(existing.meta), ...connectedMeta }
      dbh.db
        .update(accounts)
        .set({
          status: 'active',
          statusReason: null,
          meta: JSON.stringify(meta),
          updatedAt: now,
          ...(existing.displayName === oldDefaultName(existing.email)
            ? { displayName: mailboxName(input) }
            : {}),
        })
        .where(eq(accounts.id, existing.id))
        .run()
      return { row: getAccountRow(dbh, existing.id)!, created: false }
    }
    const row = dbh.db
      .insert(accounts)
      .values({
        provider: 'gmail',
        email: input.email,
        displayName: mailboxName(input),
        status: 'active',
        meta: JSON.stringify(connectedMeta),
      })
      .returning()
      .get()
    return { row, created: true }
  })
}

/** Sets status and reason; returns false when the row was already so (or is gone). */
export function setAccountStatus(
  dbh: DbHandle,
  id: number,
  status: AccountStatus,
  reason: string | null,
): boolean {
  return dbh.write(() => {
    const row = getAccountRow(dbh, id)
    if (!row || (row.status === status && row.statusReason === reason)) return false
    dbh.db
      .update(accounts)
      .set({ status, statusReason: reason, updatedAt: now })
      .where(eq(accounts.id, id))
      .run()
    return true
  })
}

/** Read-modify-write of the meta JSON inside one transaction. */
export function patchAccountMeta(
  dbh: DbHandle,
  id: number,
  patch: AccountMeta,
): AccountRow | undefined {
  return dbh.write(() => {
    const row = getAccountRow(dbh, id)
    if (!row) return undefined
    const meta = { ...parseMeta(row.meta), ...patch }
    dbh.db
      .update(accounts)
      .set({ meta: JSON.stringify(meta), updatedAt: now })
      .where(eq(accounts.id, id))
      .run()
    return getAccountRow(dbh, id)
  })
}

/**
 * Deletes the account with its pairs, messages and sync runs, all or nothing, so that the text
 * cannot be read back from the file afterwards: deleted content stays in free pages unless
 * overwritten (https://sqlite.org/pragma.html#pragma_secure_delete), and under WAL in the -wal
 * file until a checkpoint (https://sqlite.org/pragma.html#pragma_wal_checkpoint). A checkpoint
 * that a reader blocks is left to SQLite's next one; `checkpointed` says which happened.
 */
export function purgeAccount(
  dbh: DbHandle,
  id: number,
): { messages: number; pairs: number; checkpointed: boolean } {
  const secureDelete = dbh.sqlite.pragma('secure_delete', { simple: true }) as number
  dbh.sqlite.pragma('secure_delete = ON')
  let counts: { messages: number; pairs: number }
  try {
    counts = dbh.write(() => {
      const pairs = dbh.db
        .delete(trainingPairs)
        .where(eq(trainingPairs.accountId, id))
        .run().changes
      const msgs = dbh.db.delete(messages).where(eq(messages.accountId, id)).run().changes
      dbh.db.delete(syncRuns).where(eq(syncRuns.accountId, id)).run()
      dbh.db.delete(accounts).where(eq(accounts.id, id)).run()
      return { messages: msgs, pairs }
    })
  } finally {
    dbh.sqlite.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`)
  }
  try {
    dbh.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    return { ...counts, checkpointed: true }
  } catch {
    return { ...counts, checkpointed: false }
  }
}

/** What a sync reads of its account, in one statement (inside the run's transaction). */
export interface AccountSyncRow {
  email: string
  status: AccountStatus
  status_reason: string | null
  sync_cursor: string | null
  meta: string
  last_sync_at: string | null
}

export function accountSyncRow(sqlite: Sqlite, id: number): AccountSyncRow | undefined {
  return stmt<[number], AccountSyncRow>(
    sqlite,
    'SELECT email, status, status_reason, sync_cursor, meta, last_sync_at FROM accounts WHERE id = ?',
  ).get(id)
}

/**
 * Read-modify-write of the meta JSON in the caller's transaction; `lastSyncAt` also stamps a
 * successful sync. Returns false when the account is gone.
 */
export function updateAccountMetaIn(
  sqlite: Sqlite,
  id: number,
  update: (meta: AccountMeta) => AccountMeta | null,
  lastSyncAt?: string,
): boolean {
  const row = stmt<[number], { meta: string }>(
    sqlite,
    'SELECT meta FROM accounts WHERE id = ?',
  ).get(id)
  if (!row) return false
  const next = update(parseMeta(row.meta))
  if (next === null && lastSyncAt === undefined) return true
  const json = JSON.stringify(next ?? parseMeta(row.meta))
  if (lastSyncAt !== undefined) {
    stmt(
      sqlite,
      "UPDATE accounts SET meta = ?, last_sync_at = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
    ).run(json, lastSyncAt, id)
  } else {
    stmt(
      sqlite,
      "UPDATE accounts SET meta = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
    ).run(json, id)
  }
  return true
}

export function setSyncCursor(sqlite: Sqlite, id: number, historyId: string): void {
  stmt(sqlite, 'UPDATE accounts SET sync_cursor = ? WHERE id = ?').run(historyId, id)
}

export interface AccountHoldingRow {
  accountId: number
  messages: number
  pairsNew: number
  pairsApproved: number
  pairsRejected: number
}

/**
 * What each account holds: stored messages and pairs by status. Both counts read only an
 * index (messages by account and thread, pairs by account and status), so the accounts list
 * stays quick on a large knowledge base.
 */
export function accountHoldings(dbh: DbHandle): Map<number, AccountHoldingRow> {
  const out = new Map<number, AccountHoldingRow>()
  const of = (id: number): AccountHoldingRow => {
    let r = out.get(id)
    if (!r) {
      r = { accountId: id, messages: 0, pairsNew: 0, pairsApproved: 0, pairsRejected: 0 }
      out.set(id, r)
    }
    return r
  }
  for (const m of stmt<[], { id: number; n: number }>(
    dbh.sqlite,
    'SELECT account_id AS id, count(*) AS n FROM messages GROUP BY account_id',
  ).all()) {
    of(m.id).messages = m.n
  }
  for (const p of stmt<[], { id: number; status: string; n: number }>(
    dbh.sqlite,
    'SELECT account_id AS id, status, count(*) AS n FROM training_pairs GROUP BY account_id, status',
  ).all()) {
    const r = of(p.id)
    if (p.status === 'new') r.pairsNew = p.n
    else if (p.status === 'approved') r.pairsApproved = p.n
    else if (p.status === 'rejected') r.pairsRejected = p.n
  }
  return out
}
