import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './harness'
import { journal } from '../helpers/migrations'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h?.close())

describe('app frame in Chromium through the bridge', () => {
  it('loads the frame with its navigation, in English by default', async () => {
    const nav = h.page.getByRole('navigation', { name: 'Main navigation' })
    await expect
      .poll(() => nav.getByRole('link').allTextContents())
      .toEqual(['Accounts', 'Review', 'Drafts', 'Settings'])
    await expect
      .poll(() => h.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Accounts')
    // The token left the address bar once read.
    expect(h.page.url()).not.toContain('token=')
  })

  it('shows the core status on the Settings page', async () => {
    await h.page.getByRole('link', { name: 'Settings' }).click()
    await expect
      .poll(() => h.page.getByTestId('schema-version').textContent())
      .toContain(`${journal().length} (${journal().at(-1)!.tag})`)
    await expect
      .poll(() => h.page.getByTestId('keychain-state').textContent())
      .toMatch(/^Available/)
    expect(h.page.url()).toMatch(/#\/settings$/)
  })

  it('switches to Russian and back, and remembers the choice in the core', async () => {
    await h.page.getByTestId('language-select').selectOption('ru')
    await expect
      .poll(() => h.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Настройки')
    await expect
      .poll(() => h.page.getByRole('navigation').getByRole('link').allTextContents())
      .toEqual(['Аккаунты', 'Проверка', 'Черновики', 'Настройки'])
    expect(await h.page.evaluate(() => document.documentElement.lang)).toBe('ru')
    const stored = await h.server.dispatch('settings.get', {})
    expect(stored).toMatchObject({ ok: true, value: { language: 'ru' } })

    await h.page.reload()
    await expect
      .poll(() => h.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Настройки')
    await h.page.getByTestId('language-select').selectOption('en')
    await expect
      .poll(() => h.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Settings')
  })

  it('opens the last page again after a restart of the page', async () => {
    await h.page.getByRole('link', { name: 'Review' }).click()
    await expect.poll(() => h.page.getByRole('heading', { level: 1 }).textContent()).toBe('Review')
    // A fresh start at the bare address (no #/page): the remembered page opens.
    await h.page.goto(h.page.url().replace(/#.*$/, ''))
    await expect.poll(() => h.page.getByRole('heading', { level: 1 }).textContent()).toBe('Review')
    expect(h.page.url()).toMatch(/#\/review$/)
  })

  it('gives the page no Node, Electron or environment access, and breaks no CSP rule', async () => {
    const exposed = await h.page.evaluate(() => ({
      replybase: typeof (window as unknown as { replybase?: unknown }).replybase,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
      require: typeof (globalThis as unknown as { require?: unknown }).require,
    }))
    expect(exposed).toEqual({ replybase: 'undefined', process: 'undefined', require: 'undefined' })
    expect(h.problems).toEqual([])
  })
})
