// Walking every page as a user sees it: the app's language and theme set through the API (the
// page follows the settings event), and a page opened from the menu and waited for until its
// data is on screen (no "Loading…" left), with a pair selected on Review.
import type { Harness } from '../harness'
import type { AppShell } from './app-shell'

export const PAGES = ['accounts', 'review', 'drafts', 'settings'] as const
export type PageName = (typeof PAGES)[number]

export async function setAppearance(
  h: Harness,
  language: 'en' | 'ru',
  theme: 'light' | 'dark' = 'light',
): Promise<void> {
  const r = await h.server.dispatch('settings.update', { language, theme })
  if (!r.ok) throw new Error(r.error.message)
  await h.page.waitForFunction(
    ([lang, th]) =>
      document.documentElement.lang === lang && document.documentElement.dataset.theme === th,
    [language, theme] as const,
  )
}

const READY: Record<PageName, string> = {
  accounts: '[data-testid="accounts-table"]',
  review: '[data-testid="detail-view"]',
  drafts: '[data-testid="drafts-page"]',
  settings: '[data-testid="language-select"]',
}

export async function showPage(h: Harness, shell: AppShell, page: PageName): Promise<void> {
  await shell.open(page)
  await h.page.locator(READY[page]).first().waitFor({ state: 'visible' })
  await h.page.waitForFunction(() => document.querySelector('.state-loading') === null)
  if (page === 'review') {
    await h.page.waitForFunction(
      () => document.querySelector('[data-testid="pair-row"][aria-current="true"]') !== null,
    )
  }
}
