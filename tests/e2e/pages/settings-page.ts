// Page object: the Settings page (AI provider, sync and app, appearance, status).
import type { Locator, Page } from 'playwright-core'

export class SettingsPage {
  constructor(readonly page: Page) {}

  apiKey(): Locator {
    return this.page.getByTestId('openai-key')
  }

  async saveKey(key: string): Promise<void> {
    await this.apiKey().fill(key)
    await this.page.getByTestId('openai-save').click()
  }

  removeKey(): Promise<void> {
    return this.page.getByTestId('openai-remove-key').click()
  }

  async message(): Promise<string> {
    return (await this.page.getByTestId('openai-message').textContent()) ?? ''
  }

  async keyState(): Promise<string> {
    return (await this.page.getByTestId('openai-key-state').textContent()) ?? ''
  }

  testConnection(): Promise<void> {
    return this.page.getByTestId('openai-test').click()
  }

  async testResult(): Promise<string> {
    const r = this.page.getByTestId('openai-test-result')
    return (await r.count()) ? ((await r.textContent()) ?? '') : ''
  }

  model(): Locator {
    return this.page.getByTestId('openai-model')
  }

  loadModels(): Promise<void> {
    return this.page.getByTestId('openai-load-models').click()
  }

  language(): Locator {
    return this.page.getByTestId('language-select')
  }
}
