// Client-side pacing of Gmail calls for one account: a concurrency cap (p-queue) and a weighted
// units-per-second throttle (p-throttle, strict sliding window) at a little under the per-user
// quota of 250 units/s, where messages.get costs 5 units
// (https://developers.google.com/gmail/api/reference/quota). Unbounded fan-out earns
// "429 Too many concurrent requests for user". When Gmail still answers with a rate limit, every
// call waits until the time it named and the pace drops (multiplicative decrease), creeping back
// up while calls go through (additive increase), so a smaller real quota is found quickly.
import PQueue from 'p-queue'
import pThrottle from 'p-throttle'
import { AppError } from '@contract/errors'

export const DEFAULT_UNITS_PER_SECOND = 250
export const DEFAULT_CONCURRENCY = 16
/** Pace this far under the budget: arrival jitter must not push a 1 s window over it. */
const PACING_MARGIN = 0.97
/** Pace in quarter-second windows: a second's budget spent as four even slices, not one burst
 * (Gmail also limits concurrent requests per user). Slow paces use whole seconds. */
const WINDOW_MS = 250
const MIN_RATE_FRACTION = 0.05
const DECREASE = 0.7
/** At most one decrease per this long: a burst of 429s is one signal, not twenty. */
const DECREASE_EVERY_MS = 1_000
/** Recovery per second of clean calls, as a fraction of the configured rate. */
const INCREASE_PER_SECOND = 0.05

export interface LimiterClock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled())
      const timer = setTimeout(done, Math.max(0, ms))
      function done(): void {
        signal?.removeEventListener('abort', abort)
        resolve()
      }
      function abort(): void {
        clearTimeout(timer)
        reject(cancelled())
      }
      signal?.addEventListener('abort', abort, { once: true })
    }),
}

export function cancelled(): AppError {
  return new AppError('cancelled', 'The sync was cancelled.')
}

export interface QuotaLimiterOptions {
  /** Per-user budget in quota units per second; 0 = no client-side pacing. */
  unitsPerSecond: number
  concurrency?: number
  clock?: LimiterClock
}

export interface QuotaLimiter {
  /** Runs fn once a concurrency slot and `cost` units are free (and no back-off is pending);
   * queued calls with a higher priority go first. */
  run<T>(cost: number, fn: () => Promise<T>, signal?: AbortSignal, priority?: number): Promise<T>
  /** Gmail said "rate limited": hold every call until `until` and slow down. */
  backOff(until: number): void
  /** Current pace in units/s (0 = unpaced). */
  rate(): number
  /** Units one pacing window admits (Infinity when unpaced): a batch must cost no more. */
  windowUnits(): number
  /** Calls waiting for a slot or running. */
  pending(): number
}

type Paced = (cost: number, fn: () => Promise<unknown>) => Promise<unknown>

/** The budget: REPLYBASE_GMAIL_UNITS_PER_SECOND overrides the stored value; default 250. */
export function unitsPerSecondFrom(env: NodeJS.ProcessEnv, stored?: number | null): number {
  const raw = env.REPLYBASE_GMAIL_UNITS_PER_SECOND?.trim()
  if (raw !== undefined && raw !== '') {
    const n = Number(raw)
    if (Number.isFinite(n) && n >= 0) return n
  }
  if (typeof stored === 'number' && Number.isFinite(stored) && stored >= 0) return stored
  return DEFAULT_UNITS_PER_SECOND
}

export function createQuotaLimiter(options: QuotaLimiterOptions): QuotaLimiter {
  const clock = options.clock ?? realClock
  const ceiling = options.unitsPerSecond > 0 ? options.unitsPerSecond * PACING_MARGIN : 0
  const queue = new PQueue({ concurrency: options.concurrency ?? DEFAULT_CONCURRENCY })
  let rate = ceiling
  let paced: Paced | null = null
  let pacedRate = 0
  let pausedUntil = 0
  let lastDecrease = -Infinity
  let lastIncrease = clock.now()

  const windowMs = (): number => (rate >= 100 ? WINDOW_MS : 1000)
  const windowUnits = (): number =>
    rate <= 0 ? Infinity : Math.max(1, Math.floor((rate * windowMs()) / 1000))

  function pacer(): Paced | null {
    if (rate <= 0) return null
    const limit = windowUnits()
    if (!paced || pacedRate !== limit) {
      // A new window at the new pace; calls already admitted by the old one run as planned.
      const throttle = pThrottle({
        limit,
        interval: windowMs(),
        strict: true,
        // A call dearer than a window still goes, alone in its window.
        weight: (cost: number) => Math.min(cost, limit),
      })
      paced = throttle((_cost: number, fn: () => Promise<unknown>) => fn())
      pacedRate = limit
    }
    return paced
  }

  function creep(): void {
    if (ceiling <= 0 || rate >= ceiling) return
    const now = clock.now()
    const elapsed = now - Math.max(lastIncrease, lastDecrease)
    if (elapsed < 1000) return
    rate = Math.min(ceiling, rate + (ceiling * INCREASE_PER_SECOND * elapsed) / 1000)
    lastIncrease = now
  }

  async function waitForGate(signal?: AbortSignal): Promise<void> {
    for (let now = clock.now(); now < pausedUntil; now = clock.now()) {
      await clock.sleep(pausedUntil - now, signal)
    }
    if (signal?.aborted) throw cancelled()
  }

  return {
    async run<T>(
      cost: number,
      fn: () => Promise<T>,
      signal?: AbortSignal,
      priority = 0,
    ): Promise<T> {
      if (signal?.aborted) throw cancelled()
      return queue
        .add(
          async () => {
            await waitForGate(signal)
            const p = pacer()
            const result = p ? ((await p(cost, fn)) as T) : await fn()
            creep()
            return result
          },
          { signal, priority },
        )
        .catch((e: unknown) => {
          // p-queue rejects a task removed by the signal with a DOMException AbortError.
          if (signal?.aborted) throw cancelled()
          throw e
        }) as Promise<T>
    },
    backOff(until) {
      pausedUntil = Math.max(pausedUntil, until)
      const now = clock.now()
      if (ceiling > 0 && now - lastDecrease >= DECREASE_EVERY_MS) {
        rate = Math.max(ceiling * MIN_RATE_FRACTION, rate * DECREASE)
        lastDecrease = now
      }
    },
    rate: () => rate,
    windowUnits,
    pending: () => queue.size + queue.pending,
  }
}
