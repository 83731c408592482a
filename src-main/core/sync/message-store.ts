// What sync does to stored messages beyond the upsert: label updates from history (which may
// turn a message's direction), and removal of messages that left Gmail. A message referenced
// by a reviewed pair is kept as a tombstone (deleted_at) and the pair is marked orphaned: sync
// never destroys a reviewer's work. Call these inside DbHandle.write.
import type { Sqlite } from '../../db/connection'
import {
  deleteMessage,
  liveExternalIds,
  liveExternalIdsSince,
  liveLabelRow,
  messageByExternalId,
  setMessageLabels,
  tombstoneMessage,
} from '../../db/queries/messages-sync'
import { orphanPair, reviewedPairRefs } from '../../db/queries/pairs-sync'
import { directionOf } from '../pairs/direction'

export { upsertMessage, type UpsertOutcome } from '../../db/queries/messages-sync'
export {
  TEXT_SOURCE_HEADER,
  cleaningSource,
  messageInputFrom,
  textSource,
  type GmailMeta,
  type MessageInput,
} from './message-row'

/** Which of these Gmail ids are stored (tombstones excluded: those are fetched again). */
export const storedIds = liveExternalIds

export interface LabelOutcome {
  threadId: string
  changed: boolean
  directionChanged: boolean
}

/** Applies labels from history to a stored message; null when it is not stored. */
export function updateLabels(
  sqlite: Sqlite,
  accountId: number,
  externalId: string,
  labels: string[],
  own: ReadonlySet<string>,
): LabelOutcome | null {
  const row = liveLabelRow(sqlite, accountId, externalId)
  if (!row) return null
  const json = JSON.stringify(labels)
  const direction = directionOf(row.from_address, labels, own)
  if (json === row.labels && direction === row.direction) {
    return { threadId: row.thread_id, changed: false, directionChanged: false }
  }
  setMessageLabels(sqlite, row.id, json, direction)
  return { threadId: row.thread_id, changed: true, directionChanged: direction !== row.direction }
}

export interface RemoveOutcome {
  deleted: number
  tombstoned: number
  threads: Set<string>
}

/**
 * Removes messages that left Gmail (deleted, or moved to SPAM or TRASH). Messages a reviewed
 * pair refers to (as client, reply or any message of its client turn) stay as tombstones and
 * those pairs get orphaned_at; pairs nobody reviewed go (by cascade or by the thread rebuild).
 */
export function removeMessages(
  sqlite: Sqlite,
  accountId: number,
  externalIds: Iterable<string>,
  nowIso: string,
): RemoveOutcome {
  const out: RemoveOutcome = { deleted: 0, tombstoned: 0, threads: new Set() }
  for (const externalId of externalIds) {
    const row = messageByExternalId(sqlite, accountId, externalId)
    if (!row || row.deleted_at !== null) continue
    out.threads.add(row.thread_id)
    const hits = reviewedPairRefs(sqlite, accountId, row.thread_id).filter((p) =>
      (JSON.parse(p.refs) as number[]).includes(row.id),
    )
    if (hits.length > 0) {
      tombstoneMessage(sqlite, row.id, nowIso)
      for (const p of hits) orphanPair(sqlite, p.id, nowIso)
      out.tombstoned++
    } else {
      deleteMessage(sqlite, row.id)
      out.deleted++
    }
  }
  return out
}

/** Messages still stored from a window that a complete listing did not return. */
export function unseenSince(
  sqlite: Sqlite,
  accountId: number,
  sinceIso: string,
  seen: ReadonlySet<string>,
): string[] {
  return liveExternalIdsSince(sqlite, accountId, sinceIso).filter((id) => !seen.has(id))
}
