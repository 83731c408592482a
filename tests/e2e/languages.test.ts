// Pair languages in Chromium: the Review filter offers exactly the languages the pairs carry,
// named in the app's language, and picking one shows only its pairs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccounts, seedPair } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'
import { ReviewPage } from './pages/review-page'

let h: Harness
const ids = {} as Record<'de' | 'uk' | 'ru' | 'en', number>

beforeAll(async () => {
  h = await startHarness({
    hash: '#/review',
    before: (server) => {
      const [a] = seedAccounts(server.core.dbh, ['support@shop.example'])
      const pair = (language: string, client: string, reply: string): number =>
        seedPair(server.core.dbh, { accountId: a!, language, client, reply })
      ids.en = pair('en', 'Where is my order?', 'It ships today.')
      ids.ru = pair('ru', 'Где мой заказ?', 'Отправлен сегодня.')
      ids.de = pair('de', 'Wo ist meine Bestellung?', 'Sie wird heute verschickt.')
      ids.uk = pair('uk', 'Де моє замовлення?', 'Його відправлено сьогодні.')
    },
  })
})
afterAll(async () => {
  await h?.close()
})

const options = (): Promise<string[]> =>
  h.page.getByTestId('review-language').locator('option').allTextContents()

describe('pair languages', () => {
  it('offers the languages present by name and filters by one', async () => {
    const review = new ReviewPage(h.page)
    await expect.poll(() => review.rows().count(), { timeout: 15_000 }).toBe(4)
    await expect
      .poll(options)
      .toEqual(['All languages', 'English', 'German', 'Russian', 'Ukrainian'])
    await h.page.getByTestId('review-language').selectOption('de')
    await expect.poll(() => review.rows().count()).toBe(1)
    expect(await review.row(ids.de).count()).toBe(1)
    await h.screenshot('languages-en')
  })

  it('names them in Russian', async () => {
    await new AppShell(h.page).open('settings')
    await h.page.getByTestId('language-select').selectOption('ru')
    await new AppShell(h.page).open('review')
    await expect
      .poll(options)
      .toEqual(['Все языки', 'Английский', 'Немецкий', 'Русский', 'Украинский'])
  })
})
