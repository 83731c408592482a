// Page object: Review → Export… (options, summary, progress, done).
import type { Locator, Page } from 'playwright-core'

export class ExportDialog {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('export-open').click()
  }

  dialog(): Locator {
    return this.page.getByTestId('export-dialog')
  }

  async format(format: 'openai-jsonl' | 'csv' | 'jsonl'): Promise<void> {
    await this.page.getByTestId(`export-format-${format}`).check()
  }

  async split(on: boolean): Promise<void> {
    await this.page.getByTestId('export-split').setChecked(on)
  }

  async check(): Promise<void> {
    await this.page.getByTestId('export-check').click()
  }

  async write(): Promise<void> {
    await this.page.getByTestId('export-write').click()
  }

  /** The value cell of one summary row (e.g. 'examples', 'matched', 'file-train'). */
  async summary(row: string): Promise<string> {
    return (await this.page.getByTestId(`export-${row}`).locator('td').textContent()) ?? ''
  }

  async number(row: string): Promise<number> {
    return Number((await this.summary(row)).replace(/\D/g, ''))
  }

  done(): Locator {
    return this.page.getByTestId('export-done')
  }

  scope(): Locator {
    return this.page.getByTestId('export-scope')
  }
}
