// The reviewer's writes: status (one pair or the selection), edit-before-approve, and undo of
// the last action. The list changes at once and main confirms; writes run one after another
// so an undo always follows the action it undoes.
import type { PairDetail, PairStatus } from '@contract/pairs'
import type { UndoEntry } from './review-model'
import { call, toFailure } from '../api/client'
import { cacheDetail, detailCache, refreshActiveDetail, useReview } from './review-store'
import {
  countFor,
  countsInput,
  editPatch,
  itemFromDetail,
  shiftCounts,
  snapshotOf,
} from './review-model'

let chain: Promise<unknown> = Promise.resolve()

function queue<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task)
  chain = run.catch(() => undefined)
  return run
}

/** Waits for the writes in flight (tests, and the undo button). */
export function settled(): Promise<unknown> {
  return chain
}

function applyStatuses(statuses: Map<number, PairStatus>): void {
  const s = useReview.getState()
  const moves: Array<{ from: PairStatus; to: PairStatus }> = []
  const items = s.items.map((item) => {
    const to = statuses.get(item.id)
    if (to === undefined || to === item.status) return item
    moves.push({ from: item.status, to })
    return { ...item, status: to }
  })
  for (const [id, status] of statuses) {
    const d = detailCache.get(id)
    if (d) cacheDetail({ ...d, status })
  }
  useReview.setState({
    items,
    counts: s.counts ? shiftCounts(s.counts, moves) : s.counts,
    detail:
      s.detail && statuses.has(s.detail.id) ? (detailCache.get(s.detail.id) ?? s.detail) : s.detail,
  })
}

/**
 * Sets the status of the selection, or of the active pair when nothing is selected. A single
 * approve or reject moves on to the next pair, as a reviewer going down the queue expects.
 */
export function setStatus(status: PairStatus): Promise<void> {
  const s = useReview.getState()
  if (s.allMatching) return requestMatching(status)
  const bulk = s.selected.size > 0
  const ids = bulk ? [...s.selected] : s.items[s.active] ? [s.items[s.active]!.id] : []
  if (ids.length === 0) return Promise.resolve()
  const before = new Map(s.items.filter((i) => ids.includes(i.id)).map((i) => [i.id, i.status]))
  applyStatuses(new Map(ids.map((id) => [id, status])))
  useReview.setState({
    actionError: null,
    editing: false,
    ...(bulk ? { selected: new Set() } : {}),
  })
  if (!bulk && status !== 'new') void s.move(1)
  return queue(async () => {
    try {
      const r = await call('pairs.setStatus', { ids, status })
      useReview.setState({
        undo: { kind: 'status', status, previous: r.previous },
        notice: { code: status, count: ids.length },
      })
    } catch (e) {
      applyStatuses(before)
      useReview.setState({ actionError: toFailure(e) })
    }
    void useReview.getState().refreshCounts()
  })
}

/** Saves the texts of the pair in the detail pane (and approves it with approve=true). */
export function saveEdit(
  detail: PairDetail,
  draft: { clientText: string; replyText: string },
  approve: boolean,
): Promise<boolean> {
  const clientText = editPatch(detail.clientText, detail.clientTextEdited, draft.clientText)
  const replyText = editPatch(detail.replyText, detail.replyTextEdited, draft.replyText)
  const previous = [snapshotOf(detail)]
  return queue(async () => {
    try {
      const d = await call('pairs.edit', {
        id: detail.id,
        ...(clientText !== undefined ? { clientText } : {}),
        ...(replyText !== undefined ? { replyText } : {}),
        ...(approve ? { approve: true } : {}),
        ...(useReview.getState().filters.q.trim()
          ? { q: useReview.getState().filters.q.trim() }
          : {}),
      })
      cacheDetail(d)
      const s = useReview.getState()
      const moves = s.items
        .filter((i) => i.id === d.id)
        .map((i) => ({ from: i.status, to: d.status }))
      useReview.setState({
        items: s.items.map((i) => (i.id === d.id ? itemFromDetail(i, d) : i)),
        counts: s.counts ? shiftCounts(s.counts, moves) : s.counts,
        detail: s.detail?.id === d.id ? d : s.detail,
        editing: false,
        actionError: null,
        undo: { kind: 'edit', approved: approve, previous },
        notice: { code: approve ? 'approved' : 'edited', count: 1 },
      })
      if (approve && s.items[s.active]?.id === d.id) void s.move(1)
      void useReview.getState().refreshCounts()
      return true
    } catch (e) {
      useReview.setState({ actionError: toFailure(e) })
      return false
    }
  })
}

/** The loaded rows only: the counts of a whole filter come from main (refreshCounts). */
function applyRowStatuses(statuses: Map<number, PairStatus>): void {
  const { counts } = useReview.getState()
  applyStatuses(statuses)
  useReview.setState({ counts })
}

/**
 * The whole filter and tab ("Select all N matching"): asks first when that is more than the
 * loaded rows, since most of what changes is not on screen.
 */
function requestMatching(status: PairStatus): Promise<void> {
  const s = useReview.getState()
  if (s.bulkRunning || s.bulkConfirm) return Promise.resolve()
  const count = s.counts ? countFor(s.counts, s.filters.status) : s.total
  if (count > s.items.length) {
    useReview.setState({ bulkConfirm: { status, count } })
    return Promise.resolve()
  }
  return setStatusMatching(status, count)
}

/** The reviewer said yes to the bulk action waiting in bulkConfirm. */
export function confirmBulk(): Promise<void> {
  const pending = useReview.getState().bulkConfirm
  useReview.setState({ bulkConfirm: null })
  return pending ? setStatusMatching(pending.status, pending.count) : Promise.resolve()
}

export function cancelBulk(): void {
  useReview.setState({ bulkConfirm: null })
}

/** One transaction in main over every pair of the filter; the loaded rows follow at once. */
function setStatusMatching(status: PairStatus, count: number): Promise<void> {
  const s = useReview.getState()
  const input = {
    ...countsInput(s.filters),
    status: s.filters.status,
    newStatus: status,
    undoable: true,
  }
  useReview.setState({ bulkRunning: { status, count }, actionError: null, editing: false })
  return queue(async () => {
    try {
      const r = await call('pairs.setStatusMatching', input)
      const loaded = useReview.getState().items.map((i) => ({ id: i.id, status: i.status }))
      applyRowStatuses(new Map(loaded.map((i) => [i.id, status])))
      useReview.setState({
        selected: new Set(),
        allMatching: false,
        undo: r.undoId
          ? { kind: 'matching', status, undoId: r.undoId, count: r.updated, loaded }
          : useReview.getState().undo,
        notice: { code: status, count: r.updated },
      })
    } catch (e) {
      useReview.setState({ actionError: toFailure(e) })
    }
    useReview.setState({ bulkRunning: null })
    await useReview.getState().refreshCounts()
  })
}

async function undoMatching(entry: Extract<UndoEntry, { kind: 'matching' }>): Promise<void> {
  useReview.setState({ bulkRunning: { status: 'undo', count: entry.count } })
  const r = await call('pairs.restoreMatching', { undoId: entry.undoId }).finally(() =>
    useReview.setState({ bulkRunning: null }),
  )
  applyRowStatuses(new Map(entry.loaded.map((i) => [i.id, i.status])))
  refreshActiveDetail()
  useReview.setState({
    undo: null,
    actionError: null,
    notice: { code: 'undone', count: r.restored },
  })
}

/** Puts back the pairs the last action changed (statuses, and texts for an edit). */
export function undo(): Promise<void> {
  return queue(async () => {
    const entry = useReview.getState().undo
    if (entry?.kind === 'matching') {
      try {
        await undoMatching(entry)
      } catch (e) {
        useReview.setState({ actionError: toFailure(e) })
      }
      return useReview.getState().refreshCounts()
    }
    if (!entry || entry.previous.length === 0) return
    try {
      await call('pairs.restore', { items: entry.previous })
      const statuses = new Map(entry.previous.map((p) => [p.id, p.status]))
      if (entry.kind === 'edit') {
        for (const p of entry.previous) {
          detailCache.delete(p.id)
          const d = await call('pairs.get', { id: p.id })
          cacheDetail(d)
          const s = useReview.getState()
          useReview.setState({
            items: s.items.map((i) => (i.id === d.id ? itemFromDetail(i, d) : i)),
          })
        }
      }
      applyStatuses(statuses)
      refreshActiveDetail()
      // Back to the pair the action was about, so the reviewer sees what came back.
      const first = entry.previous[0]
      const index = useReview.getState().items.findIndex((i) => i.id === first?.id)
      if (entry.previous.length === 1 && index >= 0) await useReview.getState().moveTo(index)
      useReview.setState({
        undo: null,
        actionError: null,
        notice: { code: 'undone', count: entry.previous.length },
      })
    } catch (e) {
      useReview.setState({ actionError: toFailure(e) })
    }
    void useReview.getState().refreshCounts()
  })
}
