// One Gmail call retried the way sync retries: rate limits, 5xx and network failures wait and
// try again (retry-policy's backoff, honouring Retry-After); anything else fails at once. For
// calls a person is waiting on (connecting an account), the total wait has a ceiling.
import { classifyFailure, nextDelay } from './retry-policy'

export interface RetryOptions {
  /** Give up rather than wait past this much in total (default 30 s). */
  maxWaitMs?: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export async function withRetries<T>(call: () => Promise<T>, o: RetryOptions = {}): Promise<T> {
  const sleep = o.sleep ?? realSleep
  const now = o.now ?? Date.now
  const maxWait = o.maxWaitMs ?? 30_000
  let waited = 0
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (e) {
      const delay = nextDelay(classifyFailure(e, now()), attempt, now())
      if (delay === null || waited + delay > maxWait) throw e
      waited += delay
      await sleep(delay)
    }
  }
}
