import { z } from 'zod'
import { method, rowId } from './define'

/** What the last sync of an account did (written by the sync engine into accounts.meta). */
export interface SyncSummary {
  messages_fetched: number
  messages_upserted: number
  messages_deleted: number
  pairs_created: number
  pairs_skipped: Record<string, number>
  errors: string[]
  mode: 'full' | 'incremental'
  duration_ms: number
  finished_at: string
}

/**
 * One connected mailbox. status `error` comes with a statusReason (`token_revoked`,
 * `not_connected`, ...) and the UI offers Reconnect; `disabled` with reason `disconnected`
 * is an account whose authorization was removed but whose data was kept.
 * Never carries a token.
 */
export interface AccountDto {
  id: number
  provider: 'gmail'
  email: string
  displayName: string
  status: 'active' | 'disabled' | 'error'
  statusReason: string | null
  lastSyncAt: string | null
  lastSyncSummary: SyncSummary | null
  manualResyncRequestedAt: string | null
  createdAt: string
  /** What the knowledge base holds from this mailbox (the last sync's summary says what it
   * changed). */
  holdings: AccountHoldings
}

export interface AccountHoldings {
  messages: number
  pairs: { new: number; approved: number; rejected: number }
}

/** Why a connect attempt ended without an account; each has a human message beside it. */
export type ConnectFailureReason =
  | 'server_config'
  | 'access_denied'
  | 'missing_code'
  | 'missing_state'
  | 'invalid_state'
  | 'timeout'
  | 'token_http'
  | 'token_failed'
  | 'missing_access_token'
  | 'profile_failed'
  | 'persist_failed'
  | 'keychain_unavailable'
  | 'scope_denied'
  | 'cancelled'

/** A failed connect is a normal result, not an exception. */
export type GmailConnectResult =
  { ok: true; account: AccountDto } | { ok: false; reason: ConnectFailureReason; message: string }

export interface DisconnectResult {
  id: number
  email: string
  /** Whether Google confirmed the revocation (best-effort; the keychain entry is gone either way). */
  revoked: boolean
  purged: boolean
  messagesDeleted: number
  pairsDeleted: number
}

const empty = z.object({}).strict()
const accountId = rowId
const setEnabledInput = z.object({ id: accountId, enabled: z.boolean() }).strict()
const idInput = z.object({ id: accountId }).strict()
const disconnectInput = z.object({ id: accountId, purge: z.boolean() }).strict()
/** loginHint: the mailbox being reconnected, preselected on Google's account chooser. */
/** timeoutSeconds: how long to wait for the browser (default 5 minutes); openBrowser: false
 * only announces the link (`gmail.connect.waiting`), for a person to open it anywhere. */
const connectInput = z
  .object({
    loginHint: z.string().email().max(320).optional(),
    timeoutSeconds: z.number().int().min(1).max(3600).optional(),
    openBrowser: z.boolean().optional(),
  })
  .strict()

export const accountsContract = {
  'accounts.list': method<typeof empty, AccountDto[]>(empty),
  'accounts.setEnabled': method<typeof setEnabledInput, AccountDto>(setEnabledInput),
  'accounts.requestResync': method<typeof idInput, AccountDto>(idInput),
  'accounts.disconnect': method<typeof disconnectInput, DisconnectResult>(disconnectInput),
  /** Long-running: resolves when the browser flow ends (success, failure, timeout or cancel). */
  'gmail.connect': method<typeof connectInput, GmailConnectResult>(connectInput),
  'gmail.cancelConnect': method<typeof empty, { cancelled: boolean }>(empty),
}
