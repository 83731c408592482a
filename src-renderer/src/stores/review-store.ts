// The review queue: filters, counts per status, the list loaded in keyset pages as the user
// scrolls, the active pair with its detail, a selection for bulk actions, and the writes
// (status, edit, undo) in review-writes.ts. Everything is local, so it all works offline.
import { create } from 'zustand'
import type { PairCounts, PairDetail, PairListItem, PairStatus } from '@contract/pairs'
import { call, onEvent, toFailure, type Failure } from '../api/client'
import {
  DEFAULT_FILTERS,
  FIRST_PAGE,
  NEXT_PAGE,
  countFor,
  countsInput,
  listInput,
  type ReviewFilters,
  type UndoEntry,
} from './review-model'

export type SelectMode = 'single' | 'toggle' | 'range'

/** The last thing done, for the status line (and screen readers). */
export interface ReviewNotice {
  code: 'approved' | 'rejected' | 'new' | 'edited' | 'undone'
  count: number
}

export interface ReviewState {
  filters: ReviewFilters
  counts: PairCounts | null
  items: PairListItem[]
  /** Rows the list shows: the count when the query ran (pages fill in as they load). */
  total: number
  nextCursor: string | null
  loading: boolean
  loadingMore: boolean
  error: Failure | null
  /** Index of the active row in items; -1 when there is none. */
  active: number
  selected: ReadonlySet<number>
  /** Every pair of the filter and tab is selected, loaded or not (rows loading later too). */
  allMatching: boolean
  /** A bulk action over more pairs than are loaded, waiting for the reviewer's yes. */
  bulkConfirm: { status: PairStatus; count: number } | null
  /** A bulk action over the whole filter in progress (one transaction in main). */
  bulkRunning: { status: PairStatus | 'undo'; count: number } | null
  anchor: number
  detail: PairDetail | null
  detailError: Failure | null
  editing: boolean
  undo: UndoEntry | null
  notice: ReviewNotice | null
  actionError: Failure | null

  reload(): Promise<void>
  setFilters(patch: Partial<ReviewFilters>): Promise<void>
  refreshCounts(): Promise<void>
  loadMore(): Promise<void>
  moveTo(index: number): Promise<void>
  move(delta: number): Promise<void>
  select(index: number, mode: SelectMode): void
  selectAllLoaded(): void
  selectAllMatching(): void
  clearSelection(): void
  setEditing(editing: boolean): void
}

/** Bumped by every new query: answers to older ones are dropped. */
let generation = 0
/** Pair details by id (the active one and its neighbours). */
export const detailCache = new Map<number, PairDetail>()
const DETAIL_CACHE_MAX = 50

export function cacheDetail(d: PairDetail): void {
  detailCache.delete(d.id)
  detailCache.set(d.id, d)
  if (detailCache.size > DETAIL_CACHE_MAX) {
    const oldest = detailCache.keys().next().value
    if (oldest !== undefined) detailCache.delete(oldest)
  }
}

async function fetchDetail(id: number): Promise<PairDetail> {
  const cached = detailCache.get(id)
  if (cached) return cached
  // With the search, so the detail marks what it matched.
  const q = useReview.getState().filters.q.trim()
  const d = await call('pairs.get', q ? { id, q } : { id })
  if (useReview.getState().filters.q.trim() === q) cacheDetail(d)
  return d
}

export const useReview = create<ReviewState>((set, get) => {
  /** Shows the detail of the active row (from the cache when it can) and warms the next one. */
  async function showDetail(): Promise<void> {
    const { items, active } = get()
    const item = items[active]
    if (!item) return set({ detail: null, detailError: null })
    const cached = detailCache.get(item.id)
    set({ detail: cached ?? null, detailError: null })
    if (!cached) {
      try {
        const d = await fetchDetail(item.id)
        if (get().items[get().active]?.id === item.id) set({ detail: d })
      } catch (e) {
        if (get().items[get().active]?.id === item.id) set({ detailError: toFailure(e) })
      }
    }
    const next = get().items[get().active + 1]
    if (next && !detailCache.has(next.id)) void fetchDetail(next.id).catch(() => undefined)
  }

  return {
    filters: DEFAULT_FILTERS,
    counts: null,
    items: [],
    total: 0,
    nextCursor: null,
    loading: false,
    loadingMore: false,
    error: null,
    active: -1,
    selected: new Set(),
    allMatching: false,
    bulkConfirm: null,
    bulkRunning: null,
    anchor: -1,
    detail: null,
    detailError: null,
    editing: false,
    undo: null,
    notice: null,
    actionError: null,

    async reload() {
      const gen = ++generation
      const { filters } = get()
      set({ loading: true, error: null })
      try {
        const [page, counts] = await Promise.all([
          call('pairs.list', listInput(filters, null, FIRST_PAGE)),
          call('pairs.counts', countsInput(filters)),
        ])
        if (gen !== generation) return
        detailCache.clear()
        set({
          items: page.items,
          nextCursor: page.nextCursor,
          counts,
          total: page.nextCursor ? countFor(counts, filters.status) : page.items.length,
          loading: false,
          loadingMore: false,
          active: page.items.length ? 0 : -1,
          selected: new Set(),
          allMatching: false,
          anchor: -1,
          editing: false,
        })
        await showDetail()
      } catch (e) {
        if (gen === generation) set({ error: toFailure(e), loading: false })
      }
    },

    async setFilters(patch) {
      set({ filters: { ...get().filters, ...patch } })
      await get().reload()
    },

    async refreshCounts() {
      const gen = generation
      try {
        const counts = await call('pairs.counts', countsInput(get().filters))
        if (gen === generation) set({ counts })
      } catch {
        // Counts refresh in the background; the list keeps its own error state.
      }
    },

    async loadMore() {
      const { nextCursor, loadingMore, filters } = get()
      if (!nextCursor || loadingMore) return
      const gen = generation
      set({ loadingMore: true })
      try {
        const page = await call('pairs.list', listInput(filters, nextCursor, NEXT_PAGE))
        if (gen !== generation) return
        const items = get().items.concat(page.items)
        const { allMatching, selected } = get()
        set({
          items,
          ...(allMatching
            ? { selected: new Set([...selected, ...page.items.map((i) => i.id)]) }
            : {}),
          nextCursor: page.nextCursor,
          total: page.nextCursor ? Math.max(get().total, items.length + 1) : items.length,
          loadingMore: false,
        })
      } catch (e) {
        if (gen === generation) set({ loadingMore: false, error: toFailure(e) })
      }
    },

    async moveTo(index) {
      if (index < 0) return
      while (index >= get().items.length && get().nextCursor) {
        const before = get().items.length
        await get().loadMore()
        if (get().items.length === before) break
      }
      const target = Math.min(index, get().items.length - 1)
      if (target < 0 || target === get().active) return
      set({ active: target, editing: false })
      await showDetail()
    },

    move: (delta) => get().moveTo(Math.max(0, get().active + delta)),

    select(index, mode) {
      const { items, anchor, active, selected } = get()
      const item = items[index]
      if (!item) return
      set({ allMatching: false })
      if (mode === 'single') {
        set({ anchor: index, selected: new Set() })
      } else if (mode === 'toggle') {
        const next = new Set(selected)
        if (next.has(item.id)) next.delete(item.id)
        else next.add(item.id)
        set({ selected: next, anchor: index })
      } else {
        const from = anchor >= 0 ? anchor : Math.max(active, 0)
        const [lo, hi] = from <= index ? [from, index] : [index, from]
        set({ selected: new Set(items.slice(lo, hi + 1).map((i) => i.id)) })
      }
      if (index !== active) {
        set({ active: index, editing: false })
        void showDetail()
      }
    },

    selectAllLoaded: () =>
      set({ selected: new Set(get().items.map((i) => i.id)), allMatching: false }),
    selectAllMatching: () =>
      set({ selected: new Set(get().items.map((i) => i.id)), allMatching: true }),
    clearSelection: () => set({ selected: new Set(), allMatching: false, anchor: get().active }),
    setEditing: (editing) => set({ editing: editing && get().detail !== null }),
  }
})

/** Re-reads the counts when pairs change elsewhere (a sync, the CLI); fills an empty list. */
export function startReviewSync(): () => void {
  return onEvent('pairs.changed', () => {
    const s = useReview.getState()
    if (s.items.length === 0 && !s.loading) void s.reload()
    else void s.refreshCounts()
  })
}

/** For the writes module: re-shows the active detail after the cache changed. */
export function refreshActiveDetail(): void {
  const { items, active } = useReview.getState()
  const item = items[active]
  useReview.setState({ detail: item ? (detailCache.get(item.id) ?? null) : null })
  if (item && !detailCache.has(item.id)) {
    void fetchDetail(item.id).then(
      (d) => {
        if (useReview.getState().items[useReview.getState().active]?.id === item.id)
          useReview.setState({ detail: d })
      },
      (e: unknown) => useReview.setState({ detailError: toFailure(e) }),
    )
  }
}
