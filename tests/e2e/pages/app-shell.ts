// Page object: the frame around every page (navigation, headings).
import type { Page } from 'playwright-core'

export class AppShell {
  constructor(readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation')
  }

  /** Goes to a page by its position in the menu (names differ per language). */
  async open(which: 'accounts' | 'review' | 'drafts' | 'settings'): Promise<void> {
    const index = { accounts: 0, review: 1, drafts: 2, settings: 3 }[which]
    await this.nav().getByRole('link').nth(index).click()
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  headingText(): Promise<string | null> {
    return this.heading().textContent()
  }
}
