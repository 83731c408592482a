// Fetches messages (format=raw) concurrently under the account's limiter, decodes each one and
// prepares its row and cleaned text, outside any transaction. Attachment bodies are never
// fetched: raw carries them inline and parse-mail keeps only their metadata.
import { batchSizeFor } from '../gmail/batch-format'
import { batchFetch } from './gmail-batch'
import { getRawMessage } from '../gmail/gmail-calls'
import { isHidden } from './hidden-labels'
import type { PreparedMessage } from './message-prepare'
import type { MessageInput } from './message-store'
import type { RunContext } from './sync-types'

export { HIDDEN_LABELS, isHidden } from './hidden-labels'

export interface FetchedMessage {
  input: MessageInput
  /** Cleaned own words; undefined for machine mail and failed parses (no pair uses them). */
  cleaned?: string
}

export interface FetchOutcome {
  messages: FetchedMessage[]
  /** Gone before messages.get, or hidden by the time we got it: remove if stored. */
  gone: string[]
}

/** Batches in flight at once: enough to overlap our decoding with Gmail's answering. */
const PARALLEL_BATCHES = 6

export interface FetchJob {
  /** Everything, in the order of `ids`; rejects with the failure that stops the run. */
  done: Promise<FetchOutcome>
  /** What has arrived so far: saved when a run stops early, so fetched mail is not lost. */
  partial(): FetchOutcome
}

/**
 * Fetches and prepares `ids` in batches; calls onEach after every message for progress.
 * `priority`: earlier pages go first when pages overlap (p-queue, higher first).
 */
export function startFetch(
  rc: RunContext,
  ids: readonly string[],
  options: { onEach?: () => void; priority?: number } = {},
): FetchJob {
  const slots: Array<FetchedMessage | null> = new Array<FetchedMessage | null>(ids.length).fill(
    null,
  )
  const gone: string[] = []
  let stopped = false
  const take = (i: number, got: { prepared: PreparedMessage | null } | null): void => {
    const id = ids[i]!
    if (got === null) {
      rc.counters.vanished++
      gone.push(id)
    } else {
      rc.counters.fetched++
      const p = got.prepared
      if (p === null) gone.push(id)
      else {
        if (p.parseFailed) rc.counters.parseFailed++
        slots[i] =
          p.cleaned === undefined ? { input: p.input } : { input: p.input, cleaned: p.cleaned }
      }
    }
    options.onEach?.()
  }
  const partial = (): FetchOutcome => ({
    messages: slots.filter((m): m is FetchedMessage => m !== null),
    gone: [...gone],
  })
  const calls =
    options.priority === undefined ? rc.calls : { ...rc.calls, priority: options.priority }
  const run = async (): Promise<void> => {
    if (rc.batch && ids.length > 0) {
      const batch = rc.batch
      let next = 0
      const worker = async (): Promise<void> => {
        while (next < ids.length && !stopped) {
          // The pace can drop during a run (rate limits): a batch never outgrows its window.
          const size = Math.max(
            1,
            Math.min(rc.batchSize, batchSizeFor(rc.calls.limiter.windowUnits())),
          )
          const start = next
          next += size
          const chunk = ids.slice(start, start + size)
          const got = await batchFetch(calls, batch, chunk)
          for (let k = 0; k < chunk.length; k++) take(start + k, got.get(chunk[k]!) ?? null)
        }
      }
      const workers = Math.min(PARALLEL_BATCHES, Math.ceil(ids.length / Math.max(1, rc.batchSize)))
      await Promise.all(Array.from({ length: workers }, worker))
      return
    }
    await Promise.all(
      ids.map(async (id, i) => {
        const raw = await getRawMessage(calls, id)
        if (raw === null || isHidden(raw.labelIds))
          return take(i, raw === null ? null : { prepared: null })
        take(i, { prepared: await rc.pool.prepare(raw, raw.raw, rc.own) })
      }),
    )
  }
  const done = run().then(
    () => partial(),
    (e: unknown) => {
      stopped = true
      throw e
    },
  )
  return { done, partial }
}
