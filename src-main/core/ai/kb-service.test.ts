// The embeddings index and hybrid search through the dispatcher, against the fake OpenAI server:
// nothing sent with AI off, batched requests with the dimensions setting, redaction, progress,
// resume after a failure mid-run, retry-after honoured, removal on reject, search merging both
// retrievers, the full-text fallback saying why, and "no close match".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dispatch } from '../../api/dispatcher'
import type { KbEmbedResult, KbEstimate, KbProgress, KbSearchResult, KbStatus } from '@contract'
import type { Core } from '../core'
import { seedAccounts, seedPair, seedPairs } from '../../../tests/helpers/seed-pairs'
import { apiCalls, dispatcherOf } from '../../../tests/helpers/api-calls'
import { startKbCore } from '../../../tests/helpers/kb-core'
import { tempDir } from '../../../tests/helpers/temp'
import { startFakeOpenAI, type FakeOpenAI } from '../../../tests/fakes/fake-openai/server'

const tmp = tempDir()
let fake: FakeOpenAI
let core: Core
let dispatch: Dispatch
const progress: KbProgress[] = []
const ids = {} as Record<'delivery' | 'privacy' | 'newPair', number>
/** Approved pairs not orphaned (the seed orphans a few): what the index should hold. */
let N = 0

const { call, value } = apiCalls(() => dispatch)
type EmbedBody = { model: string; input: string[]; dimensions: number }
const embedBodies = (): EmbedBody[] =>
  fake.requests.filter((r) => r.path === '/v1/embeddings').map((r) => r.body as EmbedBody)

beforeAll(async () => {
  fake = await startFakeOpenAI()
  // The key is stored; AI stays off until the first test has seen nothing sent.
  core = await startKbCore({
    dataDir: tmp.dir,
    openai: fake,
    env: { REPLYBASE_OPENAI_MAX_RETRIES: '0' },
    aiEnabled: false,
  })
  dispatch = dispatcherOf(core)
  core.events.subscribe((event, payload) => {
    if (event === 'kb.progress') progress.push(payload as KbProgress)
  })
  seedPairs(core.dbh, 230, { seed: 7, status: 'approved' })
  const [a] = seedAccounts(core.dbh, ['support@shop.example'])
  ids.delivery = seedPair(core.dbh, {
    accountId: a!,
    status: 'approved',
    language: 'ru',
    client: 'Курьерская доставка посылки задерживается, где моя посылка?',
    reply: 'Посылка у курьера, будет завтра.',
  })
  ids.privacy = seedPair(core.dbh, {
    accountId: a!,
    status: 'approved',
    language: 'en',
    client: 'Please call me back at +1 415 555 2671 or write to jane.doe@example.org',
    reply: 'We will call you today.',
  })
  ids.newPair = seedPair(core.dbh, {
    accountId: a!,
    status: 'new',
    language: 'en',
    client: 'Is the warranty transferable to a new owner?',
    reply: 'Yes, it is.',
  })
  N = (
    core.dbh.sqlite
      .prepare(
        `SELECT count(*) AS n FROM training_pairs WHERE status = 'approved' AND orphaned_at IS NULL`,
      )
      .get() as { n: number }
  ).n
  expect(N).toBeGreaterThan(200)
  expect(N).toBeLessThan(300)
})
afterAll(async () => {
  await core?.close()
  await fake?.close()
  tmp.cleanup()
})

describe('the embeddings index', () => {
  it('sends nothing while AI is off; search is full text and says why', async () => {
    expect(await value<KbStatus>('kb.status')).toMatchObject({
      model: 'text-embedding-3-small',
      dimensions: 512,
      approved: N,
      embedded: 0,
      pending: N,
      vectorSearch: true,
    })
    expect(await call('kb.embed')).toMatchObject({ ok: false, error: { code: 'ai_disabled' } })
    // What the first run would send is counted locally, AI on or off.
    const estimate = await value<KbEstimate>('kb.estimate')
    expect(estimate).toMatchObject({ model: 'text-embedding-3-small', pairs: N })
    expect(estimate.tokens).toBeGreaterThan(N * 5)
    expect(estimate.estimatedUsd).toBeCloseTo((estimate.tokens / 1e6) * 0.02, 10)
    const r = await value<KbSearchResult>('kb.search', { text: 'где моя посылка' })
    expect(r).toMatchObject({ mode: 'fulltext', fallback: 'ai_off' })
    expect(r.hits[0]!.id).toBe(ids.delivery)
    expect(fake.requests).toEqual([])
  })

  it('embeds in batches, commits each, and resumes after a failure mid-run', async () => {
    await value('settings.update', { aiEnabled: true })
    // The provider drops off after the first batch.
    const stop = core.events.subscribe((event) => {
      if (event === 'kb.progress') fake.set({ mode: 'server_error' })
    })
    expect(await call('kb.embed')).toMatchObject({
      ok: false,
      error: { code: 'openai_server_error' },
    })
    stop()
    expect(await value<KbStatus>('kb.status')).toMatchObject({ embedded: 100, pending: N - 100 })
    fake.set({ mode: 'ok' })
    fake.requests.length = 0
    const done = await value<KbEmbedResult>('kb.embed')
    expect(done).toMatchObject({ embedded: N - 100, requests: 2 })
    expect(done.status).toMatchObject({ embedded: N, pending: 0, vectorBytes: N * 512 * 4 })
    const bodies = embedBodies()
    expect(bodies.map((b) => b.input.length)).toEqual([100, N - 200])
    expect(bodies.every((b) => b.model === 'text-embedding-3-small' && b.dimensions === 512)).toBe(
      true,
    )
    expect(progress.at(-1)).toEqual({ embedded: N - 100, total: N - 100 })
    // Redacted before it left: the stored pair keeps its text.
    const sent = JSON.stringify(bodies)
    expect(sent).not.toMatch(/jane\.doe|555 2671/)
    expect(sent).toContain('[email]')
  })

  it('is incremental: an approved pair is added, a rejected one removed', async () => {
    await value('pairs.setStatus', { ids: [ids.newPair], status: 'approved' })
    expect(await value<KbStatus>('kb.status')).toMatchObject({ embedded: N, pending: 1 })
    fake.requests.length = 0
    expect(await value<KbEmbedResult>('kb.embed')).toMatchObject({ embedded: 1, requests: 1 })
    expect(embedBodies()[0]!.input).toEqual(['Is the warranty transferable to a new owner?'])
    await value('pairs.setStatus', { ids: [ids.newPair], status: 'rejected' })
    expect(await value<KbStatus>('kb.status')).toMatchObject({ embedded: N, pending: 0 })
    fake.requests.length = 0
    expect(await value<KbEmbedResult>('kb.embed')).toMatchObject({ embedded: 0, requests: 0 })
    expect(fake.requests).toEqual([])
  })

  it('waits what retry-after asks on a 429, then goes on', async () => {
    await value('pairs.setStatus', { ids: [ids.newPair], status: 'approved' })
    fake.set({ mode: 'rate_limited', retryAfterSeconds: 1, sdkRetries: true })
    const retrying = await startKbCore({
      dataDir: tmp.dir,
      openai: fake,
      env: { REPLYBASE_OPENAI_MAX_RETRIES: '2' },
    })
    try {
      setTimeout(() => fake.set({ mode: 'ok' }), 200)
      const started = Date.now()
      expect(await retrying.kb.embed()).toMatchObject({ embedded: 1 })
      // One 429 answered "retry after 1 s": the retry came no sooner.
      expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    } finally {
      fake.set({ mode: 'ok', sdkRetries: false })
      await retrying.close()
    }
  })
})

describe('hybrid search', () => {
  it('merges full text and vector neighbours, and marks which retriever found each', async () => {
    const r = await value<KbSearchResult>('kb.search', {
      text: 'Курьерская доставка посылки задерживается',
      k: 5,
    })
    expect(r).toMatchObject({ mode: 'hybrid', fallback: null, noCloseMatch: false })
    expect(r.hits[0]).toMatchObject({ id: ids.delivery, retrievers: ['fulltext', 'vector'] })
    expect(r.hits[0]!.similarity).toBeGreaterThan(0.8)
    // A misspelt query no stem matches is still found by its vector.
    const typo = await value<KbSearchResult>('kb.search', {
      text: 'Курьеррская доставкка посылкки',
    })
    expect(typo.hits.find((h) => h.id === ids.delivery)?.retrievers).toEqual(['vector'])
  })

  it('falls back to full text offline, and answers "no close match" to noise', async () => {
    fake.set({ mode: 'offline' })
    try {
      const r = await value<KbSearchResult>('kb.search', { text: 'где моя посылка' })
      expect(r).toMatchObject({ mode: 'fulltext', fallback: 'offline' })
      expect(r.hits[0]!.id).toBe(ids.delivery)
    } finally {
      fake.set({ mode: 'ok' })
    }
    expect(await value<KbSearchResult>('kb.search', { text: 'qzx vvk' })).toMatchObject({
      mode: 'hybrid',
      hits: [],
      noCloseMatch: true,
    })
  })

  it('drafts draw on vector neighbours too: a misspelt message still finds its source', async () => {
    const draft = await value<{ examples: Array<{ id: number }> }>('ai.draft', {
      text: 'Курьеррская доставкка посылкки',
    })
    expect(draft.examples.map((e) => e.id)).toContain(ids.delivery)
    // Full text alone finds nothing to draft from.
    expect(
      await value<unknown[]>('ai.similar', { text: 'Курьеррская доставкка посылкки' }),
    ).toEqual([])
  })

  it('a new model or size builds a new index while the old one keeps answering, then replaces it', async () => {
    const { approved } = await value<KbStatus>('kb.status')
    await value('settings.update', { embeddingDimensions: 256 })
    expect(await value<KbStatus>('kb.status')).toMatchObject({
      dimensions: 256,
      embedded: 0,
      pending: approved,
      serving: { model: 'text-embedding-3-small', dimensions: 512, embedded: approved },
    })
    // Search stays hybrid, the query embedded by the model and size of the serving index.
    const before = await value<KbSearchResult>('kb.search', { text: 'посылка задерживается' })
    expect(before).toMatchObject({ mode: 'hybrid', fallback: null })
    expect(before.hits.map((h) => h.id)).toContain(ids.delivery)
    expect(embedBodies().at(-1)).toMatchObject({ dimensions: 512 })

    await value<KbEmbedResult>('kb.embed')
    expect(await value<KbStatus>('kb.status')).toMatchObject({
      dimensions: 256,
      embedded: approved,
      pending: 0,
      serving: null,
    })
    // The old vectors are gone once the new index is complete.
    const sizes = core.dbh.sqlite
      .prepare('SELECT DISTINCT dimensions FROM pair_embeddings')
      .all() as Array<{ dimensions: number }>
    expect(sizes).toEqual([{ dimensions: 256 }])
    await value<KbSearchResult>('kb.search', { text: 'посылка задерживается' })
    expect(embedBodies().at(-1)).toMatchObject({ dimensions: 256 })
  })
})
