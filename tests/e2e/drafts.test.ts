// Drafts in Chromium as a support person sees them, against the real core and a fake OpenAI
// that writes slowly: the sources and the first words appear while the model is still writing,
// the finished draft shows its tokens and takes a thumbs up or down, every draft is kept under
// "Recent drafts" with its sources a click away, and an approved pair shows how its drafts were
// judged; on a wide window the draft and its sources stand beside the inputs, on a small one
// below them; in English and in Russian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccounts, seedPair } from '../helpers/seed-pairs'
import type { FakeOpenAI } from '../fakes/fake-openai/server'
import { startAiHarness, type AiHarness } from './fixtures'
import { AppShell } from './pages/app-shell'
import { KbPage } from './pages/kb-page'
import { seriousViolations } from './pages/axe-scope'
import { layoutProblems } from './pages/layout-probe'

let h: AiHarness
let openai: FakeOpenAI
let kb: KbPage
let shell: AppShell
const ids = {} as Record<'delivery' | 'refund' | 'waiting', number>
const words = (n: number, w: string): string => Array.from({ length: n }, () => w).join(' ')

beforeAll(async () => {
  // 60 words 100 ms apart: about six seconds of writing to watch, even on a busy machine.
  h = await startAiHarness({
    openai: { tokenIntervalMs: 100 },
    aiEnabled: true,
    hash: '#/drafts',
    before: async (server) => {
      const [a] = seedAccounts(server.core.dbh, ['support@shop.example'])
      const accountId = a!
      ids.delivery = seedPair(server.core.dbh, {
        accountId,
        status: 'approved',
        language: 'ru',
        subject: 'Доставка заказа',
        client: 'Где мой заказ? Доставка задерживается уже неделю.',
        reply: 'Ваш заказ передан курьеру, доставка завтра.',
      })
      ids.refund = seedPair(server.core.dbh, {
        accountId,
        status: 'approved',
        language: 'en',
        subject: 'Late delivery',
        client: 'Where is my order? The delivery is a week late.',
        reply: 'Your order is with the courier and arrives tomorrow.',
      })
      ids.waiting = Number(
        server.core.dbh.sqlite
          .prepare(
            `INSERT INTO messages (account_id, external_id, thread_id, direction, from_address,
               from_name, subject, body_text, sent_at)
             VALUES (?, 'u-9', 'tu-9', 'incoming', 'olga@client.example', 'Ольга', 'Заказ',
               'Где мой заказ? Доставка опять задерживается.', '2026-12-04T09:00:00.000Z')`,
          )
          .run(accountId).lastInsertRowid,
      )
    },
  })
  openai = h.openai
  kb = new KbPage(h.page)
  shell = new AppShell(h.page)
})
afterAll(() => h?.close())

const streaming = () => h.page.getByTestId('draft-streaming')
const recentItem = (id: number) =>
  h.page.getByTestId('recent-drafts').locator(`details[data-id="${id}"]`)
type Box = { left: number; right: number; top: number; bottom: number }
/** Where the paste box, the draft text and its sources are, with the page scrolled to the top. */
const draftBoxes = () =>
  h.page.evaluate(() => {
    document.querySelector('.content')?.scrollTo(0, 0)
    const box = (id: string): Box => {
      const r = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect()
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
    }
    return {
      paste: box('draft-input'),
      text: box('draft-text'),
      sources: box('draft-sources'),
      draft: box('draft'),
      window: { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight },
    }
  })
const inside = (b: Box, w: Box): boolean =>
  b.left >= w.left && b.top >= w.top && b.right <= w.right && b.bottom <= w.bottom
const storedDrafts = async () => {
  const r = await h.server.dispatch('ai.drafts', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value as Array<{ id: number; feedback: string | null; sourceIds: number[] }>
}

describe('drafts as they are written', () => {
  it('shows the sources and the first words while the model writes, then the draft to rate', async () => {
    openai.set({ reply: () => `Hello! ${words(60, 'word')}` })
    await expect
      .poll(() => h.page.getByTestId('drafts-page').isVisible(), { timeout: 15_000 })
      .toBe(true)
    await kb.pasteAndDraft('Where is my order? The delivery is late.')
    // Part of the answer is on screen, with its sources, before the whole of it.
    await expect
      .poll(() => streaming().getByTestId('draft-text').textContent())
      .toMatch(/^Hello! word/)
    const partial = (await streaming().getByTestId('draft-text').textContent()) ?? ''
    expect(partial.split(' ').length).toBeLessThan(61)
    expect(await streaming().getAttribute('aria-busy')).toBe('true')
    expect(await kb.sourceIds()).toContain(ids.refund)
    await h.screenshot('draft-streaming-en')

    await expect.poll(() => h.page.getByTestId('draft').count(), { timeout: 10_000 }).toBe(1)
    expect(await streaming().count()).toBe(0)
    expect(await kb.draftText()).toBe(`Hello! ${words(60, 'word')}`)
    expect(await h.page.getByTestId('draft').textContent()).toContain('tokens: 100 + 20')
    const up = h.page.getByTestId('draft').getByTestId('draft-up')
    await up.click()
    await expect.poll(() => up.getAttribute('aria-pressed')).toBe('true')
    const [latest] = await storedDrafts()
    expect(latest).toMatchObject({ feedback: 'up' })
    expect(latest!.sourceIds).toContain(ids.refund)
    await h.screenshot('draft-done-en')
    // The finished draft, its thumbs and Recent drafts pass WCAG AA.
    expect(await seriousViolations(h.page, '[data-testid="drafts-page"]')).toEqual([])

    // Kept under Recent drafts, its verdict shown, its sources a click away.
    const item = recentItem(latest!.id)
    await expect.poll(() => item.locator('summary').textContent()).toContain('useful')
    await item.locator('summary').click()
    await item.getByRole('button', { name: `pair #${ids.refund}` }).click()
    await expect
      .poll(() => kb.dialogReply())
      .toBe('Your order is with the courier and arrives tomorrow.')
    await kb.closeDialog()
    // Pressing the chosen thumb again takes the verdict back.
    await up.click()
    await expect.poll(() => up.getAttribute('aria-pressed')).toBe('false')
    expect((await storedDrafts())[0]).toMatchObject({ feedback: null })
  })

  it('in Russian: an unanswered message drafted as it is written, judged, and counted for its pair', async () => {
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect.poll(() => shell.headingText()).toBe('Черновики')
    openai.set({ reply: () => `Здравствуйте! ${words(30, 'слово')}` })
    await h.page
      .getByTestId('unanswered')
      .locator(`li[data-id="${ids.waiting}"]`)
      .getByRole('button')
      .click()
    await expect
      .poll(() => h.page.getByTestId('draft-status').getByRole('status').textContent())
      .toBe('Пишем…')
    await expect
      .poll(() => kb.draftText(), { timeout: 10_000 })
      .toBe(`Здравствуйте! ${words(30, 'слово')}`)
    expect(await h.page.getByTestId('draft').textContent()).toContain('токены: 100 + 20')
    const down = h.page.getByTestId('draft').getByTestId('draft-down')
    expect(await down.textContent()).toContain('Не пригодился')
    await down.click()
    await expect.poll(() => down.getAttribute('aria-pressed')).toBe('true')
    const [latest] = await storedDrafts()
    expect(latest).toMatchObject({ feedback: 'down' })
    expect(latest!.sourceIds).toContain(ids.delivery)
    await expect
      .poll(() => recentItem(latest!.id).locator('summary').textContent())
      .toContain('не пригодился')
    await h.screenshot('draft-done-ru')
    expect(await seriousViolations(h.page, '[data-testid="drafts-page"]')).toEqual([])

    // The approved pair it drew on says so in Review.
    await shell.open('review')
    await h.page.getByTestId('status-tab-approved').click()
    await h.page.locator(`[data-testid="pair-row"][data-id="${ids.delivery}"]`).click()
    await expect
      .poll(() => h.page.getByTestId('pair-citations').textContent())
      .toMatch(/^Источник \d+ черновик(а|ов): пригодил(ся|ись) \d+, нет 1$/)
  })

  it("the tray's Draft a reply opens the Drafts page from wherever the window is", async () => {
    expect(await shell.headingText()).toBe('Проверка')
    h.server.core.events.emit('app.navigate', { page: 'drafts' })
    await expect.poll(() => shell.headingText()).toBe('Черновики')
    expect(await h.page.evaluate(() => location.hash)).toBe('#/drafts')
  })
})

describe('the draft beside the inputs on a wide window', () => {
  const SIZES = [
    [1024, 640],
    [1920, 1200],
    [2560, 1440],
  ] as const
  /** Screenshots at each size for a person to look at; nothing scrolls sideways or is cut. */
  const shots = async (what: string, language: string): Promise<void> => {
    const found: string[] = []
    for (const [width, height] of SIZES) {
      await h.page.setViewportSize({ width, height })
      for (const p of await layoutProblems(h.page)) found.push(`${width}×${height}: ${p}`)
      await h.screenshot(`screenshots/${what}-${language}-${width}x${height}`)
    }
    expect(found).toEqual([])
  }

  it.each(['en', 'ru'] as const)(
    'at 1920×1200 the finished draft and its sources sit beside the paste box, at 1024×640 below it, in %s',
    { timeout: 60_000 },
    async (language) => {
      await h.server.dispatch('settings.update', { language })
      openai.set({ tokenIntervalMs: 30, reply: () => `${language}: ${words(60, 'word')}` })
      // A fresh page: no draft yet.
      await h.page.setViewportSize({ width: 1920, height: 1200 })
      await h.page.reload()
      await h.page.getByTestId('recent-drafts').locator('details, p').first().waitFor()
      await h.page.waitForFunction(() => document.querySelector('.state-loading') === null)
      await shots('drafts-empty', language)

      await h.page.setViewportSize({ width: 1920, height: 1200 })
      await kb.pasteAndDraft('Where is my order? The delivery is late.')
      await streaming().getByTestId('draft-text').filter({ hasText: 'word' }).waitFor()
      await h.screenshot(`screenshots/drafts-streaming-${language}-1920x1200`)
      await h.page.getByTestId('draft').waitFor({ timeout: 10_000 })
      expect(await kb.draftText()).toBe(`${language}: ${words(60, 'word')}`)
      await h.page.getByTestId('draft-sources').locator('li').first().waitFor()
      const wide = await draftBoxes()
      // Beside: wholly to the right of the paste box, level with it, all in view at once.
      expect(wide.text.left).toBeGreaterThanOrEqual(wide.paste.right)
      expect(wide.sources.left).toBeGreaterThanOrEqual(wide.paste.right)
      expect(wide.draft.top).toBeLessThan(wide.paste.bottom)
      expect(wide.draft.bottom).toBeGreaterThan(wide.paste.top)
      for (const b of [wide.paste, wide.text, wide.sources])
        expect(inside(b, wide.window)).toBe(true)
      // The keyboard still goes from the inputs to the draft: Tab from the button lands on its text.
      await h.page.getByTestId('draft-submit').focus()
      await h.page.keyboard.press('Tab')
      expect(await h.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'draft-text',
      )

      await h.page.setViewportSize({ width: 1024, height: 640 })
      const narrow = await draftBoxes()
      // Stacked as on any window: the draft under the paste box, in the same column.
      expect(narrow.text.top).toBeGreaterThanOrEqual(narrow.paste.bottom)
      expect(narrow.sources.top).toBeGreaterThanOrEqual(narrow.text.bottom)
      expect(narrow.text.left).toBeLessThan(narrow.paste.right)
      expect(narrow.sources.left).toBeLessThan(narrow.paste.right)
      await shots('drafts-done', language)
    },
  )
})
