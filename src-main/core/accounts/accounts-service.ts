// Account management over the repo: list, enable/disable, request a full rescan, disconnect,
// and the status changes the token lifecycle makes. Every change of a row emits
// `accounts.changed` so the UI redraws.
import { z } from 'zod'
import type { AccountDto, AccountHoldings, DisconnectResult, SyncSummary } from '@contract/accounts'
import type { DbHandle } from '../../db/connection'
import type { AccountRow } from '../../db/schema'
import { AppError, isAppError } from '@contract/errors'
import type { EventBus } from '../event-bus'
import { createLogger } from '../logging/logger'
import type { SecretStore } from '../secrets/secret-store'
import { resolveGoogleConfig } from '../google/google-config'
import { createTokenStore, type TokenSet, type TokenStore } from '../google/token-store'
import {
  getAccountRow,
  listAccountRows,
  parseMeta,
  patchAccountMeta,
  purgeAccount,
  setAccountStatus,
  accountHoldings,
  type AccountHoldingRow,
} from '../../db/queries/accounts'

const log = createLogger('accounts')

/** statusReason of an account whose authorization was removed but whose data was kept. */
export const DISCONNECTED = 'disconnected'
/** statusReason of an account enabled again without a stored authorization. */
export const NOT_CONNECTED = 'not_connected'

const summarySchema = z.object({
  messages_fetched: z.number(),
  messages_upserted: z.number(),
  messages_deleted: z.number(),
  pairs_created: z.number(),
  pairs_skipped: z.record(z.string(), z.number()),
  errors: z.array(z.string()),
  mode: z.enum(['full', 'incremental']),
  duration_ms: z.number(),
  finished_at: z.string(),
})

const NO_HOLDINGS: AccountHoldings = { messages: 0, pairs: { new: 0, approved: 0, rejected: 0 } }

function holdingsOf(row: AccountHoldingRow | undefined): AccountHoldings {
  if (!row) return NO_HOLDINGS
  return {
    messages: row.messages,
    pairs: { new: row.pairsNew, approved: row.pairsApproved, rejected: row.pairsRejected },
  }
}

export function toAccountDto(row: AccountRow, holdings = NO_HOLDINGS): AccountDto {
  const meta = parseMeta(row.meta)
  const summary = summarySchema.safeParse(meta.last_sync_summary)
  const resync = meta.manual_resync_requested_at
  return {
    id: row.id,
    provider: row.provider,
    email: row.email,
    displayName: row.displayName,
    status: row.status,
    statusReason: row.statusReason,
    lastSyncAt: row.lastSyncAt,
    lastSyncSummary: summary.success ? (summary.data satisfies SyncSummary) : null,
    manualResyncRequestedAt: typeof resync === 'string' ? resync : null,
    createdAt: row.createdAt,
    holdings,
  }
}

export interface AccountsService {
  readonly tokens: TokenStore
  list(): AccountDto[]
  get(id: number): AccountDto
  /** An account by id or address, as the CLI names them. */
  setEnabled(id: number, enabled: boolean): Promise<AccountDto>
  requestResync(id: number): AccountDto
  disconnect(id: number, purge: boolean): Promise<DisconnectResult>
  /** Token lifecycle: e.g. markError(id, 'token_revoked'). A disabled account stays disabled. */
  markError(id: number, reason: string): void
  markActive(id: number): void
  /** For services that changed a row themselves (connect, sync). */
  notifyChanged(id?: number): void
}

export function createAccountsService(deps: {
  dbh: DbHandle
  secrets: SecretStore
  events: EventBus
  env: NodeJS.ProcessEnv
}): AccountsService {
  const { dbh, events } = deps
  const tokens = createTokenStore(deps.secrets)
  const changed = (id?: number): void =>
    events.emit('accounts.changed', id === undefined ? {} : { accountId: id })

  function row(id: number): AccountRow {
    const r = getAccountRow(dbh, id)
    if (!r) throw new AppError('not_found', `No account with id ${id}.`)
    return r
  }

  /** The stored token set; an unreadable entry counts as none. */
  async function storedTokens(email: string): Promise<TokenSet | null> {
    try {
      return await tokens.read(email)
    } catch (e) {
      if (isAppError(e) && e.code === 'token_revoked') return null
      throw e
    }
  }

  async function revokeAtGoogle(set: TokenSet | null): Promise<boolean> {
    const token = set?.refreshToken ?? set?.accessToken
    if (!token) return false
    try {
      const config = await resolveGoogleConfig(deps)
      const { revokeToken } = await import('../google/oauth-client')
      return await revokeToken(config, token)
    } catch (e) {
      log.info({ code: isAppError(e) ? e.code : 'internal' }, 'revoke skipped')
      return false
    }
  }

  return {
    tokens,
    list: () => {
      const held = accountHoldings(dbh)
      return listAccountRows(dbh).map((r) => toAccountDto(r, holdingsOf(held.get(r.id))))
    },
    get: (id) => toAccountDto(row(id), holdingsOf(accountHoldings(dbh).get(id))),
    async setEnabled(id, enabled) {
      const current = row(id)
      if (!enabled) {
        const reason = current.statusReason === DISCONNECTED ? DISCONNECTED : null
        if (setAccountStatus(dbh, id, 'disabled', reason)) changed(id)
        return toAccountDto(row(id))
      }
      // An error (e.g. token_revoked) is fixed by Reconnect, not by enabling.
      if (current.status !== 'disabled') return toAccountDto(current)
      const hasTokens = (await storedTokens(current.email)) !== null
      const ok = hasTokens
        ? setAccountStatus(dbh, id, 'active', null)
        : setAccountStatus(dbh, id, 'error', NOT_CONNECTED)
      if (ok) changed(id)
      return toAccountDto(row(id))
    },
    requestResync(id) {
      row(id)
      const updated = patchAccountMeta(dbh, id, {
        manual_resync_requested_at: new Date().toISOString(),
      })
      changed(id)
      return toAccountDto(updated ?? row(id))
    },
    async disconnect(id, purge) {
      const current = row(id)
      // Read first: with no keychain nothing can be deleted, so nothing changes at all.
      const set = await storedTokens(current.email)
      const revoked = await revokeAtGoogle(set)
      await tokens.remove(current.email)
      let counts = { messages: 0, pairs: 0 }
      if (purge) {
        const purged = purgeAccount(dbh, id)
        counts = { messages: purged.messages, pairs: purged.pairs }
        if (!purged.checkpointed) log.info('checkpoint after purge deferred')
      } else {
        setAccountStatus(dbh, id, 'disabled', DISCONNECTED)
      }
      log.info({ accountId: id, purge, revoked, ...counts }, 'account disconnected')
      changed(id)
      return {
        id,
        email: current.email,
        revoked,
        purged: purge,
        messagesDeleted: counts.messages,
        pairsDeleted: counts.pairs,
      }
    },
    markError(id, reason) {
      const current = getAccountRow(dbh, id)
      if (!current || current.status === 'disabled') return
      if (setAccountStatus(dbh, id, 'error', reason)) {
        log.warn({ accountId: id, reason }, 'account marked error')
        changed(id)
      }
    },
    markActive(id) {
      const current = getAccountRow(dbh, id)
      if (!current || current.status !== 'error') return
      if (setAccountStatus(dbh, id, 'active', null)) changed(id)
    },
    notifyChanged: changed,
  }
}
