// Review in Chromium: a follow-up turn shows the earlier messages of its thread above the pair,
// one line each until opened, cleaned like the pair texts, in English and in Russian; with a
// search, the word forms it matched are marked there as in the pair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccounts, seedPair } from '../helpers/seed-pairs'
import { seedThread } from '../helpers/seed-thread'
import { startHarness, type Harness } from './harness'
import { ReviewPage } from './pages/review-page'
import { seriousViolations } from './pages/axe-scope'
import { setAppearance } from './pages/every-page'

let h: Harness
let review: ReviewPage
let followUp = 0
let firstTurn = 0
let returnRu = 0

beforeAll(async () => {
  h = await startHarness({
    hash: '#/review',
    before: (server) => {
      const [account] = seedAccounts(server.core.dbh, ['support@shop.example'])
      firstTurn = seedPair(server.core.dbh, {
        accountId: account!,
        client: 'Do you ship to Norway?',
        reply: 'Yes, within five days.',
        sentAt: '2026-11-01T10:00:00.000Z',
      })
      followUp = seedThread(server.core.dbh, {
        accountId: account!,
        threadId: 'thread-login',
        subject: 'Cannot log in',
        messages: [
          {
            direction: 'incoming',
            fromName: 'Mary Client',
            fromAddress: 'mary@customer.example',
            sentAt: '2026-11-02T09:00:00.000Z',
            body: 'I cannot log in since yesterday, the page says "session expired".\n\n--\nMary Client\nACME Ltd',
          },
          {
            direction: 'outgoing',
            fromName: 'Support',
            fromAddress: 'support@shop.example',
            sentAt: '2026-11-02T10:00:00.000Z',
            body:
              'Please clear the cookies and try again.\n\nBest regards,\nSupport team\n\n' +
              'On Mon, 2 Nov 2026 at 09:00, Mary Client <mary@customer.example> wrote:\n' +
              '> I cannot log in since yesterday.',
          },
          {
            direction: 'incoming',
            fromName: 'Mary Client',
            fromAddress: 'mary@customer.example',
            sentAt: '2026-11-02T11:00:00.000Z',
            body: 'Tried again and got the same error.',
          },
          {
            direction: 'outgoing',
            fromName: 'Support',
            fromAddress: 'support@shop.example',
            sentAt: '2026-11-03T12:00:00.000Z',
            body: 'We reset your password; a link is on its way.',
          },
        ],
        turn: [2],
        reply: 3,
        clientText: 'Tried again and got the same error.',
        replyText: 'We reset your password; a link is on its way.',
      }).pairId
      returnRu = seedThread(server.core.dbh, {
        accountId: account!,
        threadId: 'thread-return',
        subject: 'Возврат',
        messages: [
          {
            direction: 'incoming',
            fromName: 'Анна Клиент',
            fromAddress: 'anna@customer.example',
            sentAt: '2026-10-20T09:00:00.000Z',
            body: 'Хочу вернуть заказ, он пришёл <b>разбитым</b>.',
          },
          {
            direction: 'outgoing',
            fromName: 'Support',
            fromAddress: 'support@shop.example',
            sentAt: '2026-10-20T10:00:00.000Z',
            body: 'Пришлите, пожалуйста, фото заказа.',
          },
          {
            direction: 'incoming',
            fromName: 'Анна Клиент',
            fromAddress: 'anna@customer.example',
            sentAt: '2026-10-20T11:00:00.000Z',
            body: 'Отправила. Когда вернёте деньги за заказы?',
          },
          {
            direction: 'outgoing',
            fromName: 'Support',
            fromAddress: 'support@shop.example',
            sentAt: '2026-10-20T12:00:00.000Z',
            body: 'Деньги придут завтра.',
          },
        ],
        turn: [2],
        reply: 3,
        clientText: 'Отправила. Когда вернёте деньги за заказы?',
        replyText: 'Деньги придут завтра.',
        language: 'ru',
      }).pairId
    },
  })
  review = new ReviewPage(h.page)
})
afterAll(() => h?.close())

const context = () => h.page.getByTestId('thread-context')
const lines = () => h.page.getByTestId('thread-message')
/** The marked words of each earlier message: on its collapsed line, or in its opened text. */
const lineMarks = () =>
  lines().evaluateAll((items) =>
    items.map((li) => [...li.querySelectorAll('.thread-first mark')].map((m) => m.textContent)),
  )
const textMarks = () =>
  lines().evaluateAll((items) =>
    items.map((li) => [...li.querySelectorAll('.thread-text mark')].map((m) => m.textContent)),
  )

async function search(q: string): Promise<void> {
  await review.search().fill(q)
  await review.search().press('Enter')
}

/** Screenshots of the thread with its marks in a small and a large window. */
async function shots(name: string): Promise<void> {
  for (const [width, height] of [
    [1024, 640],
    [1920, 1200],
  ] as const) {
    await h.page.setViewportSize({ width, height })
    await context().scrollIntoViewIfNeeded()
    await h.screenshot(`${name}-${width}x${height}`)
  }
  await h.page.setViewportSize({ width: 1280, height: 800 })
}

describe('thread context', () => {
  it('shows the earlier messages collapsed above a follow-up, and opens one cleaned', async () => {
    await expect.poll(() => review.activeId(), { timeout: 15_000 }).toBe(followUp)
    await expect
      .poll(() => context().locator('h3').textContent())
      .toBe('Earlier in this thread: 2 messages')
    expect(await lines().count()).toBe(2)
    // Collapsed: one line each (sender, date, first words), no full text.
    expect(await h.page.getByTestId('thread-text').count()).toBe(0)
    const first = lines().nth(0).getByRole('button')
    expect(await first.getAttribute('aria-expanded')).toBe('false')
    expect(await first.textContent()).toContain('Mary Client')
    expect(await first.textContent()).toContain('I cannot log in since yesterday')
    expect(await first.textContent()).toContain('Nov 2, 2026')
    // The thread sits above the pair's own texts.
    const above = await h.page.evaluate(() => {
      const ctx = document.querySelector('[data-testid="thread-context"]')
      const client = document.querySelector('[data-testid="client-text"]')
      return !!ctx && !!client && !!(ctx.compareDocumentPosition(client) & 4)
    })
    expect(above).toBe(true)
    await lines().nth(1).getByRole('button').click()
    const opened = lines().nth(1).getByTestId('thread-text')
    await expect.poll(() => opened.textContent()).toBe('Please clear the cookies and try again.')
    expect(await lines().nth(1).getByRole('button').getAttribute('aria-expanded')).toBe('true')
    expect(await lines().nth(1).textContent()).toContain('us')
    // Keyboard: Enter opens the first; the signature is gone from it too.
    await first.focus()
    await h.page.keyboard.press('Enter')
    await expect
      .poll(() => lines().nth(0).getByTestId('thread-text').textContent())
      .toBe('I cannot log in since yesterday, the page says "session expired".')
    await h.screenshot('review-thread-en')
    expect(await seriousViolations(h.page, '[data-testid="thread-context"]')).toEqual([])
  })

  it('shows nothing for the first turn of a thread', async () => {
    await review.row(firstTurn).click()
    await expect.poll(() => review.activeId()).toBe(firstTurn)
    await expect.poll(() => review.replyText().textContent()).toBe('Yes, within five days.')
    expect(await context().count()).toBe(0)
  })

  it('speaks Russian', async () => {
    await h.server.dispatch('settings.update', { language: 'ru' })
    await review.row(followUp).click()
    await expect
      .poll(() => context().locator('h3').textContent())
      .toBe('Ранее в переписке: 2 письма')
    expect(await lines().nth(1).textContent()).toContain('мы')
    expect(await lines().nth(0).textContent()).toContain('2 нояб. 2026')
    await h.page.getByTestId('thread-toggle-all').click()
    await expect.poll(() => h.page.getByTestId('thread-text').count()).toBe(2)
    expect(await h.page.getByTestId('thread-toggle-all').textContent()).toBe('Закрыть все')
    await h.screenshot('review-thread-ru')
    await setAppearance(h, 'ru', 'dark')
    expect(await seriousViolations(h.page, '[data-testid="thread-context"]')).toEqual([])
    await h.server.dispatch('settings.update', { language: 'en', theme: 'system' })
    expect(h.problems).toEqual([])
  })

  it('marks the word forms a search matched in the earlier messages, collapsed and opened', async () => {
    // 'trying' finds the pair by its 'Tried' and marks 'try' in our earlier answer; 'logging'
    // finds its subject and marks 'log' in the client's first message.
    await search('trying logging')
    await expect.poll(() => review.rows().count()).toBe(1)
    await expect.poll(() => review.activeId()).toBe(followUp)
    await expect
      .poll(() => h.page.locator('[data-testid="client-text"] mark').allTextContents())
      .toEqual(['Tried'])
    await expect.poll(lineMarks).toEqual([['log'], ['try']])
    expect(await lines().nth(0).getByRole('button').textContent()).toContain(
      'I cannot log in since yesterday',
    )
    expect(await h.page.getByTestId('thread-text').count()).toBe(0)
    await h.page.getByTestId('thread-toggle-all').click()
    await expect.poll(textMarks).toEqual([['log'], ['try']])
    await expect
      .poll(() => lines().nth(1).getByTestId('thread-text').textContent())
      .toBe('Please clear the cookies and try again.')
    await shots('review-thread-search-en')
    expect(await seriousViolations(h.page, '[data-testid="thread-context"]')).toEqual([])
    // Cleared: the lines are plain again.
    await search('')
    await expect.poll(() => review.rows().count()).toBe(3)
    await review.row(followUp).click()
    await expect.poll(() => lines().count()).toBe(2)
    expect(await context().locator('mark').count()).toBe(0)
  })

  it('marks Russian word forms in the earlier messages, with the app in Russian', async () => {
    await setAppearance(h, 'ru', 'dark')
    // 'заказа' marks 'заказ' and 'заказа' above the pair, and 'заказы' in it; a tag in the
    // mail stays text around the marks.
    await search('заказа')
    await expect.poll(() => review.rows().count()).toBe(1)
    await expect.poll(() => review.activeId()).toBe(returnRu)
    await expect
      .poll(() => context().locator('h3').textContent())
      .toBe('Ранее в переписке: 2 письма')
    await expect.poll(lineMarks).toEqual([['заказ'], ['заказа']])
    await expect
      .poll(() => h.page.locator('[data-testid="client-text"] mark').allTextContents())
      .toEqual(['заказы'])
    await lines().nth(0).getByRole('button').click()
    await expect.poll(textMarks).toEqual([['заказ'], []])
    const opened = lines().nth(0).getByTestId('thread-text')
    expect(await opened.textContent()).toBe('Хочу вернуть заказ, он пришёл <b>разбитым</b>.')
    expect(await opened.locator('b').count()).toBe(0)
    await lines().nth(1).getByRole('button').click()
    await expect.poll(textMarks).toEqual([['заказ'], ['заказа']])
    await shots('review-thread-search-ru')
    expect(await seriousViolations(h.page, '[data-testid="thread-context"]')).toEqual([])
    await search('')
    await h.server.dispatch('settings.update', { language: 'en', theme: 'system' })
    expect(h.problems).toEqual([])
  })
})
