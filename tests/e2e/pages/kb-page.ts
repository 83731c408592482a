// Page object: the knowledge base at work: the Similar approved panel in Review, drafts with
// their sources (in Review and on the Drafts page), the source pair dialog, the AI switch.
import type { Locator, Page } from 'playwright-core'

export class KbPage {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByTestId('similar-panel')
  }

  similarIds(): Promise<number[]> {
    return this.page
      .getByTestId('similar-list')
      .locator('li')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))))
  }

  similarItem(id: number): Locator {
    return this.page.getByTestId('similar-list').locator(`li[data-id="${id}"]`)
  }

  sourceItem(id: number): Locator {
    return this.page.getByTestId('draft-sources').locator(`li[data-id="${id}"]`)
  }

  sourceIds(): Promise<number[]> {
    return this.page
      .getByTestId('draft-sources')
      .locator('li')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))))
  }

  dialog(): Locator {
    return this.page.getByTestId('source-pair-dialog')
  }

  async dialogReply(): Promise<string> {
    return (await this.dialog().getByTestId('source-reply').textContent()) ?? ''
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape')
  }

  draftForPair(): Promise<void> {
    return this.page.getByTestId('draft-for-pair').click()
  }

  async pasteAndDraft(text: string): Promise<void> {
    await this.page.getByTestId('draft-input').fill(text)
    await this.page.getByTestId('draft-submit').click()
  }

  async draftText(): Promise<string | null> {
    const d = this.page.getByTestId('draft-text')
    return (await d.count()) ? d.textContent() : null
  }

  async draftError(): Promise<string | null> {
    const e = this.page.getByTestId('draft-error')
    return (await e.count()) ? e.textContent() : null
  }

  aiSwitch(): Locator {
    return this.page.getByTestId('ai-enabled')
  }

  async aiState(): Promise<string> {
    return (await this.page.getByTestId('ai-state').textContent()) ?? ''
  }

  async sentTo(): Promise<string> {
    return (await this.page.getByTestId('ai-sent-to').textContent()) ?? ''
  }
}
