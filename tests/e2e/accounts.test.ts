// Accounts in Chromium: connect a Gmail mailbox through the real OAuth flow (the fake Google
// plays the browser's part), sync it while the progress bar moves, read the result dialog,
// and the failure flashes in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeGoogle } from '../fakes/fake-google'
import { startHarness, type Harness } from './harness'
import { MAILBOX, completeConsent, googleEnv, startGoogle } from './fixtures'
import { AccountsPage } from './pages/accounts-page'
import { AppShell } from './pages/app-shell'

let fake: FakeGoogle
let h: Harness
let accounts: AccountsPage
let shell: AppShell

beforeAll(async () => {
  // Latency stretches the sync over a few seconds so the progress bar can be watched.
  fake = await startGoogle(160, 25)
  h = await startHarness({ env: googleEnv(fake) })
  accounts = new AccountsPage(h.page)
  shell = new AppShell(h.page)
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

describe('Accounts page', () => {
  it('starts empty, with the connect button', async () => {
    await expect.poll(() => shell.headingText()).toBe('Accounts')
    await expect.poll(() => h.page.getByText('No Gmail mailbox is connected yet.').count()).toBe(1)
    await h.screenshot('accounts-empty-en')
  })

  it('connects a mailbox: waiting state with the link, then a success flash and the row', async () => {
    await accounts.connectButton().click()
    await expect.poll(() => accounts.waiting().isVisible()).toBe(true)
    await expect.poll(() => accounts.authUrl()).toContain(fake.authUrl)
    await h.screenshot('accounts-waiting-en')
    const answer = await completeConsent(await accounts.authUrl())
    expect(answer.status).toBe(200)
    await expect.poll(() => accounts.flashText()).toBe(`Connected ${MAILBOX}.`)
    await expect.poll(() => accounts.rowStatus(MAILBOX)).toBe('active')
    expect(await accounts.waiting().count()).toBe(0)
    // A success notice goes by itself after a few seconds.
    await expect.poll(() => accounts.flash().count(), { timeout: 15_000 }).toBe(0)
  })

  it('syncs it: a live progress bar, then the result dialog with the figures', async () => {
    await accounts.syncNow(MAILBOX)
    await expect.poll(() => accounts.progress().count(), { timeout: 10_000 }).toBe(1)
    await expect
      .poll(() => accounts.progress().getByTestId('progress-text').textContent(), {
        timeout: 10_000,
      })
      .toMatch(/^(Listing messages|Fetching messages|Reading changes|Starting|Finishing)/)
    await h.screenshot('accounts-syncing-en')
    await expect.poll(() => accounts.resultDialog().isVisible(), { timeout: 60_000 }).toBe(true)
    expect(Number(await accounts.resultFigure('fetched'))).toBeGreaterThan(0)
    expect(Number(await accounts.resultFigure('pairs'))).toBeGreaterThan(0)
    expect(await accounts.resultFigure('errors')).toBe('none')
    await h.screenshot('accounts-sync-result-en')
    await accounts.closeResult()
    await expect.poll(() => accounts.resultDialog().count()).toBe(0)
    await expect.poll(() => accounts.progress().count()).toBe(0)
    const row = accounts.row(MAILBOX)
    // Focus goes back to the Sync now that opened the run, though it was disabled meanwhile.
    await expect
      .poll(() => h.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('account-sync-now')
    await expect
      .poll(() => row.getByTestId('account-last-change').textContent())
      .toMatch(/^last sync: \+[1-9]\d* messages · \+[1-9]\d* pairs · 0 errors$/)
    const held = (await row.getByTestId('account-holdings').textContent()) ?? ''
    expect(held).toMatch(
      /^[1-9][\d,]* messages · [1-9][\d,]* pairs \([1-9][\d,]* new, 0 approved, 0 rejected\)$/,
    )
    await h.screenshot('accounts-en')
    // A sync with nothing new changes nothing, and the row still shows what the account holds.
    await accounts.syncNow(MAILBOX)
    await expect.poll(() => accounts.resultDialog().isVisible(), { timeout: 60_000 }).toBe(true)
    await accounts.closeResult()
    await expect
      .poll(() => row.getByTestId('account-last-change').textContent())
      .toBe('last sync: +0 messages · +0 pairs · 0 errors')
    expect(await row.getByTestId('account-holdings').textContent()).toBe(held)
  })

  it('says a sync failed when Gmail cannot be reached, in both languages, not that it finished', async () => {
    fake.setFaults({ offline: 'reset' })
    try {
      await accounts.syncNow(MAILBOX)
      await expect.poll(() => accounts.resultDialog().isVisible(), { timeout: 60_000 }).toBe(true)
      await expect
        .poll(() => accounts.resultDialog().getByRole('heading').first().textContent())
        .toBe(`Sync failed: ${MAILBOX}`)
      expect(await accounts.resultDialog().textContent()).toContain('Gmail could not be reached')
      expect(await accounts.resultDialog().textContent()).not.toContain('core is not reachable')
      await h.screenshot('accounts-sync-failed-en')
      await h.server.dispatch('settings.update', { language: 'ru' })
      await expect
        .poll(() => accounts.resultDialog().getByRole('heading').first().textContent())
        .toBe(`Синхронизация не удалась: ${MAILBOX}`)
      await expect.poll(() => accounts.resultDialog().textContent()).toContain('Нет связи с Gmail')
      await h.screenshot('accounts-sync-failed-ru')
      await accounts.closeResult()
      await expect
        .poll(() => h.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('account-sync-now')
      // The reason stays on the row, with its time, after the dialog is gone.
      const lastError = accounts.row(MAILBOX).getByTestId('account-last-error')
      await expect
        .poll(() => lastError.textContent())
        .toMatch(/^Последняя синхронизация \(.+\) — проблема: Нет связи с Gmail/)
      await h.server.dispatch('settings.update', { language: 'en' })
      await expect
        .poll(() => lastError.textContent())
        .toMatch(/^Last sync \(.+\) had a problem: Gmail could not be reached/)
    } finally {
      fake.setFaults({ offline: false })
      await h.server.dispatch('settings.update', { language: 'en' })
    }
    // Until a sync succeeds.
    await accounts.syncNow(MAILBOX)
    await expect.poll(() => accounts.resultDialog().isVisible(), { timeout: 60_000 }).toBe(true)
    await accounts.closeResult()
    await expect.poll(() => accounts.row(MAILBOX).getByTestId('account-last-error').count()).toBe(0)
  })

  it('cancels a connect attempt', async () => {
    await accounts.connectButton().click()
    await expect.poll(() => accounts.authUrl()).toContain(fake.authUrl)
    await accounts.cancelButton().click()
    await expect.poll(() => accounts.flashText()).toBe('The connection was cancelled.')
  })

  it('shows a denied consent in the user language', async () => {
    fake.setNextAuth({ mode: 'deny' })
    await accounts.connectButton().click()
    await expect.poll(() => accounts.authUrl()).toContain(fake.authUrl)
    await completeConsent(await accounts.authUrl())
    await expect
      .poll(() => accounts.flashText())
      .toBe('Google access was denied in the browser. Connect again and allow access.')
    expect(await accounts.flash().getAttribute('data-kind')).toBe('error')
  })

  it('marks a revoked account as error with Reconnect, and reconnecting fixes it', async () => {
    fake.revokeAll(MAILBOX)
    await accounts.syncNow(MAILBOX)
    await expect.poll(() => accounts.resultDialog().isVisible(), { timeout: 30_000 }).toBe(true)
    await accounts.closeResult()
    await expect.poll(() => accounts.rowStatus(MAILBOX), { timeout: 10_000 }).toBe('error')
    await expect
      .poll(() => accounts.row(MAILBOX).textContent())
      .toContain('access revoked: reconnect')
    await h.screenshot('accounts-error-en')
    // A click on the desktop notification: main asks for Accounts with this account's Reconnect.
    await shell.open('settings')
    const [account] = h.server.core.accounts.list()
    h.server.core.events.emit('app.navigate', { page: 'accounts', reconnectAccountId: account!.id })
    await expect.poll(() => shell.headingText()).toBe('Accounts')
    await expect
      .poll(() => h.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('account-reconnect')
    await h.page.keyboard.press('Enter')
    await expect.poll(() => accounts.authUrl()).toContain(fake.authUrl)
    await completeConsent(await accounts.authUrl())
    await expect.poll(() => accounts.flashText()).toBe(`Reconnected ${MAILBOX}.`)
    await expect.poll(() => accounts.rowStatus(MAILBOX)).toBe('active')
    expect(await accounts.row(MAILBOX).getAttribute('class')).toBeNull()
    // "Reconnected" is no longer true once the account fails again: it goes with it, at once.
    h.server.core.accounts.markError(account!.id, 'token_revoked')
    await expect.poll(() => accounts.rowStatus(MAILBOX)).toBe('error')
    expect(await accounts.flash().count()).toBe(0)
    h.server.core.accounts.markActive(account!.id)
    await expect.poll(() => accounts.rowStatus(MAILBOX)).toBe('active')
  })

  it('speaks Russian, flash messages included', async () => {
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect.poll(() => shell.headingText()).toBe('Аккаунты')
    fake.setNextAuth({ mode: 'deny' })
    await accounts.connectButton().click()
    await expect.poll(() => accounts.authUrl()).toContain(fake.authUrl)
    await completeConsent(await accounts.authUrl())
    await expect
      .poll(() => accounts.flashText())
      .toBe('В браузере отказано в доступе к Google. Подключитесь снова и разрешите доступ.')
    await expect
      .poll(() => accounts.summary(MAILBOX).textContent())
      .toMatch(
        /^писем: [\d\s\u00a0]+ · пар: [\d\s\u00a0]+ \(новых \d+, одобрено \d+, отклонено \d+\)последняя синхронизация: писем \+\d+ · пар \+\d+ · ошибок \d+/,
      )
    await h.screenshot('accounts-ru')
    await h.server.dispatch('settings.update', { language: 'en' })
  })

  it('offers Reconnect after a disconnect that kept the mail, with words a Russian reader cannot confuse', async () => {
    await accounts.disconnect(MAILBOX, false)
    await expect
      .poll(() => accounts.flashText())
      .toBe(`Disconnected ${MAILBOX}. Its messages and pairs were kept.`)
    await expect.poll(() => accounts.rowStatus(MAILBOX)).toBe('disabled')
    const row = accounts.row(MAILBOX)
    await expect
      .poll(() => row.textContent())
      .toContain('disconnected from Gmail: reconnect to go on')
    expect(await row.getByTestId('account-reconnect').count()).toBe(1)
    expect(await row.getByTestId('account-toggle').count()).toBe(0)
    expect(await row.getByTestId('account-disconnect').count()).toBe(0)
    await h.server.dispatch('settings.update', { language: 'ru' })
    await expect
      .poll(() => row.getByTestId('account-reconnect').textContent())
      .toBe('Переподключить')
    await expect.poll(() => row.textContent()).toContain('отключён от Gmail')
    await h.screenshot('accounts-disconnected-ru')
    await row.getByTestId('account-reconnect').click()
    await expect.poll(() => accounts.authUrl()).toContain(fake.authUrl)
    await completeConsent(await accounts.authUrl())
    await expect.poll(() => accounts.rowStatus(MAILBOX)).toBe('active')
    // Pausing and disconnecting read differently in Russian, and the disconnect asks first.
    expect(await row.getByTestId('account-toggle').textContent()).toBe('Приостановить')
    expect(await row.getByTestId('account-disconnect').textContent()).toBe('Отключить от Gmail…')
    await row.getByTestId('account-disconnect').click()
    await expect
      .poll(() => h.page.getByTestId('disconnect-dialog').textContent())
      .toContain(`Отключить ${MAILBOX} от Gmail?`)
    await h.page.keyboard.press('Escape')
    await expect.poll(() => h.page.getByTestId('disconnect-dialog').count()).toBe(0)
    await h.server.dispatch('settings.update', { language: 'en' })
  })

  it('disconnects with confirmation, deleting messages and pairs when asked', async () => {
    await accounts.disconnect(MAILBOX, true)
    await expect
      .poll(() => accounts.flashText())
      .toMatch(new RegExp(`^Disconnected ${MAILBOX} and deleted \\d+ messages and \\d+ pairs\\.$`))
    await expect.poll(() => accounts.row(MAILBOX).count()).toBe(0)
    expect(h.problems).toEqual([])
  })
})
