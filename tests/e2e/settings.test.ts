// Settings in Chromium: the OpenAI key is saved and removed through the page and never comes
// back to it (every API answer and event is searched for it), the connection test reports a
// good and a bad key, models load from the account, and the sync and app settings stick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/fake-openai/server'
import { encodingsOf } from '../helpers/temp'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'
import { SettingsPage } from './pages/settings-page'

const GOOD_KEY = `sk-CANARYgood${'7'.repeat(24)}`
const BAD_KEY = `sk-CANARYbad${'3'.repeat(24)}`
const GOOGLE_SECRET = 'GOCSPX-CANARYsecret0000000000'

let openai: FakeOpenAI
let h: Harness
let settings: SettingsPage
let shell: AppShell

beforeAll(async () => {
  openai = await startFakeOpenAI({ keys: [GOOD_KEY] })
  h = await startHarness({ env: { REPLYBASE_OPENAI_BASE_URL: openai.baseUrl }, hash: '#/settings' })
  settings = new SettingsPage(h.page)
  shell = new AppShell(h.page)
})
afterAll(async () => {
  await h?.close()
  await openai?.close()
})

async function getOpenAI() {
  const r = await h.server.dispatch('ai.getOpenAI', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value as { hasKey: boolean; model: string | null }
}

/** Everything the page could have seen or kept: API answers, events, the DOM, its storage. */
async function renderedEverything(): Promise<string> {
  const dom = await h.page.content()
  const values = await h.page.evaluate(() =>
    [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value),
  )
  const storage = await h.page.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
  )
  return [...h.transcript, dom, ...values, storage].join('\n')
}

describe('Settings page', () => {
  it('shows the AI section with no key stored', async () => {
    await expect.poll(() => shell.headingText()).toBe('Settings')
    await expect.poll(() => settings.keyState()).toBe('No key is stored.')
    expect(await settings.apiKey().getAttribute('placeholder')).toMatch(/^No key stored/)
    expect(await settings.apiKey().getAttribute('type')).toBe('password')
  })

  it('saves a key that OpenAI refuses, and the test says so', async () => {
    await settings.saveKey(BAD_KEY)
    await expect
      .poll(() => settings.message())
      .toContain('Settings saved. The new key will be used for AI requests.')
    expect(await settings.apiKey().inputValue()).toBe('')
    await settings.testConnection()
    await expect.poll(() => settings.testResult()).toMatch(/^OpenAI refused the key \(401\)/)
  })

  it('saves the right key: stored, masked, and the connection test passes', async () => {
    await settings.saveKey(GOOD_KEY)
    await expect
      .poll(() => settings.message())
      .toContain('Settings saved. The new key will be used for AI requests.')
    await expect.poll(() => settings.keyState()).toBe('A key is stored in the system keychain.')
    expect(await settings.apiKey().getAttribute('placeholder')).toMatch(/^•••••••• \(stored/)
    expect(await settings.apiKey().inputValue()).toBe('')
    expect((await getOpenAI()).hasKey).toBe(true)
    await settings.testConnection()
    await expect.poll(() => settings.testResult()).toMatch(/^Connection works/)
    await h.screenshot('settings-ai-en')
  })

  it('loads the models of the account and keeps the chosen default', async () => {
    await settings.loadModels()
    await expect
      .poll(() => settings.model().locator('option').allTextContents())
      .toContain('o3-mini')
    // Only chat models can write drafts: no image, speech, transcription or embedding models.
    const offered = await settings.model().locator('option').allTextContents()
    for (const other of ['dall-e-3', 'tts-1', 'whisper-1', 'text-embedding-3-small']) {
      expect(offered).not.toContain(other)
    }
    await settings.model().selectOption('o3-mini')
    await h.page.getByTestId('openai-save').click()
    await expect.poll(() => settings.message()).toContain('Settings saved.')
    expect(await settings.message()).not.toContain('new key')
    await expect.poll(async () => (await getOpenAI()).model).toBe('o3-mini')
  })

  it('reports a rate limit as such', async () => {
    openai.set({ mode: 'rate_limited' })
    await settings.testConnection()
    await expect.poll(() => settings.testResult()).toMatch(/^OpenAI is rate limiting this key/)
    openai.set({ mode: 'ok' })
  })

  it('removes the key', async () => {
    await settings.removeKey()
    await expect.poll(() => settings.message()).toContain('The key was removed from the keychain.')
    await expect.poll(() => settings.keyState()).toBe('No key is stored.')
    expect((await getOpenAI()).hasKey).toBe(false)
  })

  it('words long sync intervals in hours and days', async () => {
    const labels = await h.page.getByTestId('sync-interval').locator('option').allTextContents()
    expect(labels).toEqual(expect.arrayContaining(['30 minutes', '1 hour', '12 hours', '1 day']))
    expect(labels.join(' ')).not.toMatch(/720|1440/)
  })

  it('keeps the sync and app settings, and the Google secret write-only', async () => {
    await h.page.getByTestId('sync-interval').selectOption('15')
    await h.page.getByTestId('sync-lookback').selectOption('365')
    await h.page.getByTestId('sync-paused').check()
    await h.page.getByTestId('start-minimized').check()
    await h.page.getByTestId('google-client-id').fill('1234-test.apps.googleusercontent.com')
    await h.page.getByTestId('google-client-secret').fill(GOOGLE_SECRET)
    await h.page.getByTestId('google-save').click()
    await expect
      .poll(async () => {
        const r = await h.server.dispatch('settings.get', {})
        return r.ok ? r.value : null
      })
      .toMatchObject({
        syncIntervalMinutes: 15,
        lookbackDays: 365,
        backgroundSyncPaused: true,
        startMinimized: true,
        googleClientId: '1234-test.apps.googleusercontent.com',
        googleClientSecretStored: true,
      })
    await expect
      .poll(() => h.page.getByTestId('google-client-secret').getAttribute('placeholder'))
      .toMatch(/^•••••••• \(stored/)
    expect(await h.page.getByTestId('google-client-secret').inputValue()).toBe('')
    await h.screenshot('settings-en')
  })

  it('never lets a secret reach the renderer', async () => {
    const seen = Buffer.from(await renderedEverything())
    for (const secret of [GOOD_KEY, BAD_KEY, GOOGLE_SECRET]) {
      for (const form of encodingsOf(secret)) expect(seen.includes(form)).toBe(false)
      // Nor a recognisable part of it (OpenAI's own 401 text echoes the key's ends).
      expect(seen.includes(Buffer.from(secret.slice(0, 12)))).toBe(false)
    }
    expect(h.transcript.length).toBeGreaterThan(10)
  })

  it('says "saved" beside the control that saved, and not for long; a new error replaces it', async () => {
    const syncMessage = h.page.getByTestId('sync-settings-message')
    const googleMessage = h.page.getByTestId('google-message')
    await h.page.getByTestId('sync-interval').selectOption('30')
    await expect.poll(() => syncMessage.textContent()).toBe('Settings saved.')
    // The Google form's own Save answers under its own button, not under the sync choices.
    await expect.poll(() => syncMessage.textContent(), { timeout: 10_000 }).toBe('')
    await h.page.getByTestId('google-save').click()
    await expect.poll(() => googleMessage.textContent()).toBe('Settings saved.')
    expect(await syncMessage.textContent()).toBe('')
    // A success goes by itself after a few seconds.
    await expect.poll(() => googleMessage.textContent(), { timeout: 10_000 }).toBe('')

    // A connection test that fails does not sit beside the last "Settings saved".
    await settings.saveKey(GOOD_KEY)
    await expect.poll(() => settings.message()).toContain('Settings saved.')
    openai.set({ mode: 'rate_limited' })
    await settings.testConnection()
    await expect.poll(() => settings.testResult()).toMatch(/^OpenAI is rate limiting this key/)
    expect(await settings.message()).not.toContain('Settings saved')
    openai.set({ mode: 'ok' })

    await settings.language().selectOption('ru')
    await expect.poll(() => shell.headingText()).toBe('Настройки')
    await h.page.getByTestId('sync-interval').selectOption('60')
    await expect.poll(() => syncMessage.textContent()).toBe('Настройки сохранены.')
    expect(await googleMessage.textContent()).toBe('')
    await settings.language().selectOption('en')
    await expect.poll(() => shell.headingText()).toBe('Settings')
  })

  it('switches to Russian, with the seed confirmation in Russian', async () => {
    await settings.language().selectOption('ru')
    await expect.poll(() => shell.headingText()).toBe('Настройки')
    await settings.saveKey(GOOD_KEY)
    await expect
      .poll(() => settings.message())
      .toContain('Настройки сохранены. Новый ключ будет использоваться для AI-запросов.')
    await h.screenshot('settings-ru')
    const labels = await h.page.getByTestId('sync-interval').locator('option').allTextContents()
    expect(labels).toEqual(expect.arrayContaining(['30 минут', '1 час', '12 часов', '1 день']))
    // The Google client fields speak Russian too.
    const google = (await h.page.getByTestId('sync-settings').innerText()).replace(/\([^)]*\)/g, '')
    expect(google).not.toMatch(/Client ID|Client secret|\bsecret\b/)
    expect(google).toContain('Секрет клиента')
    expect(google).toContain('Удалить секрет')
    await settings.removeKey()
    await expect.poll(() => settings.keyState()).toBe('Ключ не сохранён.')
    await settings.language().selectOption('en')
    await expect.poll(() => shell.headingText()).toBe('Settings')
    expect(h.problems).toEqual([])
  })
})
