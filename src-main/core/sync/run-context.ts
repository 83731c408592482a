// Everything one run needs, wired from the account, the environment and the Gmail client: the
// quota limiter, the call context (timeouts, retry counters), batch fetching through the decode
// pool, and the run's caches and callbacks.
import type { DbHandle } from '../../db/connection'
import type { GmailForAccount } from '../google/gmail-client'
import { resolveGoogleEndpoints } from '../google/google-config'
import { detectLanguage } from '../cleaning/detect-language'
import type { DecodePool } from './decode-pool'
import { ownAddresses } from '../pairs/direction'
import { batchSizeFor } from '../gmail/batch-format'
import { DEFAULT_CALL_TIMEOUT_MS } from '../gmail/gmail-calls'
import { createQuotaLimiter, unitsPerSecondFrom, type LimiterClock } from '../gmail/quota-limiter'
import { saveResumeState, type AccountState } from './run-store'
import { readStoredUnitsPerSecond } from './summary'
import type { RunContext, RunCounters, SyncPhase } from './sync-types'

export function positiveInt(raw: string | undefined): number | undefined {
  const n = Number(raw)
  return raw && Number.isInteger(n) && n > 0 ? n : undefined
}

export interface RunContextInput {
  dbh: DbHandle
  /** REPLYBASE_GMAIL_UNITS_PER_SECOND, REPLYBASE_SYNC_CONCURRENCY, REPLYBASE_GMAIL_TIMEOUT_MS,
   * REPLYBASE_GMAIL_BATCH=0 (one request per message), REPLYBASE_GMAIL_API_URL. */
  env: NodeJS.ProcessEnv
  clock: LimiterClock
  pool: DecodePool
  client: GmailForAccount
  account: AccountState
  accountId: number
  runId: number
  signal: AbortSignal
  counters: RunCounters
  progress(phase: SyncPhase, done: number, total: number): void
}

export function buildRunContext(i: RunContextInput): RunContext {
  const { dbh, env, clock, counters } = i
  const own = ownAddresses(i.account.email, i.account.meta)
  const limiter = createQuotaLimiter({
    unitsPerSecond: unitsPerSecondFrom(env, readStoredUnitsPerSecond(dbh)),
    concurrency: positiveInt(env.REPLYBASE_SYNC_CONCURRENCY),
    clock,
  })
  return {
    dbh,
    accountId: i.accountId,
    email: i.account.email,
    runId: i.runId,
    own,
    calls: {
      gmail: i.client.gmail,
      limiter,
      signal: i.signal,
      clock,
      timeoutMs: positiveInt(env.REPLYBASE_GMAIL_TIMEOUT_MS) ?? DEFAULT_CALL_TIMEOUT_MS,
      onRetry: (_endpoint, f) => {
        counters.retries++
        if (f.kind === 'rate_limit') counters.rateLimited++
      },
    },
    batch:
      env.REPLYBASE_GMAIL_BATCH === '0'
        ? undefined
        : {
            auth: i.client.auth,
            apiRoot: resolveGoogleEndpoints(env).gmailApiRoot,
            pool: i.pool,
            own,
            refresh: async () => void (await i.client.auth.refreshAccessToken()),
          },
    batchSize: batchSizeFor(limiter.windowUnits()),
    pool: i.pool,
    signal: i.signal,
    counters,
    cleaned: new Map(),
    detect: detectLanguage,
    progress: i.progress,
    now: () => clock.now(),
    saveResume: (patch) =>
      saveResumeState(dbh, i.runId, patch, new Date(clock.now()).toISOString()),
  }
}
