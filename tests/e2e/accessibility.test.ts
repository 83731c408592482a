// Accessibility of every page and the main dialogs (disconnect, shortcuts, editor, export,
// original message) and of search highlights, checked by axe-core (WCAG 2 A and AA rules)
// in Chromium, in both languages and both themes: a serious or critical violation (contrast
// under 4.5:1, a control without a name, a broken ARIA role, ...) fails the test, listed by
// page, rule and element.
import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setAccountStatus } from '../../src-main/db/queries/accounts'
import { seedAccounts, seedPairs } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'
import { ExportDialog } from './pages/export-dialog'
import { ReviewPage } from './pages/review-page'
import { setAppearance, showPage } from './pages/every-page'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let h: Harness
let shell: AppShell
let review: ReviewPage

beforeAll(async () => {
  h = await startHarness({
    hash: '#/accounts',
    before: (server) => {
      seedPairs(server.core.dbh, 60, { seed: 5 })
      // A paused account and one in error, so every status pill and its text are checked.
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

/** Serious and critical violations on the page (or inside `scope`), one readable line each. */
async function violations(where: string, scope?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page: h.page }).withTags(TAGS)
  if (scope) builder = builder.include(scope)
  const result = await builder.analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${where}: ${v.id} (${v.impact}) ${v.help} at ${n.target.join(' ')}` +
          ` :: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
      ),
    )
}

/** Opens a dialog, checks it alone (the page behind it is inert), then closes it. */
async function checkDialog(
  where: string,
  testId: string,
  open: () => Promise<void>,
): Promise<string[]> {
  await open()
  const dialog = h.page.getByTestId(testId)
  await dialog.waitFor({ state: 'visible' })
  const found = await violations(where, `[data-testid="${testId}"]`)
  await h.page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  return found
}

const COMBINATIONS = [
  ['en', 'light'],
  ['en', 'dark'],
  ['ru', 'light'],
  ['ru', 'dark'],
] as const

describe('accessibility (axe, WCAG 2 AA)', () => {
  it.each(COMBINATIONS)(
    'has no serious violation on any page or dialog in %s, %s',
    { timeout: 180_000 },
    async (language, theme) => {
      await setAppearance(h, language, theme)
      const found: string[] = []
      const at = (what: string): string => `${language}/${theme} ${what}`
      for (const page of ['accounts', 'review', 'drafts', 'settings'] as const) {
        await showPage(h, shell, page)
        found.push(...(await violations(at(page))))
        if (page === 'accounts') {
          found.push(
            ...(await checkDialog(at('disconnect dialog'), 'disconnect-dialog', () =>
              h.page.getByTestId('account-disconnect').first().click(),
            )),
          )
        }
        if (page !== 'review') continue
        await review.focusList()
        found.push(
          ...(await checkDialog(at('shortcuts help'), 'shortcuts-dialog', () =>
            h.page.keyboard.press('?'),
          )),
        )
        await review.focusList()
        found.push(
          ...(await checkDialog(at('pair editor'), 'pair-editor', () =>
            h.page.keyboard.press('e'),
          )),
        )
        found.push(
          ...(await checkDialog(at('export dialog'), 'export-dialog', () =>
            new ExportDialog(h.page).open(),
          )),
        )
        found.push(
          ...(await checkDialog(at('original message'), 'original-dialog', async () => {
            await h.page.getByTestId('open-original').click()
            await h.page.getByTestId('original-body').first().waitFor()
          })),
        )
        // A search marks the words it found in the list and the detail.
        await review.search().fill('refund')
        await h.page.locator('mark').first().waitFor()
        found.push(...(await violations(at('review search'))))
        await review.search().fill('')
        await h.page.locator('mark').first().waitFor({ state: 'detached' })
      }
      expect(found).toEqual([])
      expect(h.problems).toEqual([])
    },
  )
})
