// Review in Chromium against the real core: counts, the virtualised list, the detail pane,
// keyboard review (approve, reject, undo, edit then approve), bulk approve, search, the
// original message, and the page in Russian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedPair, seedPairs } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'
import { ReviewPage } from './pages/review-page'

let h: Harness
let review: ReviewPage
let shell: AppShell
let special = 0

beforeAll(async () => {
  h = await startHarness({
    hash: '#/review',
    before: (server) => {
      seedPairs(server.core.dbh, 600, { seed: 3, status: 'new' })
      const [accountId] = server.core.accounts.list().map((a) => a.id)
      special = seedPair(server.core.dbh, {
        accountId: accountId!,
        client: 'Здравствуйте! Посылка с чайниками до сих пор не пришла.',
        reply: 'Добрый день! Посылку с чайником отправили вчера, трек-номер в письме.',
        language: 'ru',
        subject: 'Посылка',
        sentAt: '2020-01-15T10:00:00.000Z',
      })
    },
  })
  review = new ReviewPage(h.page)
  shell = new AppShell(h.page)
})
afterAll(() => h?.close())

async function pair(id: number) {
  const r = await h.server.dispatch('pairs.get', { id })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as {
    status: string
    replyTextEdited: string | null
    clientTextEdited: string | null
  }
}

describe('Review page', () => {
  it('shows the counts, the first rows and the first pair in full', async () => {
    await expect.poll(() => shell.headingText()).toBe('Review')
    await expect.poll(() => review.count('new')).toBe(601)
    expect(await review.count('approved')).toBe(0)
    expect(await review.count('all')).toBe(601)
    await expect.poll(() => review.rows().count()).toBeGreaterThan(10)
    // Virtualised: far fewer rows in the DOM than pairs.
    expect(await review.rows().count()).toBeLessThan(80)
    await expect.poll(() => review.activeId()).not.toBeNull()
    await h.screenshot('review-en')
  })

  it('reviews by keyboard: approve moves on, reject, undo, j/k', async () => {
    await review.focusList()
    const first = (await review.activeId())!
    await review.press('a')
    await expect.poll(() => review.rowStatus(first)).toBe('approved')
    await expect.poll(() => review.activeId()).not.toBe(first)
    const second = (await review.activeId())!
    await review.press('r')
    await expect.poll(() => review.rowStatus(second)).toBe('rejected')
    await expect.poll(async () => (await pair(second)).status).toBe('rejected')
    await expect.poll(() => review.count('rejected')).toBe(1)
    await review.press('Control+z')
    await expect.poll(() => review.rowStatus(second)).toBe('new')
    await expect.poll(() => review.activeId()).toBe(second)
    await expect.poll(async () => (await pair(second)).status).toBe('new')
    await expect.poll(() => review.count('rejected')).toBe(0)
    expect((await pair(first)).status).toBe('approved')
    await review.press('k')
    await expect.poll(() => review.activeId()).toBe(first)
    await review.press('j', 'ArrowDown')
    await expect.poll(() => review.activeId()).not.toBe(second)
    await review.press('ArrowUp')
    await expect.poll(() => review.activeId()).toBe(second)
  })

  it('edits before approving; the edit shows as edited and the original is kept', async () => {
    const id = (await review.activeId())!
    await review.press('e')
    await expect.poll(() => review.editor().isVisible()).toBe(true)
    const reply = h.page.getByTestId('edit-reply')
    await reply.fill('Thank you! Your refund was sent today.')
    await h.screenshot('review-edit-en')
    await reply.press('Control+Enter')
    await expect
      .poll(async () => (await pair(id)).replyTextEdited)
      .toBe('Thank you! Your refund was sent today.')
    expect((await pair(id)).status).toBe('approved')
    await expect.poll(() => review.rowStatus(id)).toBe('approved')
    await expect.poll(() => review.activeId()).not.toBe(id)
    await review.press('k')
    await expect
      .poll(() => review.replyText().textContent())
      .toBe('Thank you! Your refund was sent today.')
    expect(await review.detail().textContent()).toContain('edited')
    // Undo of an edit puts the texts back too.
    await review.press('Control+z')
    await expect.poll(async () => (await pair(id)).replyTextEdited).toBeNull()
    expect((await pair(id)).status).toBe('new')
  })

  it('opens the editor in the reply, and asks before Esc throws typed changes away', async () => {
    await review.focusList()
    const id = (await review.activeId())!
    await review.press('e')
    const reply = h.page.getByTestId('edit-reply')
    await expect
      .poll(() => h.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('edit-reply')
    // Nothing typed: Esc closes at once.
    await reply.press('Escape')
    await expect.poll(() => review.editor().count()).toBe(0)
    await review.press('e')
    await reply.press('Control+End')
    await reply.type(' We also refunded the shipping.')
    await reply.press('Escape')
    await expect
      .poll(() => h.page.getByTestId('edit-discard').textContent())
      .toContain('Discard your changes to this pair?')
    expect(await review.editor().count()).toBe(1)
    await h.page.getByTestId('edit-discard-no').click()
    expect(await reply.inputValue()).toMatch(/We also refunded the shipping\.$/)
    await reply.press('Escape')
    await h.page.getByTestId('edit-discard-yes').click()
    await expect.poll(() => review.editor().count()).toBe(0)
    expect((await pair(id)).replyTextEdited).toBeNull()
  })

  it('opens the shortcuts with ? and the original message, Esc closes them', async () => {
    await review.focusList()
    await review.press('?')
    await expect.poll(() => h.page.getByTestId('shortcuts-dialog').isVisible()).toBe(true)
    await review.press('Escape')
    await expect.poll(() => h.page.getByTestId('shortcuts-dialog').count()).toBe(0)
    await h.page.getByTestId('open-original').click()
    await expect.poll(() => h.page.getByTestId('original-body').textContent()).not.toBe('')
    await h.screenshot('review-original-en')
    await review.press('Escape')
    await expect.poll(() => h.page.getByTestId('original-dialog').count()).toBe(0)
  })

  it('takes the shortcuts by physical key in a Russian layout, and lists them all in the help', async () => {
    await review.focusList()
    const id = (await review.activeId())!
    // The A key types "ф" in a Russian layout; it still approves, and Ctrl+Я (Z) undoes.
    await review.pressInLayout('ф', 'KeyA')
    await expect.poll(async () => (await pair(id)).status).toBe('approved')
    await review.pressInLayout('я', 'KeyZ', { ctrl: true })
    await expect.poll(async () => (await pair(id)).status).toBe('new')
    await review.press('?')
    const help = h.page.getByTestId('shortcuts-dialog')
    await expect.poll(() => help.textContent()).toContain('First / last pair')
    const text = (await help.textContent()) ?? ''
    for (const key of ['Home', 'End', 'Ctrl+Enter', 'Ctrl+Z']) expect(text).toContain(key)
    await h.screenshot('review-shortcuts-en')
    await review.press('Escape')
  })

  it('loads more pages as the list scrolls', async () => {
    await review.list().evaluate((el) => (el.scrollTop = el.scrollHeight))
    await expect
      .poll(async () => Number(await review.rows().last().getAttribute('data-id')))
      .toBeGreaterThan(0)
    // The last row (the oldest pair) arrives once every page before it has loaded.
    await expect.poll(() => review.row(special).count(), { timeout: 10_000 }).toBe(1)
  })

  it('searches with / across word forms, and filters by status', async () => {
    await review.press('/')
    await expect
      .poll(() => h.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('review-search')
    await h.page.keyboard.type('чайник')
    await h.page.keyboard.press('Enter')
    await expect.poll(() => review.count('new')).toBe(1)
    await expect.poll(() => review.rows().count()).toBe(1)
    expect(await review.activeId()).toBe(special)
    await review.press('Escape')
    await review.search().fill('')
    await review.search().press('Enter')
    await expect.poll(() => review.count('new')).toBe(600)
    await review.tab('approved').click()
    await expect.poll(() => review.rows().count()).toBe(1)
    await review.tab('new').click()
    await expect.poll(() => review.count('new')).toBe(600)
  })

  it('approves a selection in bulk, and undoes it', async () => {
    await review.selectAll()
    const selected = Number(
      (await h.page.getByTestId('selected-count').textContent())?.replace(/\D/g, ''),
    )
    expect(selected).toBeGreaterThan(50)
    await review.bulkApprove()
    await expect.poll(() => review.count('approved')).toBe(1 + selected)
    await expect.poll(() => review.notice().textContent()).toBe(`Approved ${selected} pairs.`)
    await review.undoButton().click()
    await expect.poll(() => review.count('approved')).toBe(1)
    await expect.poll(() => review.notice().textContent()).toBe(`Undone for ${selected} pairs.`)
    // A notice describes its moment, then goes.
    await expect.poll(() => review.notice().textContent(), { timeout: 15_000 }).toBe('')
    // Shift+click selects a range.
    await review.rows().nth(0).click()
    await review
      .rows()
      .nth(4)
      .click({ modifiers: ['Shift'] })
    await expect.poll(() => h.page.getByTestId('selected-count').textContent()).toBe('5 selected')
    await review.bulkApprove()
    await expect.poll(() => review.count('approved')).toBe(6)
  })

  it('speaks Russian', async () => {
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect.poll(() => shell.headingText()).toBe('Проверка')
    await expect.poll(() => review.tab('new').textContent()).toMatch(/^Новые/)
    await h.screenshot('review-ru')
    await review.focusList()
    await review.press('?')
    await expect
      .poll(() => h.page.getByTestId('shortcuts-dialog').textContent())
      .toContain('Горячие клавиши')
    const help = (await h.page.getByTestId('shortcuts-dialog').textContent()) ?? ''
    for (const part of [
      'Первая / последняя пара',
      'Home',
      'End',
      'Ctrl+Enter',
      'в любой раскладке',
    ]) {
      expect(help).toContain(part)
    }
    await h.screenshot('review-shortcuts-ru')
    await review.press('Escape')
    // The editor's question before discarding speaks Russian; a second Esc discards.
    await review.focusList()
    await review.press('e')
    const reply = h.page.getByTestId('edit-reply')
    await reply.press('Control+End')
    await reply.type(' Спасибо!')
    await reply.press('Escape')
    await expect
      .poll(() => h.page.getByTestId('edit-discard').textContent())
      .toContain('Отменить ваши правки этой пары?')
    await reply.press('Escape')
    await expect.poll(() => review.editor().count()).toBe(0)
    // In a Russian layout the R key types "к" and still rejects.
    await review.focusList()
    const id = (await review.activeId())!
    const before = (await pair(id)).status
    await review.pressInLayout('к', 'KeyR')
    await expect.poll(async () => (await pair(id)).status).toBe('rejected')
    await review.pressInLayout('я', 'KeyZ', { ctrl: true })
    await expect.poll(async () => (await pair(id)).status).toBe(before)
    await h.server.dispatch('settings.update', { language: 'en', theme: 'dark' })
    await expect
      .poll(() => h.page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark')
    await h.screenshot('review-dark-en')
    await h.server.dispatch('settings.update', { theme: 'system' })
    expect(h.problems).toEqual([])
  })
})
