// "Rebuild pairs": gives a knowledge base the texts the current decoder and cleaner make,
// without downloading its mail again. Messages an older decoder stored get their text redone
// from the stored bodies (hard wraps joined, HTML read from the whole tree), then every thread's
// pairs are rebuilt: unreviewed pairs follow as in sync, and reviewed pairs get the new machine
// texts while their status and the reviewers' edits stay. Threads are committed in small
// transactions, so a crash or a cancel keeps what is done and a second run finishes the rest.
import type { RebuildPairsProgress, RebuildPairsResult } from '@contract/rebuild'
import { AppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import {
  accountThreadIds,
  countStaleTexts,
  setMessageText,
  staleTextRows,
  type StaleTextRow,
} from '../../db/queries/pairs-rebuild'
import { detectLanguage } from '../cleaning/detect-language'
import { htmlToText, htmlToTextNoQuotes } from '../mail/html-text'
import { unwrapPlain } from '../mail/unwrap'
import { TEXT_FORM, TEXT_FORM_HEADER, TEXT_SOURCE_HEADER } from './message-row'
import { rebuildThread, type RebuildContext } from './pair-store'

/** Threads per write transaction: short enough that the UI and a sync are never held up. */
const THREADS_PER_COMMIT = 50

function parseHeaders(raw: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(raw)
    return v && typeof v === 'object' ? (v as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/** The text the current decoder makes from a stored message's bodies. */
export function redoneText(row: Pick<StaleTextRow, 'body_text' | 'body_html'>, htmlOnly: boolean) {
  if (htmlOnly && row.body_html) return htmlToText(row.body_html)
  return unwrapPlain(row.body_text, row.body_html ? htmlToTextNoQuotes(row.body_html) : null)
}

/** Redoes the stale texts of one thread; returns how many texts changed. */
function redoThreadTexts(dbh: DbHandle, accountId: number, threadId: string): number {
  let changed = 0
  for (const row of staleTextRows(dbh.sqlite, accountId, threadId, TEXT_FORM_HEADER, TEXT_FORM)) {
    const headers = parseHeaders(row.headers)
    const text = redoneText(row, headers[TEXT_SOURCE_HEADER] === 'html')
    if (text !== row.body_text) changed++
    headers[TEXT_FORM_HEADER] = TEXT_FORM
    setMessageText(dbh.sqlite, row.id, text, JSON.stringify(headers))
  }
  return changed
}

export function staleTextCount(dbh: DbHandle, accountId: number | null): number {
  return countStaleTexts(dbh.sqlite, accountId, TEXT_FORM_HEADER, TEXT_FORM)
}

export async function rebuildPairTexts(
  dbh: DbHandle,
  accountIds: readonly number[],
  options: { onProgress?: (p: RebuildPairsProgress) => void; signal?: AbortSignal } = {},
): Promise<RebuildPairsResult> {
  const work = accountIds.map((accountId) => ({
    accountId,
    threads: accountThreadIds(dbh.sqlite, accountId),
  }))
  const total = work.reduce((n, w) => n + w.threads.length, 0)
  const result: RebuildPairsResult = {
    threads: 0,
    messageTextsChanged: 0,
    pairsCreated: 0,
    pairsUpdated: 0,
    reviewedUpdated: 0,
    pairsDeleted: 0,
  }
  options.onProgress?.({ done: 0, total })
  for (const { accountId, threads } of work) {
    for (let start = 0; start < threads.length; start += THREADS_PER_COMMIT) {
      if (options.signal?.aborted) {
        throw new AppError('cancelled', 'Rebuild cancelled; what was rebuilt is kept.')
      }
      const ctx: RebuildContext = {
        sqlite: dbh.sqlite,
        accountId,
        nowIso: new Date().toISOString(),
        cleaned: new Map(),
        detect: detectLanguage,
        refreshReviewed: true,
      }
      dbh.write(() => {
        for (const threadId of threads.slice(start, start + THREADS_PER_COMMIT)) {
          result.messageTextsChanged += redoThreadTexts(dbh, accountId, threadId)
          const r = rebuildThread(ctx, threadId)
          result.pairsCreated += r.created
          result.pairsUpdated += r.updated
          result.reviewedUpdated += r.reviewedUpdated
          result.pairsDeleted += r.deleted
          result.threads++
        }
      })
      options.onProgress?.({ done: result.threads, total })
      // Let IPC, the UI's reads and a running sync in between commits.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return result
}
