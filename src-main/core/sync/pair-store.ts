// Rebuilds the training pairs of one thread from its stored messages, idempotently, inside the
// caller's write transaction. Pairs nobody reviewed follow the messages (inserted, refreshed,
// or removed when their turn no longer exists); a reviewed pair (approved, rejected, or with a
// reviewer's edits) is never rewritten or deleted by sync: when one of its messages is gone it
// gets orphaned_at instead, and loses it again if the message comes back.
import type { Sqlite } from '../../db/connection'
import { cleaningSource } from '../mail/cleaning-source'
import { cleanReplyText } from '../cleaning/clean-text'
import type { PairLanguage } from '../cleaning/detect-language'
import { buildThreadPairs, type SkipCounts, type ThreadMessage } from '../pairs/pair-builder'
import { machineMailReason } from '../pairs/skip-rules'
import {
  clearPairOrphan,
  deletePair,
  insertPair,
  messageBodies,
  orphanPair,
  refreshPair,
  threadMessageRows,
  threadPairRows,
  type ThreadPairRow as PairRow,
} from '../../db/queries/pairs-sync'
import { refreshReviewedPairTexts } from '../../db/queries/pairs-rebuild'

export interface RebuildContext {
  sqlite: Sqlite
  accountId: number
  nowIso: string
  /** Cleaned text per message id, shared across the rebuilds of one run. */
  cleaned: Map<number, string>
  detect(text: string): PairLanguage
  /**
   * "Rebuild pairs": reviewed pairs get new machine texts too (status and edits stay). Sync
   * never sets it, so what a reviewer saw does not change under them mid-review.
   */
  refreshReviewed?: boolean
}

export interface RebuildOutcome {
  created: number
  updated: number
  deleted: number
  orphaned: number
  /** Reviewed pairs given new machine texts (refreshReviewed only). */
  reviewedUpdated: number
  skipped: SkipCounts
}

function parseHeaders(raw: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(raw)
    return v && typeof v === 'object' ? (v as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/** The message's own words, cleaned; computed once per run per message. */
export function cleanedText(
  ctx: RebuildContext,
  id: number,
  headers: Record<string, string>,
): string {
  const hit = ctx.cleaned.get(id)
  if (hit !== undefined) return hit
  const body = messageBodies(ctx.sqlite, id)
  const text = cleanReplyText(cleaningSource(headers, body?.body_text, body?.body_html)).text
  ctx.cleaned.set(id, text)
  return text
}

const isReviewed = (p: PairRow): boolean =>
  p.status !== 'new' || p.client_text_edited !== null || p.reply_text_edited !== null

const refsOf = (p: PairRow): number[] => {
  let turn: number[] = []
  try {
    turn = JSON.parse(p.client_turn_ids) as number[]
  } catch {
    turn = []
  }
  return [...turn, p.client_message_id, p.reply_message_id]
}

export function rebuildThread(ctx: RebuildContext, threadId: string): RebuildOutcome {
  const { sqlite, accountId } = ctx
  const rows = threadMessageRows(sqlite, accountId, threadId)
  const live = new Set<number>()
  const thread: ThreadMessage[] = []
  for (const r of rows) {
    if (r.deleted_at !== null) continue
    live.add(r.id)
    const headers = parseHeaders(r.headers)
    const machine = machineMailReason(headers, r.from_address, r.direction)
    const skip = machine ?? (r.parse_status === 'failed' ? 'parse_failed' : null)
    thread.push({
      id: r.id,
      externalId: r.external_id,
      direction: r.direction,
      sentAt: r.sent_at,
      skip,
      text: skip === null ? cleanedText(ctx, r.id, headers) : '',
    })
  }
  const { pairs, skipped } = buildThreadPairs(thread, ctx.detect)
  const existing = threadPairRows(sqlite, accountId, threadId)
  const byKey = new Map(existing.map((p) => [`${p.client_message_id}:${p.reply_message_id}`, p]))
  const out: RebuildOutcome = {
    created: 0,
    updated: 0,
    deleted: 0,
    orphaned: 0,
    reviewedUpdated: 0,
    skipped,
  }
  const matched = new Set<number>()
  for (const c of pairs) {
    const e = byKey.get(`${c.clientMessageId}:${c.replyMessageId}`)
    if (!e) {
      insertPair(sqlite, accountId, threadId, c)
      out.created++
      continue
    }
    matched.add(e.id)
    if (isReviewed(e)) {
      if (e.orphaned_at !== null && refsOf(e).every((id) => live.has(id))) {
        clearPairOrphan(sqlite, e.id)
      }
      if (
        ctx.refreshReviewed &&
        (e.client_text !== c.clientText ||
          e.reply_text !== c.replyText ||
          e.language !== c.language)
      ) {
        refreshReviewedPairTexts(sqlite, e.id, c.clientText, c.replyText, c.language)
        out.reviewedUpdated++
      }
      continue
    }
    const turnIds = JSON.stringify(c.clientTurnIds)
    if (
      e.client_text !== c.clientText ||
      e.reply_text !== c.replyText ||
      e.language !== c.language ||
      e.client_turn_ids !== turnIds ||
      e.orphaned_at !== null
    ) {
      refreshPair(sqlite, e.id, c)
      out.updated++
    }
  }
  for (const e of existing) {
    if (matched.has(e.id)) continue
    if (!isReviewed(e)) {
      deletePair(sqlite, e.id)
      out.deleted++
    } else if (e.orphaned_at === null && !refsOf(e).every((id) => live.has(id))) {
      orphanPair(sqlite, e.id, ctx.nowIso)
      out.orphaned++
    }
  }
  return out
}
