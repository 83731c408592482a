// The pacer's arithmetic on a fake clock: the limit learned from headers, waits until the
// oldest tokens leave the window, tokens spent by another program counted, batch budgets.
import { describe, expect, it } from 'vitest'
import { createTokenPacer } from './token-pacer'

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null })

function pacerAt() {
  const clock = { t: 0 }
  const pacer = createTokenPacer({
    windowMs: 60_000,
    inputs: 100,
    maxInputs: 2048,
    maxTokens: 300_000,
    now: () => clock.t,
  })
  return { clock, pacer }
}

describe('token pacer', () => {
  it('sends freely until the limit is known, then fills the window and waits for room', () => {
    const { clock, pacer } = pacerAt()
    expect(pacer.budget()).toEqual({ inputs: 100, tokens: 300_000 })
    expect(pacer.delayFor(5000)).toBe(0)
    pacer.admitted(400, headers({ 'x-ratelimit-limit-tokens': '1000' }))
    // A tenth of the limit per request, in as many inputs as it takes.
    expect(pacer.budget()).toEqual({ inputs: 2048, tokens: 100 })
    clock.t = 10_000
    pacer.admitted(500, headers({ 'x-ratelimit-limit-tokens': '1000' }))
    expect(pacer.used()).toBe(900)
    expect(pacer.delayFor(100)).toBe(0)
    // 200 more fit once the 400 sent at 0 have left the window.
    clock.t = 20_000
    expect(pacer.delayFor(200)).toBe(40_000)
    // 600 need the 500 of t=10 s gone too.
    expect(pacer.delayFor(600)).toBe(50_000)
    expect(pacer.delayFor(1001)).toBe(Infinity)
    clock.t = 60_000
    expect(pacer.used()).toBe(500)
    expect(pacer.delayFor(500)).toBe(0)
  })

  it('counts what another program spent when the provider says less remains', () => {
    const { pacer } = pacerAt()
    pacer.admitted(
      100,
      headers({ 'x-ratelimit-limit-tokens': '1000', 'x-ratelimit-remaining-tokens': '300' }),
    )
    expect(pacer.used()).toBe(700)
    // More remaining than we count (a provider that refills continuously) changes nothing.
    pacer.admitted(
      100,
      headers({ 'x-ratelimit-limit-tokens': '1000', 'x-ratelimit-remaining-tokens': '900' }),
    )
    expect(pacer.used()).toBe(800)
  })

  it('learns the limit from a refusal, and paces nothing for a provider without headers', () => {
    const { pacer } = pacerAt()
    pacer.refused(headers({ 'x-ratelimit-limit-tokens': '40000' }))
    expect(pacer.limit()).toBe(40_000)
    expect(pacer.budget().tokens).toBe(4000)
    const other = pacerAt().pacer
    other.admitted(10_000_000, headers({}))
    expect(other.limit()).toBeNull()
    expect(other.delayFor(10_000_000)).toBe(0)
  })
})
