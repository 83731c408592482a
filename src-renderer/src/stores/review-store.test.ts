import { beforeEach, describe, expect, it } from 'vitest'
import { setTransport } from '../api/client'
import { createFakeTransport, flush, type FakeTransport } from '../test/fake-transport'
import { installFakePairs, type FakePairs } from '../test/fake-pairs'
import { detailCache, startReviewSync, useReview } from './review-store'
import { saveEdit, setStatus, settled, undo } from './review-writes'
import { FIRST_PAGE } from './review-model'

const initial = useReview.getState()
let t: FakeTransport
let backend: FakePairs

beforeEach(() => {
  t = createFakeTransport()
  setTransport(t)
  backend = installFakePairs(t, 450)
  detailCache.clear()
  useReview.setState(initial, true)
})

const state = () => useReview.getState()
const activeId = () => state().items[state().active]?.id

describe('review store: the queue', () => {
  it('loads the first page, the counts and the first pair in full', async () => {
    await state().reload()
    expect(state().items).toHaveLength(FIRST_PAGE)
    expect(state().counts).toEqual({ new: 450, approved: 0, rejected: 0 })
    expect(state().total).toBe(450)
    expect(state().active).toBe(0)
    expect(state().detail?.id).toBe(450)
    expect(t.callsOf('pairs.list')[0]).toMatchObject({ status: 'new', cursor: null })
  })

  it('fetches the next pages as the reviewer moves past the loaded rows', async () => {
    await state().reload()
    await state().moveTo(FIRST_PAGE + 5)
    expect(state().items.length).toBeGreaterThan(FIRST_PAGE + 5)
    expect(activeId()).toBe(450 - FIRST_PAGE - 5)
    await state().moveTo(10_000)
    expect(state().items).toHaveLength(450)
    expect(state().nextCursor).toBeNull()
    expect(state().active).toBe(449)
  })

  it('sends the filters to the list and the counts, and drops answers to older queries', async () => {
    await state().reload()
    const slow = state().setFilters({ language: 'ru', q: 'text' })
    const fast = state().setFilters({ language: 'en', q: 'text' })
    await Promise.all([slow, fast])
    expect(state().filters.language).toBe('en')
    expect(state().items.every((i) => i.language === 'en')).toBe(true)
    expect(t.callsOf('pairs.counts').at(-1)).toEqual({ language: 'en', q: 'text' })
    expect(state().counts).toEqual({ new: 225, approved: 0, rejected: 0 })
  })

  it('selects by click, ctrl-click and shift-click, and all loaded', async () => {
    await state().reload()
    state().select(2, 'single')
    expect(state().active).toBe(2)
    expect(state().selected.size).toBe(0)
    state().select(4, 'toggle')
    state().select(6, 'toggle')
    expect([...state().selected]).toEqual([446, 444])
    state().select(9, 'range')
    // From the last clicked row (the anchor) to this one.
    expect([...state().selected].sort()).toEqual([441, 442, 443, 444])
    state().selectAllLoaded()
    expect(state().selected.size).toBe(FIRST_PAGE)
    state().clearSelection()
    expect(state().selected.size).toBe(0)
  })
})

describe('review store: writes', () => {
  it('approves the active pair, moves to the next, and undoes it', async () => {
    await state().reload()
    await setStatus('approved')
    await flush()
    expect(state().items[0]!.status).toBe('approved')
    expect(backend.pairs[0]!.status).toBe('approved')
    expect(activeId()).toBe(449)
    expect(state().counts).toEqual({ new: 449, approved: 1, rejected: 0 })
    expect(state().notice).toEqual({ code: 'approved', count: 1 })
    await undo()
    await flush()
    expect(backend.pairs[0]!.status).toBe('new')
    expect(state().items[0]!.status).toBe('new')
    expect(activeId()).toBe(450)
    expect(state().undo).toBeNull()
    expect(state().counts).toEqual({ new: 450, approved: 0, rejected: 0 })
  })

  it('shows the change before main confirms, and puts it back when main refuses', async () => {
    await state().reload()
    backend.failNextWrite('db_busy')
    const write = setStatus('rejected')
    expect(state().items[0]!.status).toBe('rejected')
    await write
    await flush()
    expect(state().items[0]!.status).toBe('new')
    expect(state().actionError?.code).toBe('db_busy')
    expect(state().counts).toEqual({ new: 450, approved: 0, rejected: 0 })
    expect(state().undo).toBeNull()
  })

  it('reset keeps the reviewer on the pair', async () => {
    await state().reload()
    backend.pairs[0]!.status = 'approved'
    await state().reload()
    await state().setFilters({ status: 'all' })
    await setStatus('new')
    expect(activeId()).toBe(450)
  })

  it('acts on the whole selection in bulk and clears it', async () => {
    await state().reload()
    state().select(0, 'toggle')
    state().select(3, 'range')
    await setStatus('approved')
    await flush()
    expect(backend.pairs.slice(0, 4).map((p) => p.status)).toEqual(Array(4).fill('approved'))
    expect(state().selected.size).toBe(0)
    expect(state().notice).toEqual({ code: 'approved', count: 4 })
    await undo()
    expect(backend.pairs.slice(0, 4).map((p) => p.status)).toEqual(Array(4).fill('new'))
  })

  it('edits before approving: only changed texts are sent, and undo restores them', async () => {
    await state().reload()
    const detail = state().detail!
    await saveEdit(detail, { clientText: detail.clientText, replyText: 'better reply' }, true)
    await flush()
    expect(t.callsOf('pairs.edit').at(-1)).toEqual({
      id: 450,
      replyText: 'better reply',
      approve: true,
    })
    expect(state().items[0]).toMatchObject({
      status: 'approved',
      edited: true,
      replyPreview: 'better reply',
    })
    expect(activeId()).toBe(449)
    await undo()
    await flush()
    expect(backend.pairs[0]).toMatchObject({ status: 'new', replyTextEdited: null, edited: false })
    expect(state().items[0]).toMatchObject({
      status: 'new',
      edited: false,
      replyPreview: 'reply text 450',
    })
    expect(state().detail?.replyTextEdited).toBeNull()
  })

  it('clears an edit when the text goes back to the original', async () => {
    await state().reload()
    backend.pairs[0]!.replyTextEdited = 'changed'
    detailCache.clear()
    await state().reload()
    await saveEdit(
      state().detail!,
      { clientText: 'client text 450', replyText: 'reply text 450' },
      false,
    )
    expect(t.callsOf('pairs.edit').at(-1)).toEqual({ id: 450, replyText: null })
  })

  it('runs writes in order: an undo waits for the action before it', async () => {
    await state().reload()
    void setStatus('approved')
    await undo()
    await settled()
    expect(backend.pairs[0]!.status).toBe('new')
  })

  it('refreshes the counts when pairs change elsewhere', async () => {
    const stop = startReviewSync()
    await state().reload()
    backend.pairs[10]!.status = 'rejected'
    t.emit('pairs.changed', { ids: [440] })
    await flush()
    expect(state().counts).toEqual({ new: 449, approved: 0, rejected: 1 })
    stop()
  })
})
