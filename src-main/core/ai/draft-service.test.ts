// Drafts as the Drafts page and the CLI get them, through the dispatcher against the fake
// OpenAI server: the words arrive while the model is still writing, each draft is stored with
// its sources, model and token counts, the person's thumbs stay with it and count for the
// pairs it cited, and a synced message can be named by its id here or Gmail's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dispatch } from '../../api/dispatcher'
import type { AppEvents, DraftRecord, DraftResult, PairCitations } from '@contract'
import type { Core } from '../core'
import { seedAccounts, seedPair } from '../../../tests/helpers/seed-pairs'
import { startKbCore } from '../../../tests/helpers/kb-core'
import { apiCalls, dispatcherOf } from '../../../tests/helpers/api-calls'
import { tempDir } from '../../../tests/helpers/temp'
import { startFakeOpenAI, type FakeOpenAI } from '../../../tests/fakes/fake-openai/server'

const tmp = tempDir()
let fake: FakeOpenAI
let core: Core
let dispatch: Dispatch
let accountId: number
const pairs = {} as Record<'delivery' | 'refund', number>

const { value } = apiCalls(() => dispatch)

beforeAll(async () => {
  fake = await startFakeOpenAI()
  core = await startKbCore({ dataDir: tmp.dir, openai: fake })
  dispatch = dispatcherOf(core)
  accountId = seedAccounts(core.dbh, ['support@shop.example'])[0]!
  pairs.delivery = seedPair(core.dbh, {
    accountId,
    status: 'approved',
    language: 'ru',
    client: 'Где мой заказ? Доставка задерживается.',
    reply: 'Ваш заказ передан курьеру, доставка завтра.',
  })
  pairs.refund = seedPair(core.dbh, {
    accountId,
    status: 'approved',
    language: 'ru',
    client: 'Заказ не пришёл, доставка сорвана, верните деньги.',
    reply: 'Оформили возврат денег на карту в течение трёх дней.',
  })
})
afterAll(async () => {
  await core?.close()
  await fake?.close()
  tmp.cleanup()
})

function collect(): { events: Array<[string, unknown, number]>; stop: () => void } {
  const events: Array<[string, unknown, number]> = []
  const stop = core.events.subscribe((name, payload) => {
    if (name.startsWith('ai.draft.')) events.push([name, payload, performance.now()])
  })
  return { events, stop }
}

describe('streamed drafts', () => {
  it('shows the sources and the first words before the model has finished writing', async () => {
    const words = Array.from({ length: 12 }, (_, i) => `слово${i}`).join(' ')
    fake.set({ reply: () => `Здравствуйте! ${words}`, firstTokenDelayMs: 40, tokenIntervalMs: 60 })
    const { events, stop } = collect()
    const started = performance.now()
    const draft = await value<DraftResult>('ai.draft', {
      text: 'Где мой заказ? Доставка опять задерживается.',
      streamId: 's-1',
    })
    const done = performance.now()
    stop()
    fake.set({ reply: undefined, firstTokenDelayMs: 0, tokenIntervalMs: 0 })

    const [first, ...rest] = events
    expect(first?.[0]).toBe('ai.draft.sources')
    const sources = first?.[1] as AppEvents['ai.draft.sources']
    expect(sources.streamId).toBe('s-1')
    expect(sources.language).toBe('ru')
    expect(sources.examples.map((e) => e.id)).toEqual(draft.examples.map((e) => e.id))

    const deltas = rest.filter(([n]) => n === 'ai.draft.delta')
    // The first words came long before the whole answer (12 words × 60 ms after them).
    expect(deltas[0]![2] - started).toBeLessThan(done - started - 300)
    expect((deltas[0]![1] as AppEvents['ai.draft.delta']).text).toMatch(/^Здравствуйте!/)
    // Each event carries the text so far; the last is the whole draft.
    const texts = deltas.map(([, p]) => (p as AppEvents['ai.draft.delta']).text)
    expect(texts.length).toBeGreaterThan(2)
    texts.slice(1).forEach((t, i) => expect(t.startsWith(texts[i]!)).toBe(true))
    expect(texts.at(-1)).toBe(draft.text)
    expect(draft.firstTokenMs).toBeGreaterThanOrEqual(40)
    expect(draft.usage).toEqual({ promptTokens: 100, completionTokens: 20 })
  })

  it('sends no events without a stream id, and asks the provider to stream with usage', async () => {
    const { events, stop } = collect()
    await value<DraftResult>('ai.draft', { text: 'Где мой заказ?' })
    stop()
    expect(events).toEqual([])
    const body = fake.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('a provider failure mid-way is named by its code and stores nothing', async () => {
    const before = await value<DraftRecord[]>('ai.drafts')
    fake.set({ mode: 'server_error' })
    const r = await dispatch('ai.draft', { text: 'Где мой заказ?', streamId: 's-2' })
    fake.set({ mode: 'ok' })
    expect(r).toMatchObject({ ok: false, error: { code: 'openai_server_error' } })
    expect(await value<DraftRecord[]>('ai.drafts')).toEqual(before)
  })
})

describe('stored drafts', () => {
  it('keeps each draft with its text, sources, model and tokens, newest first', async () => {
    const a = await value<DraftResult>('ai.draft', { text: 'Доставка задерживается, где заказ?' })
    const b = await value<DraftResult>('ai.draft', { text: 'Верните деньги, заказ не пришёл.' })
    const listed = await value<DraftRecord[]>('ai.drafts', { limit: 2 })
    expect(listed.map((d) => d.id)).toEqual([b.id, a.id])
    expect(listed[1]).toMatchObject({
      origin: 'text',
      clientText: 'Доставка задерживается, где заказ?',
      text: a.text,
      model: a.model,
      language: 'ru',
      usage: { promptTokens: 100, completionTokens: 20 },
      feedback: null,
      sourceIds: a.examples.map((e) => e.id),
    })
  })

  it('keeps the thumbs up or down, which counts for every pair the draft cited', async () => {
    const d = await value<DraftResult>('ai.draft', { text: 'Где заказ? Доставка.' })
    expect(d.examples.map((e) => e.id)).toContain(pairs.delivery)
    const before = await value<PairCitations>('ai.pairCitations', { pairId: pairs.delivery })

    expect(
      await value<DraftRecord>('ai.draftFeedback', { id: d.id, feedback: 'up' }),
    ).toMatchObject({ id: d.id, feedback: 'up' })
    expect(await value<PairCitations>('ai.pairCitations', { pairId: pairs.delivery })).toEqual({
      drafts: before.drafts,
      up: before.up + 1,
      down: before.down,
    })
    await value('ai.draftFeedback', { id: d.id, feedback: 'down' })
    await value('ai.draftFeedback', { id: d.id, feedback: null })
    expect(await value<PairCitations>('ai.pairCitations', { pairId: pairs.delivery })).toEqual(
      before,
    )
    expect(await dispatch('ai.draftFeedback', { id: 999_999, feedback: 'up' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('a draft outlives a purged source pair, which simply drops from its sources', async () => {
    const gone = seedPair(core.dbh, {
      accountId,
      status: 'approved',
      language: 'ru',
      client: 'Посылка потерялась, доставка не пришла, где заказ?',
      reply: 'Нашли посылку, доставка сегодня.',
    })
    const d = await value<DraftResult>('ai.draft', { text: 'Где заказ? Посылка потерялась.' })
    expect(d.examples.map((e) => e.id)).toContain(gone)
    core.dbh.sqlite.prepare('DELETE FROM training_pairs WHERE id = ?').run(gone)
    const stored = (await value<DraftRecord[]>('ai.drafts')).find((x) => x.id === d.id)
    expect(stored?.text).toBe(d.text)
    expect(stored?.sourceIds).toEqual(d.examples.map((e) => e.id).filter((id) => id !== gone))
  })
})

describe('drafting for a synced message', () => {
  it('answers the message named by its id or by Gmail id, cleaned of quoted history', async () => {
    const messageId = Number(
      core.dbh.sqlite
        .prepare(
          `INSERT INTO messages (account_id, external_id, thread_id, direction, from_address,
             subject, body_text, sent_at)
           VALUES (?, '18c2f0a9b7e4d3c1', 't-wait', 'incoming', 'ivan@client.example', 'Заказ',
             ?, '2026-12-01T10:00:00.000Z')`,
        )
        .run(
          accountId,
          'Где мой заказ? Доставка задерживается.\n\nOn Mon, 1 Dec 2026, Support <support@shop.example> wrote:\n> Старый ответ',
        ).lastInsertRowid,
    )
    const byGmail = await value<DraftResult>('ai.draft', { gmailMessageId: '18c2f0a9b7e4d3c1' })
    const byId = await value<DraftResult>('ai.draft', { messageId })
    const sent = fake.requests
      .filter((r) => r.path === '/v1/chat/completions')
      .slice(-2)
      .map((r) => JSON.stringify(r.body))
    for (const body of sent) {
      expect(body).toContain('Где мой заказ?')
      expect(body).not.toContain('Старый ответ')
    }
    const listed = await value<DraftRecord[]>('ai.drafts', { limit: 2 })
    expect(listed.map((d) => [d.id, d.origin, d.messageId])).toEqual([
      [byId.id, 'message', messageId],
      [byGmail.id, 'message', messageId],
    ])
  })

  it('an unknown message is not_found; text and a message together are refused', async () => {
    expect(await dispatch('ai.draft', { gmailMessageId: 'ffffffffffff' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(await dispatch('ai.draft', { text: 'x', messageId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
  })
})
