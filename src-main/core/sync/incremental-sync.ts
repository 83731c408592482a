// Incremental sync: replay users.history from the stored historyId (messages added, deleted,
// labels changed), fetch only messages not stored yet, drop what was deleted or moved to
// SPAM/TRASH, and move the cursor to the historyId Gmail returned with the last page, in the
// same transaction as the last change. A 404 means the start id is older than Gmail keeps:
// the caller falls back to a full sync (https://developers.google.com/gmail/api/guides/sync).
import type { gmail_v1 } from '@googleapis/gmail'
import { listHistoryPage } from '../gmail/gmail-calls'
import { isHidden, startFetch } from './message-fetch'
import { storedIds } from './message-store'
import { commitPage } from './page-commit'
import { setCursor } from './run-store'
import type { RunContext } from './sync-types'

/** Fetched messages committed per transaction when history brings many. */
const CHUNK = 500

type Change =
  | { kind: 'deleted' }
  | { kind: 'added'; labels: string[] }
  | { kind: 'labels'; labels: string[]; restored: boolean }

export interface HistoryPlan {
  remove: string[]
  fetch: string[]
  labels: Array<{ externalId: string; labels: string[] }>
}

const RESTORING = new Set(['TRASH', 'SPAM', 'DRAFT'])

/** The net effect of history records on each message, in record order (pure). */
export function foldHistory(records: readonly gmail_v1.Schema$History[]): Map<string, Change> {
  const changes = new Map<string, Change>()
  const touch = (
    list: Array<{ message?: gmail_v1.Schema$Message; labelIds?: string[] | null }> | undefined,
    apply: (id: string, labels: string[], changed: string[]) => void,
  ): void => {
    for (const item of list ?? []) {
      const id = item.message?.id
      if (id) apply(id, item.message?.labelIds ?? [], item.labelIds ?? [])
    }
  }
  for (const h of records) {
    touch(h.messagesAdded ?? undefined, (id, labels) => changes.set(id, { kind: 'added', labels }))
    touch(h.messagesDeleted ?? undefined, (id) => changes.set(id, { kind: 'deleted' }))
    const relabel = (restoring: boolean) => (id: string, labels: string[], changed: string[]) => {
      const prev = changes.get(id)
      if (prev?.kind === 'deleted') return
      if (prev?.kind === 'added') return changes.set(id, { kind: 'added', labels })
      const restored =
        (prev?.kind === 'labels' && prev.restored) ||
        (restoring && changed.some((l) => RESTORING.has(l)))
      changes.set(id, { kind: 'labels', labels, restored })
    }
    touch(h.labelsAdded ?? undefined, relabel(false))
    touch(h.labelsRemoved ?? undefined, relabel(true))
  }
  return changes
}

/** Decides per message: remove, fetch, or update labels of the stored row. */
export function planHistory(
  changes: Map<string, Change>,
  stored: ReadonlySet<string>,
): HistoryPlan {
  const plan: HistoryPlan = { remove: [], fetch: [], labels: [] }
  for (const [id, c] of changes) {
    if (c.kind === 'deleted' || isHidden(c.labels)) plan.remove.push(id)
    else if (stored.has(id)) plan.labels.push({ externalId: id, labels: c.labels })
    else if (c.kind === 'added' || c.restored) plan.fetch.push(id)
    // A label change on a message we never stored (older than the window): nothing to do.
  }
  return plan
}

/** Returns 'expired' when Gmail no longer has history from the cursor. */
export async function runIncrementalSync(
  rc: RunContext,
  cursor: string,
): Promise<'expired' | 'done'> {
  rc.progress('history', 0, 0)
  const records: gmail_v1.Schema$History[] = []
  let token: string | null = null
  let historyId: string | null = null
  do {
    const page = await listHistoryPage(rc.calls, cursor, token)
    if (page === 'expired') return 'expired'
    records.push(...page.history)
    token = page.nextPageToken
    historyId = page.historyId ?? historyId
  } while (token)
  const newCursor = historyId ?? cursor
  const changes = foldHistory(records)
  const stored = storedIds(rc.dbh.sqlite, rc.accountId, [...changes.keys()])
  const plan = planHistory(changes, stored)
  const total = plan.fetch.length
  let done = 0
  rc.progress('fetching', 0, total)
  for (let i = 0; i < plan.fetch.length || i === 0; i += CHUNK) {
    const ids = plan.fetch.slice(i, i + CHUNK)
    const job = startFetch(rc, ids, { onEach: () => rc.progress('fetching', ++done, total) })
    let outcome
    try {
      outcome = await job.done
    } catch (e) {
      // Keep what arrived; the cursor stays, so the next run replays history and skips it.
      const got = job.partial()
      if (got.messages.length > 0) {
        try {
          commitPage(rc, { messages: got.messages, removals: got.gone })
        } catch {
          // The original failure is the one to report.
        }
      }
      throw e
    }
    const last = i + CHUNK >= plan.fetch.length
    commitPage(rc, {
      messages: outcome.messages,
      removals: last ? [...plan.remove, ...outcome.gone] : outcome.gone,
      labels: last ? plan.labels : [],
      finish: () => {
        if (last) setCursor(rc.dbh, rc.accountId, newCursor)
      },
    })
  }
  rc.progress('finishing', done, total)
  return 'done'
}
