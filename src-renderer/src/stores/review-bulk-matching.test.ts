import { beforeEach, describe, expect, it } from 'vitest'
import type { PairStatus } from '@contract'
import { setTransport } from '../api/client'
import { createFakeTransport, FakeFailure, type FakeTransport } from '../test/fake-transport'
import { installFakePairs, type FakePairs } from '../test/fake-pairs'
import { detailCache, useReview } from './review-store'
import { cancelBulk, confirmBulk, setStatus, settled, undo } from './review-writes'
import { FIRST_PAGE } from './review-model'

const initial = useReview.getState()
let t: FakeTransport
let backend: FakePairs
let kept: Map<number, PairStatus> | null = null

beforeEach(() => {
  t = createFakeTransport()
  setTransport(t)
  backend = installFakePairs(t, 450)
  kept = null
  // Main's side: every pair of the tab and filter, one undo kept.
  t.answer('pairs.setStatusMatching', (q) => {
    const hit = backend.pairs.filter(
      (p) =>
        (q.status === 'all' || p.status === q.status) &&
        (!q.language || p.language === q.language) &&
        p.status !== q.newStatus,
    )
    kept = new Map(hit.map((p) => [p.id, p.status]))
    for (const p of hit) p.status = q.newStatus
    return { matched: hit.length, updated: hit.length, undoId: q.undoable ? 'u1' : null }
  })
  t.answer('pairs.restoreMatching', ({ undoId }) => {
    if (undoId !== 'u1' || !kept) throw new FakeFailure('not_found')
    for (const p of backend.pairs) if (kept.has(p.id)) p.status = kept.get(p.id)!
    const restored = kept.size
    kept = null
    return { restored }
  })
  detailCache.clear()
  useReview.setState(initial, true)
})

const state = () => useReview.getState()

describe('review store: all matching the filter', () => {
  it('selects the rows loading later too, until the reviewer picks a row', async () => {
    await state().reload()
    state().selectAllMatching()
    expect(state().allMatching).toBe(true)
    expect(state().selected.size).toBe(FIRST_PAGE)
    await state().loadMore()
    expect(state().selected.size).toBe(state().items.length)
    expect(state().items.length).toBeGreaterThan(FIRST_PAGE)
    state().select(3, 'single')
    expect(state().allMatching).toBe(false)
    expect(state().selected.size).toBe(0)
  })

  it('asks before acting on more than the loaded rows; no means nothing changes', async () => {
    await state().reload()
    state().selectAllMatching()
    await setStatus('approved')
    expect(state().bulkConfirm).toEqual({ status: 'approved', count: 450 })
    expect(t.callsOf('pairs.setStatusMatching')).toHaveLength(0)
    cancelBulk()
    expect(state().bulkConfirm).toBeNull()
    expect(state().allMatching).toBe(true)
    expect(backend.pairs.every((p) => p.status === 'new')).toBe(true)
  })

  it('sends the filter and tab, shows the change at once, and undoes all of it', async () => {
    await state().setFilters({ language: 'ru' })
    state().selectAllMatching()
    await setStatus('rejected')
    const running = confirmBulk()
    expect(state().bulkRunning).toEqual({ status: 'rejected', count: 225 })
    await running
    await settled()
    expect(t.callsOf('pairs.setStatusMatching')).toEqual([
      { language: 'ru', status: 'new', newStatus: 'rejected', undoable: true },
    ])
    expect(state().bulkRunning).toBeNull()
    expect(state().notice).toEqual({ code: 'rejected', count: 225 })
    expect(state().items.every((i) => i.status === 'rejected')).toBe(true)
    expect(state().counts).toEqual({ new: 0, approved: 0, rejected: 225 })
    expect(state().allMatching).toBe(false)
    await undo()
    expect(t.callsOf('pairs.restoreMatching')).toEqual([{ undoId: 'u1' }])
    expect(state().items.every((i) => i.status === 'new')).toBe(true)
    expect(state().counts).toEqual({ new: 225, approved: 0, rejected: 0 })
    expect(state().notice).toEqual({ code: 'undone', count: 225 })
    expect(state().undo).toBeNull()
  })

  it('acts without asking when every matching pair is loaded', async () => {
    await state().reload()
    await state().moveTo(10_000)
    state().selectAllMatching()
    await setStatus('approved')
    await settled()
    expect(state().bulkConfirm).toBeNull()
    expect(state().counts?.approved).toBe(450)
  })

  it('says so when main can no longer undo it, and keeps the pairs as they are', async () => {
    await state().reload()
    state().selectAllMatching()
    await setStatus('approved')
    await confirmBulk()
    await settled()
    kept = null
    await undo()
    expect(state().actionError?.code).toBe('not_found')
    expect(state().bulkRunning).toBeNull()
    expect(state().items[0]?.status).toBe('approved')
  })
})
