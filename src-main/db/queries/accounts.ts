// Account rows: reads, the connect upsert, status changes, meta patches and the purge. Every
// write is one BEGIN IMMEDIATE transaction (DbHandle.write), so the app and the CLI may run
// these at the same time.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { DbHandle } from '../connection'
import { accounts, messages, syncRuns, trainingPairs, type AccountRow } from '../schema'

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

/**
 * Upserts by (provider, email): a new account is active as `Gmail – <address>`; an existing
 * one becomes active again with its data, cursor and display name kept.
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
        .set({ status: 'active', statusReason: null, meta: JSON.stringify(meta), updatedAt: now })
        .where(eq(accounts.id, existing.id))
        .run()
      return { row: getAccountRow(dbh, existing.id)!, created: false }
    }
    const row = dbh.db
      .insert(accounts)
      .values({
        provider: 'gmail',
        email: input.email,
        displayName: `Gmail – ${input.email}`,
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

/** Deletes the account with its pairs, messages and sync runs, all or nothing. */
export function purgeAccount(dbh: DbHandle, id: number): { messages: number; pairs: number } {
  return dbh.write(() => {
    const pairs = dbh.db.delete(trainingPairs).where(eq(trainingPairs.accountId, id)).run().changes
    const msgs = dbh.db.delete(messages).where(eq(messages.accountId, id)).run().changes
    dbh.db.delete(syncRuns).where(eq(syncRuns.accountId, id)).run()
    dbh.db.delete(accounts).where(eq(accounts.id, id)).run()
    return { messages: msgs, pairs }
  })
}
