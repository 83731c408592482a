// The loading, empty and error states of every page, forced through the real page: an empty
// knowledge base, and API answers replaced by failures (page.route) to show the error screens
// and their Retry. Also keyboard reachability with a visible focus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Route } from 'playwright-core'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'

let h: Harness
let shell: AppShell

beforeAll(async () => {
  h = await startHarness()
  shell = new AppShell(h.page)
})
afterAll(() => h?.close())

/** Fails every call of `method` with `code` until the returned function is called. */
async function failMethod(method: string, code: string): Promise<() => Promise<void>> {
  const handler = async (route: Route): Promise<void> => {
    const body = route.request().postDataJSON() as { method?: string }
    if (body.method !== method) return route.continue()
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code, message: `${method} failed` } }),
    })
  }
  await h.page.route('**/api/invoke', handler)
  return () => h.page.unroute('**/api/invoke', handler)
}

describe('page states', () => {
  it('says what to do on an empty knowledge base, in both languages', async () => {
    await expect.poll(() => h.page.getByText('No Gmail mailbox is connected yet.').count()).toBe(1)
    await shell.open('review')
    await expect
      .poll(() =>
        h.page.getByText('No training pairs yet. They appear here after the first sync.').count(),
      )
      .toBe(1)
    await h.screenshot('review-empty-en')
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect
      .poll(() =>
        h.page
          .getByText('Обучающих пар пока нет. Они появятся после первой синхронизации.')
          .count(),
      )
      .toBe(1)
    await shell.open('accounts')
    await expect
      .poll(() =>
        h.page.getByText('Ни один ящик Gmail ещё не подключён.', { exact: false }).count(),
      )
      .toBe(1)
    await h.screenshot('accounts-empty-ru')
    await h.server.dispatch('settings.update', { language: 'en' })
  })

  it('shows an error with Retry when the accounts cannot be read', async () => {
    const restore = await failMethod('accounts.list', 'db_busy')
    await h.page.reload()
    await expect
      .poll(() => h.page.getByRole('alert').textContent())
      .toContain('The database is busy in another ReplyBase process; try again.')
    await h.screenshot('accounts-error-state-en')
    await restore()
    await h.page.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => h.page.getByText('No Gmail mailbox is connected yet.').count()).toBe(1)
  })

  it('shows an error with Retry on Review and on Settings', async () => {
    const restoreList = await failMethod('pairs.list', 'internal')
    await shell.open('review')
    await h.page.reload()
    await expect
      .poll(() => h.page.getByRole('alert').textContent())
      .toContain('Something went wrong')
    await restoreList()
    await h.page.getByRole('button', { name: 'Try again' }).click()
    await expect
      .poll(() => h.page.getByText('No training pairs yet.', { exact: false }).count())
      .toBe(1)

    const restoreAi = await failMethod('ai.getOpenAI', 'keychain_unavailable')
    await shell.open('settings')
    await h.page.reload()
    await expect
      .poll(() => h.page.getByTestId('ai-settings').getByRole('alert').textContent())
      .toContain('The system keychain is not reachable.')
    await restoreAi()
    await h.page.getByTestId('ai-settings').getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => h.page.getByTestId('openai-key').count()).toBe(1)
  })

  it('reaches every control by keyboard, with a visible focus ring', async () => {
    await shell.open('accounts')
    await h.page.getByRole('heading', { level: 1 }).click()
    const seen: string[] = []
    for (let i = 0; i < 8; i++) {
      await h.page.keyboard.press('Tab')
      const focus = await h.page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const style = getComputedStyle(el)
        return {
          tag: el.tagName,
          text: el.textContent?.trim() ?? '',
          outline: style.outlineStyle,
          width: style.outlineWidth,
        }
      })
      if (focus.tag === 'BODY') continue
      expect(focus.outline, focus.text).toBe('solid')
      expect(focus.width).toBe('2px')
      seen.push(focus.text)
    }
    expect(seen).toEqual(
      expect.arrayContaining(['Accounts', 'Review', 'Settings', 'Connect Gmail account']),
    )
    expect(h.problems).toEqual([])
  })
})
