// Page object: the Accounts page (connect flow, table, progress, dialogs).
import type { Locator, Page } from 'playwright-core'

export class AccountsPage {
  constructor(readonly page: Page) {}

  connectButton(): Locator {
    return this.page.getByTestId('connect-gmail')
  }

  waiting(): Locator {
    return this.page.getByTestId('connect-waiting')
  }

  /** The authorization link the page shows while it waits (empty until main announces it). */
  async authUrl(): Promise<string> {
    const input = this.page.getByTestId('auth-url')
    return (await input.count()) ? await input.inputValue() : ''
  }

  cancelButton(): Locator {
    return this.page.getByTestId('connect-cancel')
  }

  flash(): Locator {
    return this.page.getByTestId('accounts-flash')
  }

  async flashText(): Promise<string> {
    const f = this.flash()
    return (await f.count()) ? ((await f.locator('.flash-text > p').textContent()) ?? '') : ''
  }

  row(email: string): Locator {
    return this.page.getByTestId(`account-${email}`)
  }

  async rowStatus(email: string): Promise<string | null> {
    const row = this.row(email)
    return (await row.count()) ? row.getAttribute('data-status') : null
  }

  /** The row as a reader sees it: its visible text, cell by cell ('' for a hidden cell). */
  async rowCells(email: string): Promise<string[]> {
    return this.row(email)
      .locator('td')
      .evaluateAll((cells) =>
        cells.map((c) => (c.checkVisibility() ? (c as HTMLElement).innerText.trim() : '')),
      )
  }

  summary(email: string): Locator {
    return this.row(email).getByTestId('account-summary')
  }

  syncNow(email: string): Promise<void> {
    return this.row(email).getByTestId('account-sync-now').click()
  }

  progress(): Locator {
    return this.page.getByTestId('account-progress')
  }

  resultDialog(): Locator {
    return this.page.getByTestId('sync-result')
  }

  async resultFigure(name: 'fetched' | 'stored' | 'pairs' | 'errors'): Promise<string> {
    return (await this.resultDialog().getByTestId(`result-${name}`).textContent()) ?? ''
  }

  closeResult(): Promise<void> {
    return this.page.getByTestId('sync-result-close').click()
  }

  async disconnect(email: string, purge: boolean): Promise<void> {
    await this.row(email).getByTestId('account-disconnect').click()
    const dialog = this.page.getByTestId('disconnect-dialog')
    if (purge) await dialog.getByTestId('disconnect-purge').check()
    await dialog.getByTestId('disconnect-confirm').click()
  }
}
