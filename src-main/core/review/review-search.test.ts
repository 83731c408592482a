// Search over subjects, and the marks that say where it matched (list previews and detail).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MarkRange, PairListItem } from '@contract/pairs'
import { openDatabase, type OpenedDatabase } from '../../db/open-database'
import { createEventBus } from '../event-bus'
import { sourceMigrationsFolder } from '../paths'
import { seedAccounts, seedPair } from '../../../tests/helpers/seed-pairs'
import { tempDir } from '../../../tests/helpers/temp'
import { createReviewService } from './review-service'
import { searchMatcher } from './search-marks'

const tmp = tempDir()
let dbh: OpenedDatabase
let svc: ReturnType<typeof createReviewService>
const ids = {} as Record<'payment' | 'login' | 'order' | 'other', number>

beforeAll(() => {
  dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  svc = createReviewService({ dbh, events: createEventBus() })
  const [a] = seedAccounts(dbh, ['support@shop.example'])
  const pair = (subject: string, client: string, reply: string, language = 'en') =>
    seedPair(dbh, { accountId: a!, subject, client, reply, language })
  ids.payment = pair('Payment declined', 'My card does not work at checkout.', 'Try again now.')
  ids.login = pair('Проблема со входом', 'Не могу попасть в кабинет.', 'Сбросили пароль.', 'ru')
  ids.order = pair('Вопрос', 'Где мой заказ? Номер заказа 5512.', 'Заказы уходят завтра.', 'ru')
  ids.other = pair('Question', 'Nothing about it here.', 'Fine.')
})
afterAll(() => {
  dbh.close()
  tmp.cleanup()
})

const idsOf = (items: PairListItem[]) => items.map((i) => i.id)
const list = (q: string) => svc.list({ status: 'new', limit: 50, q })
const marked = (text: string, ranges: MarkRange[] | undefined) =>
  (ranges ?? []).map(([a, b]) => text.slice(a, b))

describe('search over subjects', () => {
  it('finds words that are only in the subject, in every word form', () => {
    expect(idsOf(list('Payment declined').items)).toEqual([ids.payment])
    expect(idsOf(list('payments').items)).toEqual([ids.payment])
    expect(idsOf(list('Проблема со входом').items)).toEqual([ids.login])
    expect(idsOf(list('проблемы').items)).toEqual([ids.login])
    expect(svc.counts({ q: 'declined' })).toEqual({ new: 1, approved: 0, rejected: 0 })
  })
})

describe('search marks', () => {
  it('mark the matched word forms in the subject and previews of the list', () => {
    const [payment] = list('payment decline').items
    expect(marked(payment!.subject, payment!.marks?.subject)).toEqual(['Payment', 'declined'])
    expect(payment!.marks?.client).toEqual([])
    const [order] = list('заказ').items
    expect(order!.id).toBe(ids.order)
    expect(marked(order!.clientPreview, order!.marks?.client)).toEqual(['заказ', 'заказа'])
    expect(marked(order!.replyPreview, order!.marks?.reply)).toEqual(['Заказы'])
    // No search, no marks.
    expect(svc.list({ status: 'new', limit: 5 }).items[0]!.marks).toBeUndefined()
  })

  it('mark every text of the detail when asked with the search', () => {
    svc.edit({ id: ids.order, replyText: 'Ваш заказ отправлен.' })
    const d = svc.get(ids.order, 'заказами')
    expect(marked(d.clientText, d.marks?.clientText)).toEqual(['заказ', 'заказа'])
    expect(marked(d.replyText, d.marks?.replyText)).toEqual(['Заказы'])
    expect(marked(d.replyTextEdited!, d.marks?.replyTextEdited)).toEqual(['заказ'])
    expect(d.marks?.clientTextEdited).toEqual([])
    expect(svc.get(ids.order).marks).toBeUndefined()
    // An edit answers with the marks of its new text.
    const edited = svc.edit({ id: ids.order, replyText: 'Два заказа.', q: 'заказ' })
    expect(marked(edited.replyTextEdited!, edited.marks?.replyTextEdited)).toEqual(['заказа'])
    const login = svc.get(ids.login, 'вход')
    expect(marked(login.subject, login.marks?.subject)).toEqual(['входом'])
  })

  it('follow the index: the last word as a prefix, earlier words whole, FTS syntax inert', () => {
    const m = searchMatcher('card chec')!
    const text = 'My card does not work at checkout; cards, checks.'
    expect(marked(text, m.marks(text))).toEqual(['card', 'checkout', 'cards', 'checks'])
    const whole = searchMatcher('chec card')!
    expect(marked(text, whole.marks(text))).toEqual(['card', 'cards'])
    // Letters folded as FTS5 folds them; an ё is an е.
    const fr = searchMatcher('cafe')!
    expect(marked('Un café, deux cafés.', fr.marks('Un café, deux cafés.'))).toEqual([
      'café',
      'cafés',
    ])
    const yo = searchMatcher('ещё')!
    expect(marked('Еще раз', yo.marks('Еще раз'))).toEqual(['Еще'])
    expect(searchMatcher(' "* OR ')?.marks('OR or')).toEqual([
      [0, 2],
      [3, 5],
    ])
    expect(searchMatcher(' ?! ')).toBeNull()
    // Offsets are UTF-16 positions in the string itself, after emoji too.
    const emoji = '👋 Заказ'
    expect(marked(emoji, searchMatcher('заказ')!.marks(emoji))).toEqual(['Заказ'])
  })
})
