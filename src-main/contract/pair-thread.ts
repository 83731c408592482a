// The thread around a pair under review: the messages that came before its client turn,
// cleaned as pair texts are, so a follow-up ("Tried again, same error.") can be judged.
import { z } from 'zod'
import { method, rowId } from './define'
import { pairFilters, type MarkRange } from './pairs'

/** Most earlier messages one pairs.thread answer holds (the latest ones). */
export const PAIR_THREAD_MAX = 50

export interface ThreadContextMessage {
  /** messages.id */
  id: number
  direction: 'incoming' | 'outgoing'
  fromName: string | null
  fromAddress: string | null
  sentAt: string
  /** The message's own words: quoted history, signatures and footers removed. */
  text: string
  /** When asked with a search (`q`): the words it matched in `text`, as pairs.get marks them. */
  marks?: MarkRange[]
}

export interface PairThreadContext {
  pairId: number
  /** The messages of the thread before the pair's client turn, oldest first. */
  messages: ThreadContextMessage[]
  /** Earlier messages left out because the thread is longer than PAIR_THREAD_MAX. */
  omitted: number
}

const pairsThreadInput = z
  .object({
    id: rowId,
    /** A search whose matches each message's `marks` give (the review list's `q`). */
    q: pairFilters.q,
  })
  .strict()

export const pairThreadContract = {
  /** not_found when the pair is gone. */
  'pairs.thread': method<typeof pairsThreadInput, PairThreadContext>(pairsThreadInput),
}
