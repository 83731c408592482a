// The Gmail calls sync makes, each paced by the account's quota limiter at its published cost
// (https://developers.google.com/gmail/api/reference/quota) and retried by the retry policy.
// A call that fails for good throws GmailCallError carrying the classified failure.
import type { gmail_v1 } from '@googleapis/gmail'
import { createLogger, describeHttpError } from '../logging/logger'
import { sendAsAliases, type SendAsAlias } from '../google/send-as'
import { rawMessageOf } from './batch-format'
import { cancelled, type LimiterClock, type QuotaLimiter } from './quota-limiter'
import { classifyFailure, nextDelay, type Failure } from './retry-policy'

export type { SendAsAlias } from '../google/send-as'

const log = createLogger('sync')

export const UNIT_COSTS = {
  'messages.get': 5,
  'messages.list': 5,
  'history.list': 2,
  getProfile: 1,
  'settings.sendAs.list': 1,
} as const
type Endpoint = keyof typeof UNIT_COSTS

/** messages.list and history.list page size (the API's maximum). */
export const PAGE_SIZE = 500
export const DEFAULT_CALL_TIMEOUT_MS = 30_000

export class GmailCallError extends Error {
  constructor(
    readonly endpoint: string,
    readonly failure: Failure,
  ) {
    super(`${endpoint}: ${failure.detail}`)
    this.name = 'GmailCallError'
  }
}

export interface GmailCallContext {
  gmail: gmail_v1.Gmail
  limiter: QuotaLimiter
  signal: AbortSignal
  clock: LimiterClock
  timeoutMs: number
  random?: () => number
  /** Called for every failed attempt that will be retried (counters, logs). */
  onRetry?(endpoint: string, failure: Failure): void
  /** Queue priority of these calls (higher first): earlier pages before later ones. */
  priority?: number
}

interface RequestOptions {
  signal: AbortSignal
  timeout: number
  retry: false
}

async function call<T>(
  ctx: GmailCallContext,
  endpoint: Endpoint,
  fn: (opts: RequestOptions) => Promise<{ data: T }>,
  accept?: (f: Failure) => boolean,
): Promise<T | Failure> {
  const opts: RequestOptions = { signal: ctx.signal, timeout: ctx.timeoutMs, retry: false }
  for (let attempt = 0; ; attempt++) {
    if (ctx.signal.aborted) throw cancelled()
    try {
      const res = await ctx.limiter.run(
        UNIT_COSTS[endpoint],
        () => fn(opts),
        ctx.signal,
        ctx.priority,
      )
      return res.data
    } catch (e) {
      const now = ctx.clock.now()
      const failure = classifyFailure(e, now)
      if (failure.kind === 'cancelled' || ctx.signal.aborted) throw cancelled()
      if (accept?.(failure)) return failure
      const delay = nextDelay(failure, attempt, now, ctx.random)
      if (delay === null) {
        log.warn(
          { endpoint, attempt, http: describeHttpError(e), kind: failure.kind },
          'gmail call failed',
        )
        throw new GmailCallError(endpoint, failure)
      }
      if (failure.kind === 'rate_limit') ctx.limiter.backOff(now + delay)
      ctx.onRetry?.(endpoint, failure)
      await ctx.clock.sleep(delay, ctx.signal)
    }
  }
}

function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && 'kind' in v && 'detail' in v
}

export interface Profile {
  emailAddress: string
  historyId: string
}

export async function getProfile(ctx: GmailCallContext): Promise<Profile> {
  const data = (await call(ctx, 'getProfile', (o) =>
    ctx.gmail.users.getProfile({ userId: 'me' }, o),
  )) as gmail_v1.Schema$Profile
  if (!data.historyId)
    throw new GmailCallError('getProfile', { kind: 'fatal', detail: 'no historyId' })
  return { emailAddress: data.emailAddress ?? '', historyId: String(data.historyId) }
}

export interface ListedPage {
  ids: Array<{ id: string; threadId: string }>
  nextPageToken: string | null
  resultSizeEstimate: number
}

/** One page of messages.list; 'bad_page_token' when Gmail no longer accepts the token. */
export async function listMessagesPage(
  ctx: GmailCallContext,
  q: string,
  pageToken: string | null,
): Promise<ListedPage | 'bad_page_token'> {
  const out = await call(
    ctx,
    'messages.list',
    (o) =>
      ctx.gmail.users.messages.list(
        {
          userId: 'me',
          q,
          maxResults: PAGE_SIZE,
          includeSpamTrash: false,
          ...(pageToken ? { pageToken } : {}),
        },
        o,
      ),
    (f) => pageToken !== null && f.kind === 'bad_request',
  )
  if (isFailure(out)) return 'bad_page_token'
  const data = out as gmail_v1.Schema$ListMessagesResponse
  return {
    ids: (data.messages ?? [])
      .filter((m) => m.id)
      .map((m) => ({ id: m.id!, threadId: m.threadId ?? m.id! })),
    nextPageToken: data.nextPageToken ?? null,
    resultSizeEstimate: data.resultSizeEstimate ?? 0,
  }
}

export interface RawMessage {
  id: string
  threadId: string
  labelIds: string[]
  internalDate: number | null
  raw: Buffer
}

/** messages.get?format=raw; null when the message is gone (deleted between list and get). */
export async function getRawMessage(ctx: GmailCallContext, id: string): Promise<RawMessage | null> {
  const out = await call(
    ctx,
    'messages.get',
    (o) => ctx.gmail.users.messages.get({ userId: 'me', id, format: 'raw' }, o),
    (f) => f.kind === 'not_found',
  )
  if (isFailure(out)) return null
  return rawMessageOf(id, out as gmail_v1.Schema$Message)
}

export interface HistoryPage {
  history: gmail_v1.Schema$History[]
  nextPageToken: string | null
  historyId: string | null
}

/** One page of history.list; 'expired' on 404 (the start id is older than Gmail keeps). */
export async function listHistoryPage(
  ctx: GmailCallContext,
  startHistoryId: string,
  pageToken: string | null,
): Promise<HistoryPage | 'expired'> {
  const out = await call(
    ctx,
    'history.list',
    (o) =>
      ctx.gmail.users.history.list(
        {
          userId: 'me',
          startHistoryId,
          maxResults: PAGE_SIZE,
          historyTypes: ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved'],
          ...(pageToken ? { pageToken } : {}),
        },
        o,
      ),
    (f) => f.kind === 'not_found',
  )
  if (isFailure(out)) return 'expired'
  const data = out as gmail_v1.Schema$ListHistoryResponse
  return {
    history: data.history ?? [],
    nextPageToken: data.nextPageToken ?? null,
    historyId: data.historyId ? String(data.historyId) : null,
  }
}

export async function listSendAs(ctx: GmailCallContext): Promise<SendAsAlias[]> {
  const data = (await call(ctx, 'settings.sendAs.list', (o) =>
    ctx.gmail.users.settings.sendAs.list({ userId: 'me' }, o),
  )) as gmail_v1.Schema$ListSendAsResponse
  return sendAsAliases(data.sendAs)
}
