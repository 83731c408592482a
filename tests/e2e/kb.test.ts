// The knowledge base in Chromium against the real core and the fake OpenAI: the Similar approved
// panel beside a pair in Review (marks, one click to a pair), nothing sent while AI is off, the
// switch in Settings saying what goes where, drafts with sources that open the right pairs, and
// the same in Russian with a provider error worded in Russian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccounts, seedPair } from '../helpers/seed-pairs'
import type { FakeOpenAI } from '../fakes/fake-openai/server'
import { startAiHarness, type AiHarness } from './fixtures'
import { AppShell } from './pages/app-shell'
import { KbPage } from './pages/kb-page'

let h: AiHarness
let openai: FakeOpenAI
let kb: KbPage
let shell: AppShell
const ids = {} as Record<'same' | 'different' | 'english' | 'underReview' | 'waiting', number>
const chats = (): number => openai.requests.filter((r) => r.path.includes('chat')).length

beforeAll(async () => {
  h = await startAiHarness({
    hash: '#/review',
    before: async (server) => {
      const [a] = seedAccounts(server.core.dbh, ['support@shop.example'])
      const accountId = a!
      ids.same = seedPair(server.core.dbh, {
        accountId,
        status: 'approved',
        language: 'ru',
        subject: 'Доставка заказа',
        client: 'Где мой заказ? Доставка задерживается уже неделю.',
        reply: 'Ваш заказ передан курьеру, доставка завтра.',
      })
      ids.different = seedPair(server.core.dbh, {
        accountId,
        status: 'approved',
        language: 'ru',
        subject: 'Заказ не пришёл',
        client: 'Заказ так и не пришёл, доставка сорвана.',
        reply: 'Оформили возврат денег на карту в течение трёх дней.',
      })
      ids.english = seedPair(server.core.dbh, {
        accountId,
        status: 'approved',
        language: 'en',
        subject: 'Invoice',
        client: 'Please send me the invoice for March.',
        reply: 'The March invoice is attached.',
      })
      ids.underReview = seedPair(server.core.dbh, {
        accountId,
        status: 'new',
        language: 'ru',
        subject: 'Где заказ',
        client: 'Здравствуйте, где заказ? Доставка задерживается.',
        reply: 'Заказ передан курьеру, доставка завтра утром.',
      })
      // A client message nobody has answered yet, with our old reply quoted under it.
      ids.waiting = Number(
        server.core.dbh.sqlite
          .prepare(
            `INSERT INTO messages (account_id, external_id, thread_id, direction, from_address,
               from_name, subject, body_text, sent_at)
             VALUES (?, 'u-1', 'tu-1', 'incoming', 'olga@client.example', 'Ольга', 'Опять заказ',
               ?, '2026-12-04T09:00:00.000Z')`,
          )
          .run(
            accountId,
            'Где заказ? Доставка так и не пришла.\n\n> Ваш заказ передан курьеру, доставка завтра.',
          ).lastInsertRowid,
      )
    },
  })
  openai = h.openai
  kb = new KbPage(h.page)
  shell = new AppShell(h.page)
})
afterAll(() => h?.close())

describe('the knowledge base in Review and Drafts', () => {
  it('shows similar approved pairs beside the pair, marks a different answer, opens one in a click', async () => {
    // The first test after the app loads: a busy machine may take seconds to paint Review.
    await expect.poll(() => kb.panel().isVisible(), { timeout: 15_000 }).toBe(true)
    await expect
      .poll(() => kb.similarIds(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([ids.same, ids.different]))
    expect(await kb.similarIds()).not.toContain(ids.underReview)
    expect(await kb.similarIds()).not.toContain(ids.english)
    expect(await kb.similarItem(ids.different).getAttribute('data-differs')).toBe('true')
    expect(await kb.similarItem(ids.different).textContent()).toContain('different answer')
    expect(await kb.similarItem(ids.same).getAttribute('data-differs')).toBe('false')
    await h.screenshot('kb-similar-en')
    await kb.similarItem(ids.different).getByRole('button').click()
    await expect
      .poll(() => kb.dialogReply())
      .toBe('Оформили возврат денег на карту в течение трёх дней.')
    await kb.closeDialog()
    await expect.poll(() => kb.dialog().count()).toBe(0)
  })

  it('sends nothing while AI features are off, and says how to turn them on', async () => {
    await kb.draftForPair()
    await expect.poll(() => kb.draftError()).toMatch(/^AI features are off: nothing is sent/)
    expect(chats()).toBe(0)
  })

  it('turns AI on in Settings, told what is sent and to whom', async () => {
    await shell.open('settings')
    await expect.poll(() => kb.aiState()).toBe('Off: nothing is sent to the AI provider.')
    await expect.poll(() => kb.sentTo()).toContain(openai.baseUrl)
    expect(await kb.aiSwitch().isChecked()).toBe(false)
    expect(await h.page.getByTestId('kb-index-embed').isDisabled()).toBe(true)
    expect(await h.page.getByTestId('ai-redact').isChecked()).toBe(true)
    await kb.aiSwitch().check()
    await expect.poll(() => kb.aiState()).toBe(`On: drafts send mail text to ${openai.baseUrl}.`)
    await expect
      .poll(() => h.server.dispatch('settings.get', {}))
      .toMatchObject({ value: { aiEnabled: true, aiRedact: true } })
    // The similar-case index: embedded with a click, its counts shown before and after.
    const counts = h.page.getByTestId('kb-index-counts')
    await expect.poll(() => counts.textContent()).toMatch(/^0 of 3 approved pairs embedded/)
    // Before the first run: what it will send, counted locally; nothing has been sent yet.
    await expect
      .poll(() => h.page.getByTestId('kb-index-estimate').textContent())
      .toMatch(
        /^Embedding sends 3 approved client texts to text-embedding-3-small: about \d+ tokens, estimated \$0\.\d+\.$/,
      )
    expect(openai.requests.filter((r) => r.path === '/v1/embeddings')).toHaveLength(0)
    await h.page.getByTestId('kb-index-embed').click()
    await expect.poll(() => counts.textContent()).toMatch(/^3 of 3 approved pairs embedded/)
    expect(await h.page.getByTestId('kb-index-embed').isDisabled()).toBe(true)
    expect(openai.requests.filter((r) => r.path === '/v1/embeddings')).toHaveLength(1)
    await h.screenshot('kb-settings-en')
  })

  it('offers embedding models only, and a new model or size starts a new index', async () => {
    const model = h.page.getByTestId('embedding-model')
    const offered = await model.locator('option').allTextContents()
    expect(offered).toEqual(['text-embedding-3-small', 'text-embedding-3-large'])
    expect(await h.page.getByTestId('embedding-dimensions').inputValue()).toBe('512')
    await model.selectOption('text-embedding-3-large')
    await h.page.getByTestId('embedding-dimensions').selectOption('3072')
    const counts = h.page.getByTestId('kb-index-counts')
    await expect
      .poll(() => counts.textContent())
      .toMatch(/^0 of 3 approved pairs embedded \(text-embedding-3-large, 3072 dimensions\)/)
    // The old index keeps answering, and the cost of the new one is said before it runs.
    await expect
      .poll(() => h.page.getByTestId('kb-index-serving').textContent())
      .toContain('text-embedding-3-small, 512 dimensions')
    await expect
      .poll(() => h.page.getByTestId('kb-index-estimate').textContent())
      .toMatch(
        /^Embedding sends 3 approved client texts to text-embedding-3-large: about \d+ tokens/,
      )
    await h.page.getByTestId('kb-index-embed').click()
    await expect
      .poll(() => counts.textContent())
      .toMatch(/^3 of 3 approved pairs embedded \(text-embedding-3-large, 3072/)
    const sent = openai.requests.filter((r) => r.path === '/v1/embeddings').at(-1)?.body
    expect(sent).toMatchObject({ model: 'text-embedding-3-large', dimensions: 3072 })
    // Going back to the small model offers only its sizes: 3072 becomes 512.
    await model.selectOption('text-embedding-3-small')
    await expect.poll(() => h.page.getByTestId('embedding-dimensions').inputValue()).toBe('512')
    expect(
      await h.page.getByTestId('embedding-dimensions').locator('option').allTextContents(),
    ).toEqual(['256', '512', '1024', '1536'])
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect
      .poll(() => h.page.getByTestId('embedding-choice').textContent())
      .toContain('Модель векторов')
    expect(await h.page.getByTestId('embedding-choice').textContent()).toContain('Размерность')
    await h.server.dispatch('settings.update', { language: 'en' })
    await h.page.getByTestId('kb-index-embed').click()
    await expect
      .poll(() => counts.textContent())
      .toMatch(/^3 of 3 approved pairs embedded \(text-embedding-3-small, 512/)
  })

  it('drafts a reply from a pasted message with sources that open the right pairs', async () => {
    await shell.open('drafts')
    await kb.pasteAndDraft('Где мой заказ? Доставка задерживается. Мой телефон +7 916 123-45-67')
    await expect.poll(() => kb.draftText()).toMatch(/^Thank you for your message/)
    expect(await kb.sourceIds()).toEqual(expect.arrayContaining([ids.same, ids.different]))
    expect(await h.page.getByTestId('draft').textContent()).toContain('1 personal detail hidden')
    expect(JSON.stringify(openai.requests)).not.toContain('916 123-45-67')
    await h.screenshot('kb-draft-en')
    await kb.sourceItem(ids.same).getByRole('button').click()
    await expect.poll(() => kb.dialogReply()).toBe('Ваш заказ передан курьеру, доставка завтра.')
    await kb.closeDialog()
  })

  it('picks an unanswered Russian message and drafts a reply pinned to Russian', async () => {
    const item = h.page.getByTestId('unanswered').locator(`li[data-id="${ids.waiting}"]`)
    await expect.poll(() => item.textContent()).toContain('Ольга <olga@client.example>')
    expect(await h.page.getByTestId('unanswered').locator('li').count()).toBe(1)
    await item.getByRole('button').click()
    await expect
      .poll(() => h.page.getByTestId('draft-input').inputValue())
      .toBe('Где заказ? Доставка так и не пришла.')
    await expect.poll(() => kb.draftText()).toMatch(/Re: Где заказ\? Доставка так и не пришла\./)
    expect(await h.page.getByTestId('draft').textContent()).toContain('reply in Russian')
    const chat = openai.requests.filter((r) => r.path.includes('chat')).at(-1)!.body as {
      messages: Array<{ content: string }>
    }
    expect(chat.messages[0]!.content).toMatch(/reply in Russian/)
    expect(await kb.sourceIds()).toEqual(expect.arrayContaining([ids.same, ids.different]))
  })

  it('speaks Russian: the panel, the marks, and a rate limit worded in Russian', async () => {
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect.poll(() => shell.headingText()).toBe('Черновики')
    openai.set({ mode: 'rate_limited', retryAfterSeconds: 1 })
    await kb.pasteAndDraft('Где мой заказ?')
    await expect.poll(() => kb.draftError()).toMatch(/ограничива/)
    openai.set({ mode: 'ok' })
    await kb.pasteAndDraft('Где мой заказ? Доставка?')
    await expect
      .poll(() => h.page.getByTestId('draft').textContent())
      .toMatch(/Основан на 2 одобренных парах/)
    await h.screenshot('kb-draft-ru')
    await shell.open('review')
    await expect.poll(() => kb.panel().textContent()).toContain('Похожие одобренные')
    await expect.poll(() => kb.similarItem(ids.different).textContent()).toContain('другой ответ')
    await h.screenshot('kb-similar-ru')
  })
})
