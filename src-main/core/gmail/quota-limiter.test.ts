import { describe, expect, it } from 'vitest'
import { createQuotaLimiter, unitsPerSecondFrom } from './quota-limiter'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('unitsPerSecondFrom', () => {
  it('takes the environment over the stored value, 0 meaning no pacing, default 250', () => {
    expect(unitsPerSecondFrom({})).toBe(250)
    expect(unitsPerSecondFrom({}, 100)).toBe(100)
    expect(unitsPerSecondFrom({ REPLYBASE_GMAIL_UNITS_PER_SECOND: '0' }, 100)).toBe(0)
    expect(unitsPerSecondFrom({ REPLYBASE_GMAIL_UNITS_PER_SECOND: '1000' })).toBe(1000)
    expect(unitsPerSecondFrom({ REPLYBASE_GMAIL_UNITS_PER_SECOND: 'lots' })).toBe(250)
  })
})

describe('createQuotaLimiter', () => {
  it('keeps every 1 s window under the budget and the calls in flight under the cap', async () => {
    const limiter = createQuotaLimiter({ unitsPerSecond: 400, concurrency: 4 })
    const starts: number[] = []
    let inFlight = 0
    let peak = 0
    const t0 = Date.now()
    await Promise.all(
      Array.from({ length: 120 }, () =>
        limiter.run(5, async () => {
          starts.push(Date.now() - t0)
          peak = Math.max(peak, ++inFlight)
          await sleep(2)
          inFlight--
        }),
      ),
    )
    expect(peak).toBeLessThanOrEqual(4)
    // 600 units at 388/s (3 % margin), 97 per quarter second: the last call cannot start
    // before ~1.25 s, and no window of a quarter second (or of a second) goes over, give or
    // take one call whose timer fired a few milliseconds late.
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(1200)
    for (const s of starts) {
      expect(starts.filter((x) => x >= s && x < s + 250).length * 5).toBeLessThanOrEqual(97 + 5)
      expect(starts.filter((x) => x >= s && x < s + 1000).length * 5).toBeLessThanOrEqual(388 + 5)
    }
    expect(limiter.windowUnits()).toBe(97)
  })

  it('0 units per second runs unpaced', async () => {
    const limiter = createQuotaLimiter({ unitsPerSecond: 0, concurrency: 50 })
    const t0 = Date.now()
    await Promise.all(Array.from({ length: 200 }, () => limiter.run(5, async () => undefined)))
    expect(Date.now() - t0).toBeLessThan(200)
    expect(limiter.rate()).toBe(0)
  })

  it('a rate-limit answer holds every call until the named time and lowers the pace', async () => {
    const limiter = createQuotaLimiter({ unitsPerSecond: 1000, concurrency: 8 })
    const before = limiter.rate()
    const until = Date.now() + 150
    limiter.backOff(until)
    expect(limiter.rate()).toBeLessThan(before)
    const started = await limiter.run(5, async () => Date.now())
    expect(started).toBeGreaterThanOrEqual(until - 2)
  })

  it('an aborted signal rejects waiting calls with cancelled', async () => {
    const limiter = createQuotaLimiter({ unitsPerSecond: 0, concurrency: 1 })
    const controller = new AbortController()
    const blocker = limiter.run(1, () => sleep(50), controller.signal)
    const waiting = limiter.run(1, async () => 'ran', controller.signal)
    controller.abort()
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' })
    await blocker.catch(() => undefined)
  })
})
