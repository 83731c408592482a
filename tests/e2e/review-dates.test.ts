// Dates on the Review page mean when the client wrote: the list shows that day (in the app's
// language and the user's time zone), sorts by it either way, and the date filter takes days
// typed in the app's language (not the browser's) and filters by them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccounts, seedPair } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'
import { ReviewPage } from './pages/review-page'

let h: Harness
let review: ReviewPage
const ids = {} as Record<'early' | 'late' | 'recent', number>

beforeAll(async () => {
  h = await startHarness({
    hash: '#/review',
    // UTC+3 all year: 22:30 UTC on 10 March is 01:30 on 11 March for this user.
    timezoneId: 'Europe/Moscow',
    before: (server) => {
      const dbh = server.core.dbh
      const [a] = seedAccounts(dbh, ['support@shop.example'])
      const pair = (client: string, sentAt: string): number =>
        seedPair(dbh, { accountId: a!, client, reply: 'We are on it.', sentAt })
      ids.early = pair('My card was charged twice.', '2026-03-01T09:00:00.000Z')
      ids.late = pair('The parcel never came.', '2026-03-10T22:30:00.000Z')
      ids.recent = pair('Please change my address.', '2026-03-15T09:00:00.000Z')
      // Answered last, long after the others: its reply is the newest, its client is not.
      dbh.sqlite
        .prepare(
          `UPDATE messages SET sent_at = '2026-03-20T10:00:00.000Z'
           WHERE id = (SELECT reply_message_id FROM training_pairs WHERE id = ?)`,
        )
        .run(ids.late)
    },
  })
  review = new ReviewPage(h.page)
})
afterAll(() => h?.close())

const rowIds = async (): Promise<number[]> =>
  (await review.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).map(
    Number,
  )
const rowDates = (): Promise<string[]> => h.page.getByTestId('row-date').allTextContents()
const from = () => h.page.getByTestId('review-from')
const to = () => h.page.getByTestId('review-to')

describe('dates on the Review page', () => {
  it('show, sort and filter by when the client wrote, in English', async () => {
    await expect.poll(rowIds, { timeout: 15_000 }).toEqual([ids.recent, ids.late, ids.early])
    expect(await rowDates()).toEqual(['03/15/26', '03/11/26', '03/01/26'])
    expect(await h.page.locator('.pair-head').textContent()).toContain('Client wrote')

    await h.page.getByTestId('review-order').selectOption('oldest')
    await expect.poll(rowIds).toEqual([ids.early, ids.late, ids.recent])

    // The pickers speak the app's language and take a typed day, in the user's time zone.
    expect(await from().getAttribute('placeholder')).toBe('MM/DD/YYYY')
    // Named by its label, described by its format.
    expect(await h.page.getByRole('textbox', { name: 'From', exact: true }).count()).toBe(1)
    const described = await from().evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
    )
    expect(described).toBe('Format: MM/DD/YYYY')
    await from().fill('03/11/2026')
    await to().fill('03/11/2026')
    await to().press('Enter')
    await expect.poll(rowIds).toEqual([ids.late])
    await expect.poll(() => review.count('new')).toBe(1)
    await expect
      .poll(() => h.page.getByTestId('detail-dates').textContent())
      .toMatch(/^Client wrote Mar 11, 2026, 01:30 AM, replied Mar 20, 2026/)
    // ↑ moves the day on: the 15th comes into the range.
    for (let i = 0; i < 4; i++) await to().press('ArrowUp')
    await expect.poll(() => to().inputValue()).toBe('03/15/2026')
    await expect.poll(rowIds).toEqual([ids.late, ids.recent])
    // Not a date: marked and explained, and the filter stays as it was.
    await to().fill('31/03/2026')
    await to().press('Enter')
    await expect.poll(() => to().getAttribute('aria-invalid')).toBe('true')
    expect(await h.page.getByRole('alert').first().textContent()).toBe(
      'Not a date: write it as MM/DD/YYYY.',
    )
    expect(await rowIds()).toEqual([ids.late, ids.recent])
    await h.screenshot('review-dates-en')
    await to().fill('')
    await to().press('Enter')
    await expect.poll(() => to().getAttribute('aria-invalid')).toBeNull()
    await expect.poll(rowIds).toEqual([ids.late, ids.recent])
  })

  it('write every date in Russian when the app speaks Russian', async () => {
    await new AppShell(h.page).open('settings')
    await h.page.getByTestId('language-select').selectOption('ru')
    await new AppShell(h.page).open('review')
    await expect.poll(() => from().getAttribute('placeholder')).toBe('ДД.ММ.ГГГГ')
    expect(await from().inputValue()).toBe('11.03.2026')
    expect(await h.page.locator('.pair-head').textContent()).toContain('Клиент написал')
    await expect.poll(rowDates).toEqual(['11.03.26', '15.03.26'])
    expect(await h.page.getByTestId('review-order').locator('option').allTextContents()).toEqual([
      'Сначала новые',
      'Сначала старые',
    ])
    await h.page.getByTestId('review-order').selectOption('newest')
    await expect.poll(rowIds).toEqual([ids.recent, ids.late])
    await to().fill('11.03.2026')
    await to().press('Enter')
    await expect.poll(rowIds).toEqual([ids.late])
    await expect
      .poll(() => h.page.getByTestId('detail-dates').textContent())
      .toMatch(/^Клиент написал 11 мар\. 2026 г\., 01:30, ответ 20 мар\. 2026 г\./)
    await to().fill('03/31/2026')
    await to().press('Enter')
    await expect.poll(() => to().getAttribute('aria-invalid')).toBe('true')
    expect(await h.page.getByRole('alert').first().textContent()).toBe(
      'Это не дата: напишите её как ДД.ММ.ГГГГ.',
    )
    await h.screenshot('review-dates-ru')
    expect(h.problems).toEqual([])
  })
})
