// Export from Review in Chromium against the real core: the file of a filter holds exactly the
// pairs the list shows, the summary comes before writing and matches the file, the split keeps
// threads apart, Show in folder goes through main, and the page can never name a path.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import type { PairCounts } from '@contract'
import { seedPair, seedPairs } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { ExportDialog } from './pages/export-dialog'
import { ReviewPage } from './pages/review-page'

let h: Harness
let review: ReviewPage
let exp: ExportDialog
let ruAccount = 0
let edited = 0
let rejected = 0
let bulkAccount = 0

const exportsDir = () => path.join(h.dataDir, 'exports')
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)

beforeAll(async () => {
  h = await startHarness({
    hash: '#/review',
    before: (server) => {
      seedPairs(server.core.dbh, 240, {
        seed: 9,
        accounts: ['support@shop.example', 'help@magazin.example'],
      })
      ruAccount = server.core.accounts.list().find((a) => a.email === 'help@magazin.example')!.id
      edited = seedPair(server.core.dbh, {
        accountId: ruAccount,
        language: 'ru',
        status: 'approved',
        client: 'Где моя посылка? Звоните +7 912 345-67-89.',
        reply: 'Сейчас узнаю.',
        replyTextEdited: 'Посылка в пути, трек-номер в личном кабинете.',
      })
      // A large archive on its own account, for progress and Cancel.
      seedPairs(server.core.dbh, 15_000, {
        seed: 4,
        accounts: ['archive@shop.example'],
        status: 'approved',
        prefix: 'bulk',
      })
      bulkAccount = server.core.accounts.list().find((a) => a.email === 'archive@shop.example')!.id
      rejected = seedPair(server.core.dbh, {
        accountId: ruAccount,
        language: 'ru',
        status: 'rejected',
        client: 'Спасибо!',
        reply: 'Пожалуйста!',
      })
    },
  })
  review = new ReviewPage(h.page)
  exp = new ExportDialog(h.page)
})
afterAll(() => h?.close())

async function selectedIds(): Promise<number[]> {
  const ids = await h.page
    .locator('[data-testid="pair-row"][aria-selected="true"]')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))))
  return ids.sort((a, b) => a - b)
}

async function shownIds(): Promise<number[]> {
  const ids = await review
    .rows()
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))))
  return ids.sort((a, b) => a - b)
}

describe('Export from Review', () => {
  it('writes exactly the pairs the list shows for approved Russian pairs of one account', async () => {
    await review.tab('approved').click()
    await h.page.getByTestId('review-account').selectOption(String(ruAccount))
    await h.page.getByTestId('review-language').selectOption('ru')
    const counts = await h.server.dispatch('pairs.counts', { accountId: ruAccount, language: 'ru' })
    if (!counts.ok) throw new Error(counts.error.message)
    const expected = (counts.value as PairCounts).approved
    expect(expected).toBeGreaterThan(3)
    await expect.poll(() => review.count('approved')).toBe(expected)
    // Few enough rows that the list holds every one of them.
    await expect.poll(() => review.rows().count()).toBe(expected)
    const shown = await shownIds()
    expect(shown).toContain(edited)
    expect(shown).not.toContain(rejected)

    await exp.open()
    await expect
      .poll(() => exp.scope().textContent())
      .toMatch(/Approved, help@magazin\.example, Russian/)
    await exp.format('jsonl')
    await exp.split(false)
    await exp.check()
    await expect.poll(() => exp.number('matched')).toBe(expected)
    expect(await exp.number('examples')).toBe(expected)
    expect(await exp.summary('redaction')).toMatch(/1 phone numbers/)
    await h.screenshot('export-summary')
    await exp.write()
    await expect.poll(() => exp.done().count()).toBe(1)

    const [name] = fs.readdirSync(exportsDir())
    const records = lines(path.join(exportsDir(), name!)).map(
      (l) => JSON.parse(l) as { pair_id: number; reply_text: string; client_text: string },
    )
    expect(records.map((r) => r.pair_id).sort((a, b) => a - b)).toEqual(shown)
    const mine = records.find((r) => r.pair_id === edited)!
    expect(mine.reply_text).toBe('Посылка в пути, трек-номер в личном кабинете.')
    expect(mine.client_text).toBe('Где моя посылка? Звоните [phone].')

    await h.page.getByTestId('export-reveal').click()
    await expect.poll(() => h.server.revealed).toEqual([path.join(exportsDir(), name!)])
    await h.page.keyboard.press('Escape')
    await expect.poll(() => exp.dialog().count()).toBe(0)
  })

  it('writes a fine-tuning file with a validation file beside it, as the summary said', async () => {
    await review.tab('all').click()
    await h.page.getByTestId('review-language').selectOption('')
    fs.rmSync(exportsDir(), { recursive: true, force: true })
    await exp.open()
    await exp.format('openai-jsonl')
    await h.page.getByTestId('export-prompt-ru').fill('Ты — служба поддержки магазина.')
    await exp.split(true)
    await exp.check()
    await expect.poll(() => exp.number('rejected')).toBeGreaterThan(0)
    const before = {
      train: await exp.summary('file-train'),
      validation: await exp.summary('file-validation'),
    }
    await exp.write()
    await expect.poll(() => exp.done().count()).toBe(1)
    expect(await exp.summary('file-train')).toBe(before.train)
    expect(await exp.summary('file-validation')).toBe(before.validation)
    const files = fs.readdirSync(exportsDir()).sort()
    expect(files).toHaveLength(2)
    const validation = files.find((f) => f.includes('.validation.'))!
    const train = files.find((f) => f !== validation)!
    const count = (s: string) => Number(s.split(':').at(-1)!.replace(/\D/g, ''))
    expect(lines(path.join(exportsDir(), train))).toHaveLength(count(before.train))
    expect(lines(path.join(exportsDir(), validation))).toHaveLength(count(before.validation))
    let withPrompt = 0
    for (const l of lines(path.join(exportsDir(), train))) {
      const ex = JSON.parse(l) as { messages: Array<{ role: string; content: string }> }
      const roles = ex.messages.map((m) => m.role)
      if (roles[0] === 'system') {
        withPrompt++
        expect(ex.messages[0]!.content).toBe('Ты — служба поддержки магазина.')
        expect(ex.messages[1]!.content).toMatch(/[а-яё]/i)
      }
      expect(roles.slice(-2)).toEqual(['user', 'assistant'])
      expect(ex.messages.every((m) => m.content.trim().length > 0)).toBe(true)
      expect(ex.messages.at(-2)!.content).not.toBe('Спасибо!')
    }
    expect(withPrompt).toBeGreaterThan(0)
    expect(withPrompt).toBeLessThan(count(before.train))
    // The prompt is a setting: the next export (and the CLI's) uses it too.
    const settings = await h.server.dispatch('export.settings', {})
    expect(settings.ok && settings.value).toMatchObject({
      systemPrompt: { ru: 'Ты — служба поддержки магазина.', en: '' },
    })
    await h.page.keyboard.press('Escape')
  })

  it('exports only the selection when there is one, as CSV that keeps Russian intact', async () => {
    await review.tab('approved').click()
    await h.page.getByTestId('review-account').selectOption(String(ruAccount))
    await h.page.getByTestId('review-language').selectOption('ru')
    await expect.poll(() => review.rows().count()).toBeGreaterThan(3)
    await review.rows().nth(0).click()
    await review
      .rows()
      .nth(2)
      .click({ modifiers: ['Shift'] })
    await expect.poll(() => h.page.getByTestId('selected-count').textContent()).toMatch(/3/)
    const selected = await selectedIds()
    expect(selected).toHaveLength(3)
    fs.rmSync(exportsDir(), { recursive: true, force: true })
    await exp.open()
    await expect.poll(() => exp.scope().textContent()).toBe('The 3 selected pairs.')
    await exp.format('csv')
    await exp.split(false)
    await exp.check()
    await expect.poll(() => exp.number('examples')).toBe(3)
    await exp.write()
    await expect.poll(() => exp.done().count()).toBe(1)
    const [name] = fs.readdirSync(exportsDir())
    expect(name).toMatch(/\.csv$/)
    const rows = parse(fs.readFileSync(path.join(exportsDir(), name!)), {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>
    expect(rows.map((r) => Number(r.pair_id)).sort((a, b) => a - b)).toEqual(selected)
    for (const r of rows) expect(r.client_text).toMatch(/[а-яё]/i)
    await h.page.keyboard.press('Escape')
    await h.page.keyboard.press('Escape')
  })

  it('shows progress while writing, and Cancel leaves no file', { timeout: 60_000 }, async () => {
    await review.tab('approved').click()
    await h.page.getByTestId('review-language').selectOption('')
    await h.page.getByTestId('review-account').selectOption(String(bulkAccount))
    await expect.poll(() => review.count('approved')).toBe(15_000)
    fs.rmSync(exportsDir(), { recursive: true, force: true })
    await exp.open()
    await exp.format('csv')
    await exp.split(false)
    await exp.check()
    await expect.poll(() => exp.number('examples'), { timeout: 20_000 }).toBe(15_000)
    await exp.write()
    const progress = h.page.getByTestId('export-progress')
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0)
    await h.page.getByTestId('export-cancel').click()
    await expect
      .poll(() => h.page.getByTestId('export-status').textContent(), { timeout: 10_000 })
      .toMatch(/cancelled; no file was written/)
    expect(fs.readdirSync(exportsDir())).toEqual([])
    await h.page.keyboard.press('Escape')
  })

  it('never lets the page name the file main writes', async () => {
    const r = await h.server.dispatch('export.write', {
      format: 'csv',
      out: path.join(h.dataDir, 'elsewhere.csv'),
      jobId: 'page-chosen-path',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('forbidden')
    expect(fs.existsSync(path.join(h.dataDir, 'elsewhere.csv'))).toBe(false)
    expect(h.problems).toEqual([])
  })
})
