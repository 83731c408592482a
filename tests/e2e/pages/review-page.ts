// Page object: the Review page (filters, counts, list, detail, editor).
import type { Locator, Page } from 'playwright-core'

export class ReviewPage {
  constructor(readonly page: Page) {}

  list(): Locator {
    return this.page.getByTestId('pair-list')
  }

  rows(): Locator {
    return this.page.getByTestId('pair-row')
  }

  row(id: number): Locator {
    return this.page.locator(`[data-testid="pair-row"][data-id="${id}"]`)
  }

  async count(status: 'new' | 'approved' | 'rejected' | 'all'): Promise<number> {
    const text = (await this.page.getByTestId(`count-${status}`).textContent()) ?? ''
    const digits = text.replace(/\D/g, '')
    return digits ? Number(digits) : -1
  }

  tab(status: 'new' | 'approved' | 'rejected' | 'all'): Locator {
    return this.page.getByTestId(`status-tab-${status}`)
  }

  detail(): Locator {
    return this.page.getByTestId('detail-view')
  }

  /** Id of the pair in the detail pane, or null. */
  async activeId(): Promise<number | null> {
    const d = this.detail()
    if (!(await d.count())) return null
    const id = await d.getAttribute('data-id')
    return id ? Number(id) : null
  }

  async detailStatus(): Promise<string | null> {
    const d = this.detail()
    return (await d.count()) ? d.getAttribute('data-status') : null
  }

  async rowStatus(id: number): Promise<string | null> {
    const row = this.row(id)
    return (await row.count()) ? row.getAttribute('data-status') : null
  }

  /** Presses keys with focus on the list (where a reviewer works). */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key)
  }

  /** A key press as a non-Latin layout sends it: `key` is what it types, `code` where it sits. */
  async pressInLayout(key: string, code: string, mods: { ctrl?: boolean } = {}): Promise<void> {
    await this.page.evaluate(
      ([key, code, ctrl]) => {
        const target = document.activeElement ?? document.body
        const init = { key, code, ctrlKey: ctrl, bubbles: true, cancelable: true }
        target.dispatchEvent(new KeyboardEvent('keydown', init))
        target.dispatchEvent(new KeyboardEvent('keyup', init))
      },
      [key, code, mods.ctrl === true] as const,
    )
  }

  async focusList(): Promise<void> {
    await this.list().focus()
  }

  search(): Locator {
    return this.page.getByTestId('review-search')
  }

  editor(): Locator {
    return this.page.getByTestId('pair-editor')
  }

  replyText(): Locator {
    return this.page.getByTestId('reply-text')
  }

  notice(): Locator {
    return this.page.getByTestId('review-notice')
  }

  selectAll(): Promise<void> {
    return this.page.getByTestId('select-all').click()
  }

  bulkApprove(): Promise<void> {
    return this.page.getByTestId('bulk-approve').click()
  }

  undoButton(): Locator {
    return this.page.getByTestId('undo')
  }
}
