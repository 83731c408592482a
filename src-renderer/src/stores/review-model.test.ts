import { describe, expect, it } from 'vitest'
import type { PairDetail, PairListItem } from '@contract/pairs'
import {
  countsInput,
  editPatch,
  itemFromDetail,
  listInput,
  preview,
  shiftCounts,
  DEFAULT_FILTERS,
} from './review-model'

describe('review model', () => {
  it('sends only the filters that are set', () => {
    expect(countsInput(DEFAULT_FILTERS)).toEqual({})
    const f = {
      ...DEFAULT_FILTERS,
      accountId: 2,
      language: 'ru' as const,
      q: ' посылка ',
      from: '2026-01-01',
      to: '',
    }
    expect(countsInput(f)).toEqual({
      accountId: 2,
      language: 'ru',
      q: 'посылка',
      from: new Date(2026, 0, 1).toISOString(),
    })
    expect(listInput(f, 'c1', 300)).toMatchObject({
      status: 'new',
      order: 'newest',
      cursor: 'c1',
      limit: 300,
    })
    // Dates are the user's local days: `to` reaches the last millisecond of its day.
    expect(countsInput({ ...f, from: '', to: '2026-02-28' }).to).toBe(
      new Date(new Date(2026, 2, 1).getTime() - 1).toISOString(),
    )
  })

  it('moves counts between statuses', () => {
    expect(
      shiftCounts({ new: 3, approved: 0, rejected: 1 }, [
        { from: 'new', to: 'approved' },
        { from: 'rejected', to: 'rejected' },
      ]),
    ).toEqual({ new: 2, approved: 1, rejected: 1 })
  })

  it('folds previews to one line of 120 characters', () => {
    expect(preview('Hello,\n\n  world')).toBe('Hello, world')
    const long = preview('x'.repeat(300))
    expect(long).toHaveLength(120)
    expect(long.endsWith('…')).toBe(true)
  })

  it('works out the edit to send', () => {
    expect(editPatch('orig', null, 'orig')).toBeUndefined()
    expect(editPatch('orig', null, ' new ')).toBe('new')
    expect(editPatch('orig', 'edited', 'edited')).toBeUndefined()
    expect(editPatch('orig', 'edited', 'orig')).toBeNull()
  })

  it('drops the search marks of a preview an edit changed, and keeps the others', () => {
    const item = {
      id: 1,
      subject: 'Заказ',
      clientPreview: 'Где мой заказ?',
      replyPreview: 'Заказ отправлен.',
      status: 'new',
      edited: false,
      marks: { subject: [[0, 5]], client: [[8, 13]], reply: [[0, 5]] },
    } as unknown as PairListItem
    const detail = {
      status: 'approved',
      edited: true,
      clientText: 'Где мой заказ?',
      clientTextEdited: null,
      replyText: 'Заказ отправлен.',
      replyTextEdited: 'Отправили вчера.',
    } as unknown as PairDetail
    expect(itemFromDetail(item, detail).marks).toEqual({
      subject: [[0, 5]],
      client: [[8, 13]],
      reply: [],
    })
  })
})
