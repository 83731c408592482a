// Each account row on the Accounts page names the mailbox once: its address, with a display name
// above it only when that name says something the address does not. The row still tells the
// provider (in its column, or under the address where a narrow window drops that column), the
// status, the last sync and the actions, in English and in Russian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccounts } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { AccountsPage } from './pages/accounts-page'
import { seriousViolations } from './pages/axe-scope'
import { setAppearance } from './pages/every-page'

const PLAIN = 'support@shop.example'
const NAMED = 'team@shop.example'
const SAME = 'help@shop.example'

let h: Harness
let accounts: AccountsPage

beforeAll(async () => {
  h = await startHarness({
    hash: '#/accounts',
    before: (server) => {
      // As an older connect left them (`Gmail – <address>`), a real name, and the address as its name.
      const [, named, same] = seedAccounts(server.core.dbh, [PLAIN, NAMED, SAME])
      const rename = server.core.dbh.sqlite.prepare(
        `UPDATE accounts SET display_name = ? WHERE id = ?`,
      )
      rename.run('Shop support team', named)
      rename.run('Help@Shop.example', same)
    },
  })
  accounts = new AccountsPage(h.page)
})
afterAll(() => h?.close())

const times = (text: string, part: string): number =>
  text.toLowerCase().split(part.toLowerCase()).length - 1

/** The provider, account, status, last sync, summary and actions cells of a row, as seen. */
async function cellsOf(email: string) {
  await expect.poll(() => accounts.row(email).count(), { timeout: 15_000 }).toBe(1)
  return accounts.rowCells(email)
}

describe('account names', () => {
  it.each([
    ['en', 'Gmail', 'active', 'never', 'Sync now'],
    ['ru', 'Gmail', 'активен', 'никогда', 'Синхронизировать'],
  ] as const)(
    'shows each address once, with the rest of the row, in %s',
    async (language, provider, status, never, syncNow) => {
      await setAppearance(h, language)
      await h.page.setViewportSize({ width: 1920, height: 1200 })
      for (const email of [PLAIN, NAMED, SAME]) {
        const cells = await cellsOf(email)
        const row = cells.join('\n')
        expect(times(row, email), `${email} in "${row}"`).toBe(1)
        expect(cells[0]).toBe(provider)
        expect(cells[2]).toBe(status)
        expect(cells[3]).toBe(never)
        expect(cells[5]).toContain(syncNow)
      }
      // A name that is not the address stays, above it.
      expect((await cellsOf(NAMED))[1]).toBe(`Shop support team\n${NAMED}`)
      expect((await cellsOf(PLAIN))[1]).toBe(PLAIN)
      expect((await cellsOf(SAME))[1]).toBe(SAME)
      await h.screenshot(`accounts-names-1920-${language}`)

      // A narrow window: no provider column, so the account cell says Gmail under the address.
      await h.page.setViewportSize({ width: 1024, height: 640 })
      await expect.poll(async () => (await cellsOf(PLAIN))[0]).toBe('')
      for (const email of [PLAIN, NAMED, SAME]) {
        const cells = await cellsOf(email)
        expect(times(cells.join('\n'), email)).toBe(1)
        expect(cells[1]).toMatch(new RegExp(`\\n${provider}$`))
      }
      expect((await cellsOf(NAMED))[1]).toBe(`Shop support team\n${NAMED}\n${provider}`)
      await h.screenshot(`accounts-names-1024-${language}`)
      expect(await seriousViolations(h.page, '[data-testid="accounts-table"]')).toEqual([])
      expect(h.problems).toEqual([])
    },
  )
})
