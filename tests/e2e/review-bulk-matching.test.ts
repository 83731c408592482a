// Review in Chromium: "Select all N matching this filter" reaches the pairs not loaded yet,
// asks before acting on more than the loaded rows, changes them all at once, and Undo puts
// them all back; in English and in Russian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PairCounts } from '@contract'
import { seedPairs } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { ReviewPage } from './pages/review-page'
import { seriousViolations } from './pages/axe-scope'
import { setAppearance } from './pages/every-page'

let h: Harness
let review: ReviewPage

beforeAll(async () => {
  h = await startHarness({
    hash: '#/review',
    before: (server) => void seedPairs(server.core.dbh, 600, { seed: 9, status: 'new' }),
  })
  review = new ReviewPage(h.page)
})
afterAll(() => h?.close())

async function counts(filter: { language?: string } = {}): Promise<PairCounts> {
  const r = await h.server.dispatch('pairs.counts', filter)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as PairCounts
}

const byId = (id: string) => h.page.getByTestId(id)
const text = (id: string) => byId(id).textContent()

describe('bulk review over the whole filter', () => {
  it('offers every pair of the filter, not only the loaded rows', async () => {
    await expect.poll(() => review.count('new'), { timeout: 15_000 }).toBe(600)
    await expect.poll(() => text('select-matching')).toBe('Select all 600 matching this filter')
    await byId('select-matching').click()
    await expect
      .poll(() => text('selected-count'))
      .toBe('All 600 pairs matching this filter are selected')
    expect(await review.rows().first().getAttribute('aria-selected')).toBe('true')
  })

  it('asks first, and changes nothing when the reviewer cancels', async () => {
    await byId('bulk-approve').click()
    const dialog = byId('bulk-confirm')
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Approve all 600 pairs?')
    expect(await dialog.textContent()).toContain('not only the 100 loaded')
    await h.screenshot('review-bulk-confirm-en')
    expect(await seriousViolations(h.page, '[data-testid="bulk-confirm"]')).toEqual([])
    await byId('bulk-confirm-no').click()
    await expect.poll(() => dialog.count()).toBe(0)
    expect((await counts()).approved).toBe(0)
    expect(await text('selected-count')).toBe('All 600 pairs matching this filter are selected')
  })

  it('approves all of them at once from the keyboard, and Undo puts all of them back', async () => {
    await review.focusList()
    await review.press('a')
    await expect.poll(() => byId('bulk-confirm').count()).toBe(1)
    await byId('bulk-confirm-yes').click()
    await expect.poll(counts).toEqual({ new: 0, approved: 600, rejected: 0 })
    await expect.poll(() => review.count('approved')).toBe(600)
    expect(await review.count('new')).toBe(0)
    await expect.poll(() => review.notice().textContent()).toBe('Approved 600 pairs.')
    // The loaded rows show it too, and the pairs not loaded when it was done.
    expect(await review.rows().first().getAttribute('data-status')).toBe('approved')
    await review.undoButton().click()
    await expect.poll(counts).toEqual({ new: 600, approved: 0, rejected: 0 })
    await expect.poll(() => review.count('new')).toBe(600)
    await expect.poll(() => review.notice().textContent()).toBe('Undone for 600 pairs.')
    expect(await review.rows().first().getAttribute('data-status')).toBe('new')
  })

  it('acts only on the pairs of the current filter', async () => {
    const ru = (await counts({ language: 'ru' })).new
    expect(ru).toBeGreaterThan(100)
    await byId('review-language').selectOption('ru')
    await expect.poll(() => review.count('new')).toBe(ru)
    await byId('select-matching').click()
    await byId('bulk-reject').click()
    await byId('bulk-confirm-yes').click()
    await expect.poll(async () => (await counts({ language: 'ru' })).rejected).toBe(ru)
    expect((await counts()).rejected).toBe(ru)
    expect((await counts({ language: 'en' })).rejected).toBe(0)
    await review.undoButton().click()
    await expect.poll(async () => (await counts()).rejected).toBe(0)
  })

  it('speaks Russian', async () => {
    const ru = (await counts({ language: 'ru' })).new
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect
      .poll(() => text('select-matching'))
      .toMatch(/^Выбрать (все )?\d+ пар(у|ы)? по этому фильтру$/)
    expect(await text('select-matching')).toContain(String(ru))
    await byId('select-matching').click()
    await expect.poll(() => text('selected-count')).toMatch(/^Выбран(ы все|а) \d+ пар/)
    await byId('bulk-approve').click()
    await expect
      .poll(() => byId('bulk-confirm').locator('h2').textContent())
      .toMatch(new RegExp(`^Одобрить (все )?${ru} пар(у|ы)?\\?$`))
    expect(await byId('bulk-confirm').textContent()).toContain('загруженные (100)')
    await h.screenshot('review-bulk-confirm-ru')
    await setAppearance(h, 'ru', 'dark')
    expect(await seriousViolations(h.page, '[data-testid="bulk-confirm"]')).toEqual([])
    await byId('bulk-confirm-yes').click()
    await expect.poll(async () => (await counts({ language: 'ru' })).approved).toBe(ru)
    await expect.poll(() => review.notice().textContent()).toMatch(/^Одобрен/)
    await h.server.dispatch('settings.update', { language: 'en', theme: 'system' })
    expect(h.problems).toEqual([])
  })
})
