// Search on the Review page finds words that are only in a thread's subject, and marks the
// word forms it matched in the list and in the detail, as text (mail is never markup).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccounts, seedPair } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'
import { ReviewPage } from './pages/review-page'

let h: Harness
let review: ReviewPage
const ids = {} as Record<'payment' | 'login' | 'order' | 'other', number>

beforeAll(async () => {
  h = await startHarness({
    hash: '#/review',
    before: (server) => {
      const [a] = seedAccounts(server.core.dbh, ['support@shop.example'])
      const pair = (subject: string, client: string, reply: string, language = 'en'): number =>
        seedPair(server.core.dbh, { accountId: a!, subject, client, reply, language })
      ids.payment = pair('Payment declined', 'My card does not work at checkout.', 'Try again.')
      ids.login = pair('Проблема со входом', 'Не могу попасть в кабинет.', 'Сбросили пароль.', 'ru')
      ids.order = pair(
        'Вопрос',
        'Где мой заказ? <img src=x onerror="document.title=1"> Номер заказа <b>5512</b>.',
        'Заказы уходят завтра.',
        'ru',
      )
      ids.other = pair('Question', 'Nothing about it here.', 'Fine.')
    },
  })
  review = new ReviewPage(h.page)
})
afterAll(() => h?.close())

const rowIds = async (): Promise<number[]> =>
  (await review.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).map(
    Number,
  )
const marksIn = (selector: string): Promise<string[]> =>
  h.page.locator(`${selector} mark`).allTextContents()

async function search(q: string): Promise<void> {
  await review.search().fill(q)
  await review.search().press('Enter')
}

describe('search on the Review page', () => {
  it('finds a subject and marks the matched words, in English', async () => {
    await expect.poll(() => review.count('new'), { timeout: 15_000 }).toBe(4)
    await search('Payment declined')
    await expect.poll(rowIds).toEqual([ids.payment])
    expect(await review.count('new')).toBe(1)
    expect(await marksIn(`[data-testid="pair-row"][data-id="${ids.payment}"]`)).toEqual([
      'Payment',
      'declined',
    ])
    await expect.poll(() => review.activeId()).toBe(ids.payment)
    await expect
      .poll(() => marksIn('[data-testid="detail-view"] h2'))
      .toEqual(['Payment', 'declined'])

    // Word forms: 'заказа' finds and marks 'заказ', 'заказа' and 'Заказы'.
    await search('заказа')
    await expect.poll(rowIds).toEqual([ids.order])
    const row = `[data-testid="pair-row"][data-id="${ids.order}"]`
    await expect.poll(() => marksIn(row)).toEqual(['заказ', 'заказа', 'Заказы'])
    await expect.poll(() => marksIn('[data-testid="client-text"]')).toEqual(['заказ', 'заказа'])
    expect(await marksIn('[data-testid="reply-text"]')).toEqual(['Заказы'])
    // Mail text stays text: the tags show as typed, nothing of them runs or renders.
    const client = h.page.getByTestId('client-text')
    expect(await client.locator('img, b').count()).toBe(0)
    expect(await client.textContent()).toContain('<img src=x onerror="document.title=1">')
    expect(await h.page.title()).not.toBe('1')
    await h.screenshot('review-search-en')

    // Cleared: no marks left.
    await search('')
    await expect.poll(() => review.rows().count()).toBe(4)
    expect(await h.page.locator('[data-testid="pair-list"] mark').count()).toBe(0)
  })

  it('finds a Russian subject and marks it, with the app in Russian', async () => {
    await new AppShell(h.page).open('settings')
    await h.page.getByTestId('language-select').selectOption('ru')
    await new AppShell(h.page).open('review')
    await expect.poll(() => review.tab('new').textContent()).toMatch(/^Новые/)
    await search('Проблема со входом')
    await expect.poll(rowIds).toEqual([ids.login])
    expect(await marksIn(`[data-testid="pair-row"][data-id="${ids.login}"]`)).toEqual([
      'Проблема',
      'со',
      'входом',
    ])
    // Another form of the same words finds and marks the subject too.
    await search('проблемы вход')
    await expect.poll(rowIds).toEqual([ids.login])
    await expect.poll(() => review.activeId()).toBe(ids.login)
    await expect
      .poll(() => marksIn('[data-testid="detail-view"] h2'))
      .toEqual(['Проблема', 'входом'])
    await h.screenshot('review-search-ru')
    expect(h.problems).toEqual([])
  })
})
