// Review in Chromium: the list and the pair's details share the window's height, the reviewer
// moves the split between them by pointer or keyboard, and the split is remembered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedPairs } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { ReviewPage } from './pages/review-page'
import { seriousViolations } from './pages/axe-scope'

let h: Harness
let review: ReviewPage

beforeAll(async () => {
  h = await startHarness({
    hash: '#/review',
    viewport: { width: 1920, height: 1200 },
    before: (server) => void seedPairs(server.core.dbh, 300, { seed: 5, status: 'new' }),
  })
  review = new ReviewPage(h.page)
})
afterAll(() => h?.close())

const handle = () => h.page.getByTestId('review-split-handle')
const percent = async (): Promise<number> => Number(await handle().getAttribute('aria-valuenow'))
const stored = async (): Promise<number> => {
  const r = await h.server.dispatch('settings.get', {})
  if (!r.ok) throw new Error(r.error.message)
  return (r.value as { reviewListPercent: number }).reviewListPercent
}

/** Rows wholly inside the list's scroll area, and the heights of the list and the details. */
function layout(): Promise<{ rows: number; list: number; detail: number }> {
  return h.page.evaluate(() => {
    const list = document.querySelector('[data-testid="pair-list"]')!.getBoundingClientRect()
    const rows = [...document.querySelectorAll('[data-testid="pair-row"]')].filter((r) => {
      const b = r.getBoundingClientRect()
      return b.top >= list.top - 1 && b.bottom <= list.bottom + 1
    }).length
    const detail = document.querySelector('.detail')!.getBoundingClientRect()
    return { rows, list: list.height, detail: detail.height }
  })
}

describe('the Review split', () => {
  it('gives a large window to many rows and still shows the pair', async () => {
    await expect.poll(() => review.activeId(), { timeout: 15_000 }).not.toBeNull()
    const big = await layout()
    expect(big.rows).toBeGreaterThan(16)
    expect(big.detail).toBeGreaterThan(300)
    await h.screenshot('review-split-1920x1200-en')
  })

  it('is a focusable separator the arrow keys move, without moving through the queue', async () => {
    const active = await review.activeId()
    expect(await handle().getAttribute('role')).toBe('separator')
    const start = await percent()
    const before = (await layout()).list
    await handle().focus()
    await h.page.keyboard.press('ArrowDown')
    await expect.poll(percent).toBe(start + 5)
    await expect.poll(async () => (await layout()).list).toBeGreaterThan(before)
    await h.page.keyboard.press('ArrowUp')
    await h.page.keyboard.press('ArrowUp')
    await expect.poll(percent).toBe(start - 5)
    await h.page.keyboard.press('Home')
    await expect.poll(percent).toBe(15)
    await h.page.keyboard.press('End')
    await expect.poll(percent).toBe(85)
    expect(await review.activeId()).toBe(active)
    await expect.poll(stored).toBe(85)
  })

  it('follows a drag and remembers it after the app restarts', async () => {
    const box = (await handle().boundingBox())!
    const x = box.x + box.width / 2
    await h.page.mouse.move(x, box.y + box.height / 2)
    await h.page.mouse.down()
    await h.page.mouse.move(x, box.y - 150, { steps: 5 })
    await h.page.mouse.move(x, box.y - 300, { steps: 5 })
    await h.page.mouse.up()
    const dragged = await percent()
    expect(dragged).toBeLessThan(70)
    expect(dragged).toBeGreaterThan(15)
    await expect.poll(stored).toBe(dragged)
    await h.page.reload()
    await expect.poll(() => review.activeId(), { timeout: 15_000 }).not.toBeNull()
    await expect.poll(percent).toBe(dragged)
    // A split out of bounds is refused and the remembered one stays.
    const refused = await h.server.dispatch('settings.update', { reviewListPercent: 5 })
    expect(refused.ok ? null : refused.error.code).toBe('bad_request')
    expect(await stored()).toBe(dragged)
  })

  it('shows more than four rows in a small window', async () => {
    await h.server.dispatch('settings.update', { reviewListPercent: 65 })
    await h.page.setViewportSize({ width: 1024, height: 640 })
    await h.page.reload()
    await expect.poll(() => review.activeId(), { timeout: 15_000 }).not.toBeNull()
    await expect.poll(async () => (await layout()).rows).toBeGreaterThan(4)
    expect((await layout()).detail).toBeGreaterThanOrEqual(140)
    await h.screenshot('review-split-1024x640-en')
  })

  it('speaks Russian', async () => {
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect
      .poll(() => handle().getAttribute('aria-label'))
      .toBe('Размер списка и карточки пары')
    expect(await handle().getAttribute('aria-valuetext')).toBe('Список: 65% высоты')
    await h.page.setViewportSize({ width: 1920, height: 1200 })
    await expect.poll(async () => (await layout()).rows).toBeGreaterThan(16)
    await h.screenshot('review-split-1920x1200-ru')
    expect(await seriousViolations(h.page, '.review-split')).toEqual([])
    await h.server.dispatch('settings.update', { language: 'en' })
    expect(h.problems).toEqual([])
  })
})
