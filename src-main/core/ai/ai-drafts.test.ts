// Drafts and the similar panel through the dispatcher, against the fake OpenAI server: nothing
// is sent while AI features are off, redaction of what is sent, the reply language pinned to
// the client's, the draft's sources, and similar pairs marked where their reply differs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dispatch } from '../../api/dispatcher'
import type { DraftResult, SimilarToPair, UnansweredMessage } from '@contract'
import type { Core } from '../core'
import { seedAccounts, seedPair } from '../../../tests/helpers/seed-pairs'
import { apiCalls, dispatcherOf } from '../../../tests/helpers/api-calls'
import { startKbCore } from '../../../tests/helpers/kb-core'
import { tempDir } from '../../../tests/helpers/temp'
import {
  FAKE_OPENAI_KEY,
  startFakeOpenAI,
  type FakeOpenAI,
} from '../../../tests/fakes/fake-openai/server'

const tmp = tempDir()
let fake: FakeOpenAI
let core: Core
let dispatch: Dispatch
const ids = {} as Record<'delivery' | 'deliveryOther' | 'refund' | 'review', number>

const { call, value } = apiCalls(() => dispatch)
type Body = { messages: Array<{ role: string; content: string }> }
const chatBodies = (): Body[] =>
  fake.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as Body)

beforeAll(async () => {
  fake = await startFakeOpenAI()
  // The key is stored; AI stays off until the tests have seen nothing sent.
  core = await startKbCore({ dataDir: tmp.dir, openai: fake, aiEnabled: false })
  dispatch = dispatcherOf(core)
  const [accountId] = seedAccounts(core.dbh, ['support@shop.example'])
  const a = accountId!
  ids.delivery = seedPair(core.dbh, {
    accountId: a,
    status: 'approved',
    language: 'ru',
    client: 'Где мой заказ? Доставка задерживается. Мой телефон +7 916 123-45-67.',
    reply: 'Ваш заказ передан курьеру, доставка завтра. Пишите на help@shop.example.',
  })
  ids.deliveryOther = seedPair(core.dbh, {
    accountId: a,
    status: 'approved',
    language: 'ru',
    client: 'Заказ не пришёл, доставка сорвана.',
    reply: 'Оформили возврат денег на карту в течение трёх дней.',
  })
  ids.refund = seedPair(core.dbh, {
    accountId: a,
    status: 'approved',
    language: 'en',
    client: 'Where is my order? The delivery is late.',
    reply: 'Your order is with the courier and arrives tomorrow.',
  })
  ids.review = seedPair(core.dbh, {
    accountId: a,
    status: 'new',
    language: 'ru',
    client: 'Где заказ? Доставка опять задерживается.',
    reply: 'Заказ передан курьеру, доставка завтра утром.',
  })
})
afterAll(async () => {
  await core?.close()
  await fake?.close()
  tmp.cleanup()
})

function insertMessage(
  accountId: number,
  m: { key: string; thread: string; direction: 'incoming' | 'outgoing'; body: string; at: string },
): number {
  return Number(
    core.dbh.sqlite
      .prepare(
        `INSERT INTO messages (account_id, external_id, thread_id, direction, from_address,
           from_name, subject, body_text, sent_at)
         VALUES (?, ?, ?, ?, 'ivan@client.example', 'Иван', 'Вопрос', ?, ?)`,
      )
      .run(accountId, m.key, m.thread, m.direction, m.body, m.at).lastInsertRowid,
  )
}

describe('unanswered client messages', () => {
  it('lists the latest client message of each thread with no reply after it, newest first, cleaned', async () => {
    const [a, b] = seedAccounts(core.dbh, ['support@shop.example', 'sales@shop.example'])
    const waiting = insertMessage(a!, {
      key: 'u1',
      thread: 'tu1',
      direction: 'incoming',
      body: 'Где мой заказ 555?\n\nOn Mon, 1 Dec 2026, Support <support@shop.example> wrote:\n> Старый ответ',
      at: '2026-12-01T10:00:00.000Z',
    })
    insertMessage(a!, {
      key: 'u2',
      thread: 'tu2',
      direction: 'incoming',
      body: 'Hello?',
      at: '2026-12-01T09:00:00.000Z',
    })
    insertMessage(a!, {
      key: 'u2r',
      thread: 'tu2',
      direction: 'outgoing',
      body: 'Hi!',
      at: '2026-12-01T09:30:00.000Z',
    })
    const again = insertMessage(a!, {
      key: 'u2b',
      thread: 'tu2',
      direction: 'incoming',
      body: 'Still broken.',
      at: '2026-12-01T11:00:00.000Z',
    })
    const other = insertMessage(b!, {
      key: 'u3',
      thread: 'tu3',
      direction: 'incoming',
      body: 'Price list, please.',
      at: '2026-12-01T08:00:00.000Z',
    })

    const all = await value<UnansweredMessage[]>('ai.unanswered')
    // Seeded pairs are answered threads: none of their client messages is listed.
    expect(all.map((m) => m.id)).toEqual([again, waiting, other])
    const ru = all.find((m) => m.id === waiting)!
    expect(ru).toMatchObject({
      language: 'ru',
      from: 'Иван <ivan@client.example>',
      accountEmail: 'support@shop.example',
    })
    expect(ru.text).toBe('Где мой заказ 555?')
    expect(
      (await value<UnansweredMessage[]>('ai.unanswered', { accountId: b! })).map((m) => m.id),
    ).toEqual([other])
  })
})

describe('AI features switch', () => {
  it('is off by default with redaction on, and a draft then sends nothing', async () => {
    expect(await value('settings.get')).toMatchObject({ aiEnabled: false, aiRedact: true })
    fake.requests.length = 0
    expect(await call('ai.draft', { text: 'Где мой заказ?' })).toMatchObject({
      ok: false,
      error: { code: 'ai_disabled' },
    })
    expect(fake.requests).toEqual([])
  })

  it('similar pairs stay available with AI off: they never leave the machine', async () => {
    const similar = await value<SimilarToPair[]>('ai.similarToPair', { pairId: ids.review })
    expect(similar.map((s) => s.id)).not.toContain(ids.review)
    expect(similar.map((s) => s.id)).toEqual(
      expect.arrayContaining([ids.delivery, ids.deliveryOther]),
    )
    // Same answer (courier, tomorrow) vs. a refund: only the refund is marked.
    expect(similar.find((s) => s.id === ids.delivery)?.replyDiffers).toBe(false)
    expect(similar.find((s) => s.id === ids.deliveryOther)?.replyDiffers).toBe(true)
    expect(await call('ai.similarToPair', { pairId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})

describe('drafts with AI on', () => {
  beforeAll(async () => {
    await value('settings.update', { aiEnabled: true })
  })

  it('redacts addresses and phones in every text sent, and says how many', async () => {
    fake.requests.length = 0
    const draft = await value<DraftResult>('ai.draft', {
      text: 'Где мой заказ? Доставка задерживается. Пишите: ivan.petrov@mail.ru, 8 (916) 555-44-33',
    })
    const sent = JSON.stringify(chatBodies())
    expect(sent).not.toMatch(/ivan\.petrov|help@shop|916 123|555-44-33/)
    expect(sent).toContain('[email]')
    expect(sent).toContain('[phone]')
    expect(draft.redacted).toMatchObject({ email: 2, phone: 2 })
    // The sources shown to the user are the stored texts, not the redacted ones.
    expect(draft.examples.find((e) => e.id === ids.delivery)?.replyText).toContain(
      'help@shop.example',
    )
  })

  it('sends the texts as they are when redaction is off', async () => {
    await value('settings.update', { aiRedact: false })
    try {
      fake.requests.length = 0
      const draft = await value<DraftResult>('ai.draft', { text: 'Где мой заказ? ivan@mail.ru' })
      expect(JSON.stringify(chatBodies())).toContain('ivan@mail.ru')
      expect(draft.redacted).toBeNull()
    } finally {
      await value('settings.update', { aiRedact: true })
    }
  })

  it('pins the reply language to the client message, whatever the examples', async () => {
    fake.requests.length = 0
    const ru = await value<DraftResult>('ai.draft', { text: 'Где мой заказ? Доставка?' })
    expect(ru.language).toBe('ru')
    expect(chatBodies().at(-1)!.messages[0]!.content).toMatch(/reply in Russian/)
    const en = await value<DraftResult>('ai.draft', { text: 'Where is my order? Delivery?' })
    expect(en.language).toBe('en')
    expect(chatBodies().at(-1)!.messages[0]!.content).toMatch(/reply in English/)
  })

  it('cites its sources best first, leaves the drafted pair out, and refuses to draft from nothing', async () => {
    const draft = await value<DraftResult>('ai.draft', {
      text: 'Где заказ? Доставка опять задерживается.',
      excludePairId: ids.delivery,
    })
    expect(draft.examples.map((e) => e.id)).not.toContain(ids.delivery)
    expect(draft.examples.map((e) => e.id)).toContain(ids.deliveryOther)
    expect(draft.examples[0]).toMatchObject({ clientText: expect.any(String), subject: 'Question' })
    fake.requests.length = 0
    expect(
      await call('ai.draft', { text: 'Совершенно посторонняя тема про погоду' }),
    ).toMatchObject({ ok: false, error: { code: 'ai_no_sources' } })
    expect(fake.requests).toEqual([])
  })

  it('names each provider failure by its code', async () => {
    const text = 'Где мой заказ?'
    fake.set({ mode: 'rate_limited', retryAfterSeconds: 1 })
    expect(await call('ai.draft', { text })).toMatchObject({
      error: { code: 'openai_rate_limited' },
    })
    fake.set({ mode: 'offline' })
    expect(await call('ai.draft', { text })).toMatchObject({ error: { code: 'openai_offline' } })
    fake.set({ mode: 'ok', keys: ['sk-another-key-entirely-0123456789abcdef'] })
    expect(await call('ai.draft', { text })).toMatchObject({ error: { code: 'openai_bad_key' } })
    fake.set({ keys: [FAKE_OPENAI_KEY] })
    await value('ai.saveOpenAI', { removeKey: true })
    expect(await call('ai.draft', { text })).toMatchObject({ error: { code: 'openai_no_key' } })
  })
})
