// "Rebuild pairs": the stored mail decoded and cleaned again by the current rules, without
// downloading it, so an existing knowledge base gets the new texts.
import { z } from 'zod'
import { method, noInput, rowId, type NoInput } from './define'

export interface RebuildPairsStatus {
  /** Stored messages whose text an older version made: a rebuild redoes them. */
  staleMessages: number
  /** A rebuild is running in this process. */
  running: boolean
}

export interface RebuildPairsProgress {
  /** Threads rebuilt so far, of total. */
  done: number
  total: number
}

export interface RebuildPairsResult {
  threads: number
  /** Stored message texts that came out different. */
  messageTextsChanged: number
  pairsCreated: number
  /** Unreviewed pairs whose texts or language changed. */
  pairsUpdated: number
  /** Reviewed pairs given new machine texts; their status and edits stayed. */
  reviewedUpdated: number
  pairsDeleted: number
}

const rebuildInput = z.object({ accountId: rowId.optional() }).strict()

export const rebuildContract = {
  'pairs.rebuildStatus': method<typeof rebuildInput, RebuildPairsStatus>(rebuildInput),
  /** Redoes every thread of the account (or all accounts), committing as it goes; progress as
   * pairs.rebuild.progress events. Errors: sync_in_progress (a sync or rebuild is running),
   * cancelled (pairs.rebuildCancel; what was rebuilt is kept). */
  'pairs.rebuild': method<typeof rebuildInput, RebuildPairsResult>(rebuildInput),
  'pairs.rebuildCancel': method<NoInput, { cancelled: boolean }>(noInput),
}
