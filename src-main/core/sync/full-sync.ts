// Full sync: list the lookback window page by page (maxResults 500, no SPAM/TRASH, no drafts),
// fetch what is not stored yet, and commit each page with its threads' pairs and the next page
// token in one transaction. The baseline historyId comes from getProfile before the listing
// starts and becomes the account's cursor in the same transaction as the last page, so changes
// made during the listing are replayed by the next incremental sync
// (https://developers.google.com/gmail/api/guides/sync#full_synchronization).
import { patchAccountMeta } from '../../db/queries/accounts'
import {
  GmailCallError,
  getProfile,
  listMessagesPage,
  listSendAs,
  type ListedPage,
} from '../gmail/gmail-calls'
import { startFetch, type FetchJob } from './message-fetch'
import { storedIds, unseenSince } from './message-store'
import { commitPage } from './page-commit'
import { setCursor } from './run-store'
import type { ResumeState, RunContext } from './sync-types'

const DAY_MS = 86_400_000
/** Date headers and Gmail's internalDate disagree by hours, sometimes days: sweep inside this. */
const SWEEP_MARGIN_MS = 3 * DAY_MS

export interface ListWindow {
  q: string
  /** ISO start of the window, null = all mail. */
  windowStart: string | null
}

/** Gmail search for the window: `after:` in epoch seconds is exact, unlike calendar dates. */
export function listWindow(lookbackDays: number, since: Date | null, now: number): ListWindow {
  const start = since ? since.getTime() : lookbackDays > 0 ? now - lookbackDays * DAY_MS : null
  const parts = ['-in:drafts']
  if (start !== null) parts.push(`after:${Math.floor(start / 1000)}`)
  return { q: parts.join(' '), windowStart: start === null ? null : new Date(start).toISOString() }
}

export interface FullSyncPlan {
  baselineHistoryId?: string
  q: string
  windowStart: string | null
  pageToken: string | null
  pagesDone: number
  rescan: boolean
  partial: boolean
  /** Set for a manual resync: the request it serves (cleared at the end). */
  clearResyncBefore?: string
}

interface InFlightPage {
  /** The page token this page was listed with (null = the first page). */
  token: string | null
  listed: ListedPage
  job: FetchJob
}

export async function runFullSync(rc: RunContext, plan: FullSyncPlan): Promise<void> {
  rc.progress('listing', 0, 0)
  let baseline = plan.baselineHistoryId
  if (!baseline) {
    await refreshSendAs(rc)
    baseline = (await getProfile(rc.calls)).historyId
    const state: Partial<ResumeState> = { baselineHistoryId: baseline }
    rc.dbh.write(() => rc.saveResume(state))
  }
  const seen = new Set<string>()
  let partial = plan.partial
  let pagesDone = plan.pagesDone
  let pageNo = 0
  let done = 0
  let total = 0
  /** Listed and not yet committed, in page order. */
  const open: InFlightPage[] = []

  const start = async (token: string | null): Promise<InFlightPage> => {
    let used = token
    let listed = await listMessagesPage(rc.calls, plan.q, token)
    if (listed === 'bad_page_token') {
      // Gmail no longer knows the saved token: list again from the top (stored ids are skipped).
      partial = true
      used = null
      rc.counters.errors.push('saved page token refused; listing restarted')
      listed = (await listMessagesPage(rc.calls, plan.q, null)) as ListedPage
    }
    if (total === 0) total = listed.resultSizeEstimate
    const ids = listed.ids.map((m) => m.id)
    const stored = plan.rescan ? new Set<string>() : storedIds(rc.dbh.sqlite, rc.accountId, ids)
    const toFetch = ids.filter((id) => !stored.has(id))
    done += ids.length - toFetch.length
    rc.progress('fetching', done, Math.max(total, done))
    const job = startFetch(rc, toFetch, {
      priority: -pageNo++,
      onEach: () => {
        done++
        rc.progress('fetching', done, Math.max(total, done))
      },
    })
    // Awaited later; keep an early failure of the next page from being reported as unhandled.
    job.done.catch(() => undefined)
    const page = { token: used, listed, job }
    open.push(page)
    return page
  }

  let current: Promise<InFlightPage> | null = start(plan.pageToken)
  try {
    while (current) {
      const page: InFlightPage = await current
      const next = page.listed.nextPageToken
      // List and fetch the next page while this one finishes: at most two pages in memory.
      current = next ? start(next) : null
      current?.catch(() => undefined)
      const outcome = await page.job.done
      for (const m of page.listed.ids) seen.add(m.id)
      pagesDone++
      const last = next === null
      const removals =
        last && !partial ? [...outcome.gone, ...unlisted(rc, plan.windowStart, seen)] : outcome.gone
      commitPage(rc, {
        messages: outcome.messages,
        removals,
        rebuildUnchanged: plan.rescan,
        finish: () => {
          rc.saveResume({ pageToken: next, pagesDone, partial })
          if (last) setCursor(rc.dbh, rc.accountId, baseline, plan.clearResyncBefore)
        },
      })
      open.shift()
    }
  } catch (e) {
    salvage(rc, open, partial)
    throw e
  }
  rc.progress('finishing', done, Math.max(total, done))
}

/**
 * The run stops early (failure, cancel): commit what the open pages already fetched, keeping
 * the resume point at the first unfinished page; the next run lists it again and skips what
 * is stored.
 */
function salvage(rc: RunContext, open: readonly InFlightPage[], partial: boolean): void {
  const first = open[0]
  if (!first) return
  const messages = open.flatMap((p) => p.job.partial().messages)
  const gone = open.flatMap((p) => p.job.partial().gone)
  if (messages.length === 0 && gone.length === 0) return
  try {
    commitPage(rc, {
      messages,
      removals: gone,
      finish: () =>
        rc.saveResume({ pageToken: first.token, partial: partial || first.token !== null }),
    })
  } catch (e) {
    rc.counters.errors.push(
      `fetched mail of the unfinished page not saved: ${(e as Error).message}`,
    )
  }
}

const STOPPING = new Set(['scope_denied', 'domain_policy', 'auth', 'token_revoked', 'network'])

/** Aliases added since the account was connected make mail from them outgoing too. */
async function refreshSendAs(rc: RunContext): Promise<void> {
  let aliases
  try {
    aliases = await listSendAs(rc.calls)
  } catch (e) {
    // Reasons that stop the whole run stop it here; anything else leaves the list stored at
    // connect time in place.
    const kind = e instanceof GmailCallError ? e.failure.kind : null
    if (rc.signal.aborted || kind === null || STOPPING.has(kind)) throw e
    return
  }
  const fresh = aliases.filter((a) => !rc.own.has(a.email))
  if (fresh.length === 0) return
  for (const a of fresh) rc.own.add(a.email)
  patchAccountMeta(rc.dbh, rc.accountId, { send_as: aliases })
}

/** After a complete listing: stored messages of the window that Gmail no longer lists left it
 * (deleted or moved to SPAM/TRASH while no history covered them, e.g. before a history 404). */
function unlisted(rc: RunContext, windowStart: string | null, seen: ReadonlySet<string>): string[] {
  const since =
    windowStart === null ? '' : new Date(Date.parse(windowStart) + SWEEP_MARGIN_MS).toISOString()
  return unseenSince(rc.dbh.sqlite, rc.accountId, since, seen)
}
