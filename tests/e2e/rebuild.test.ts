// "Rebuild pairs" in Chromium on a data folder an older version filled (hard-wrapped texts):
// Settings says how much mail is stale, the rebuild shows what changed in English and Russian,
// and Review then shows the client's paragraph whole, still approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccounts, seedPair } from '../helpers/seed-pairs'
import { startHarness, type Harness } from './harness'
import { AppShell } from './pages/app-shell'
import { ReviewPage } from './pages/review-page'

const RU_TYPED =
  'После обновления приложение перестало синхронизировать заказы с сайтом, новые заказы ' +
  'появляются только через несколько часов, а иногда не появляются вовсе.'
const RU_WRAPPED =
  'После обновления приложение перестало синхронизировать заказы с сайтом,\n' +
  'новые заказы появляются только через несколько часов, а иногда не\n' +
  'появляются вовсе.'
const EN_WRAPPED =
  'I ordered the annual plan last Tuesday and the payment went through on my\n' +
  'card, but the account still shows the free tier and the export button is\n' +
  'greyed out for my team.'

let h: Harness
let shell: AppShell
let ruPair = 0

beforeAll(async () => {
  h = await startHarness({
    hash: '#/settings',
    before: (server) => {
      const [a] = seedAccounts(server.core.dbh, ['support@shop.example'])
      seedPair(server.core.dbh, {
        accountId: a!,
        client: EN_WRAPPED,
        reply: 'We switched your account to the annual plan; the export works again.',
        language: 'en',
        sentAt: '2026-11-01T10:00:00.000Z',
      })
      ruPair = seedPair(server.core.dbh, {
        accountId: a!,
        client: RU_WRAPPED,
        reply: 'Проверили: синхронизация снова работает, заказы приходят сразу.',
        language: 'ru',
        status: 'approved',
        sentAt: '2026-11-02T10:00:00.000Z',
      })
    },
  })
  shell = new AppShell(h.page)
})
afterAll(async () => {
  await h?.close()
})

const text = async (id: string): Promise<string> =>
  (await h.page.getByTestId(id).textContent()) ?? ''

describe('Rebuild pairs', () => {
  it('says what is stale, rebuilds with a summary, and Review shows paragraphs', async () => {
    await expect
      .poll(() => text('rebuild-stale'), { timeout: 15_000 })
      .toBe('4 messages were stored by an older version: rebuild to read them in paragraphs.')
    await h.page.getByTestId('rebuild-start').click()
    await expect
      .poll(() => text('rebuild-result'))
      .toBe(
        'Rebuilt 2 threads: 2 message texts changed, 2 pairs updated. ' +
          '1 of them was reviewed: its status and edits stay.',
      )
    await expect.poll(() => h.page.getByTestId('rebuild-stale').count()).toBe(0)
    await h.screenshot('rebuild-en')

    await shell.open('review')
    const review = new ReviewPage(h.page)
    await review.tab('approved').click()
    await expect.poll(() => review.row(ruPair).count(), { timeout: 15_000 }).toBe(1)
    await review.row(ruPair).click()
    await expect.poll(() => review.activeId()).toBe(ruPair)
    await expect.poll(async () => (await review.detail().textContent()) ?? '').toContain(RU_TYPED)
    expect(await review.detailStatus()).toBe('approved')
  })

  it('speaks Russian, and a second rebuild changes nothing', async () => {
    await shell.open('settings')
    await h.page.getByTestId('language-select').selectOption('ru')
    await expect.poll(() => text('rebuild-start')).toBe('Пересобрать пары')
    await h.page.getByTestId('rebuild-start').click()
    await expect
      .poll(() => text('rebuild-result'))
      .toBe('Пересобраны 2 цепочки: изменились тексты 0 писем, обновлено 0 пар.')
    await h.screenshot('rebuild-ru')
  })
})
