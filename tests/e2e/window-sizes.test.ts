// Every page from a small laptop window (1024×640) to a large monitor (2560×1440), in English and
// in the longer Russian: actions wrap instead of running off the edge, nothing scrolls sideways,
// no control is cut. Screenshots of every page at 1024×640 and 1920×1200 in both languages (and
// in the dark theme at 1280×800) go to test-results/screenshots/ for a person to look at.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS } from '../helpers/chromium'
import { setAccountStatus } from '../../src-main/db/queries/accounts'
import { seedAccounts, seedPairs } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'
import { PAGES, setAppearance, showPage, type PageName } from './pages/every-page'
import { ExportDialog } from './pages/export-dialog'
import { layoutProblems } from './pages/layout-probe'
import { ReviewPage } from './pages/review-page'

const SIZES = [
  [1024, 640],
  [1280, 800],
  [1920, 1200],
  [2560, 1440],
] as const
const SHOT_SIZES = [
  [1024, 640],
  [1920, 1200],
] as const
const LANGUAGES = ['en', 'ru'] as const

let h: Harness
let shell: AppShell
let review: ReviewPage

beforeAll(async () => {
  h = await startHarness({
    hash: '#/accounts',
    before: (server) => {
      seedPairs(server.core.dbh, 80, {
        seed: 9,
        accounts: ['support@shop.example', 'customer-care.team@long-company-name.example'],
      })
      // A paused account and one that needs reconnecting: the rows with the most actions.
      const [paused, failing] = seedAccounts(server.core.dbh, [
        'paused@shop.example',
        'failing@shop.example',
      ])
      setAccountStatus(server.core.dbh, paused!, 'disabled', null)
      setAccountStatus(server.core.dbh, failing!, 'error', 'token_revoked')
    },
  })
  shell = new AppShell(h.page)
  review = new ReviewPage(h.page)
})
afterAll(() => h?.close())

/** The page as checked: on Review, a selection shows the bulk actions (the widest bar). */
async function problemsOn(page: PageName): Promise<string[]> {
  await showPage(h, shell, page)
  if (page !== 'review') return layoutProblems(h.page)
  const plain = await layoutProblems(h.page)
  await h.page.getByTestId('select-all').click()
  await h.page.getByTestId('bulk-approve').waitFor()
  const selecting = await layoutProblems(h.page)
  await h.page.locator('.bulk button.link').click()
  return [...plain, ...selecting.map((p) => `with a selection: ${p}`)]
}

describe('window sizes', () => {
  it.each(LANGUAGES)(
    'fits every page from 1024×640 to 2560×1440 in %s',
    { timeout: 180_000 },
    async (language) => {
      await setAppearance(h, language)
      const found: string[] = []
      for (const [width, height] of SIZES) {
        await h.page.setViewportSize({ width, height })
        for (const page of PAGES) {
          for (const problem of await problemsOn(page))
            found.push(`${language} ${width}×${height} ${page}: ${problem}`)
        }
      }
      expect(found).toEqual([])
      expect(h.problems).toEqual([])
    },
  )

  it.each(LANGUAGES)(
    'takes screenshots of every page at 1024×640 and 1920×1200 in %s',
    { timeout: 180_000 },
    async (language) => {
      await setAppearance(h, language)
      fs.mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true })
      const written: string[] = []
      for (const [width, height] of SHOT_SIZES) {
        await h.page.setViewportSize({ width, height })
        const shot = async (what: string): Promise<void> => {
          written.push(await h.screenshot(`screenshots/${what}-${language}-${width}x${height}`))
        }
        for (const page of PAGES) {
          await showPage(h, shell, page)
          await shot(page)
          if (page !== 'review') continue
          await review.focusList()
          await h.page.keyboard.press('?')
          await h.page.getByTestId('shortcuts-dialog').waitFor()
          await shot('review-shortcuts')
          await h.page.keyboard.press('Escape')
          await review.focusList()
          await h.page.keyboard.press('e')
          await h.page.getByTestId('pair-editor').waitFor()
          await shot('review-editor')
          await h.page.keyboard.press('Escape')
          await h.page.getByTestId('pair-editor').waitFor({ state: 'hidden' })
          await new ExportDialog(h.page).open()
          await h.page.getByTestId('export-dialog').waitFor()
          await shot('review-export')
          await h.page.keyboard.press('Escape')
          await h.page.getByTestId('export-dialog').waitFor({ state: 'hidden' })
        }
      }
      // The dark theme once, at a common laptop size.
      await setAppearance(h, language, 'dark')
      await h.page.setViewportSize({ width: 1280, height: 800 })
      for (const page of PAGES) {
        await showPage(h, shell, page)
        written.push(await h.screenshot(`screenshots/${page}-${language}-dark-1280x800`))
      }
      await setAppearance(h, language, 'light')
      for (const file of written) expect(fs.statSync(file).size).toBeGreaterThan(10_000)
    },
  )
})
