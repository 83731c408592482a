// The knowledge base at work: similar approved pairs beside the pair under review, reply drafts
// with their sources, and the one source pair opened in a dialog. Plain data: runs under Node.
import { create } from 'zustand'
import type {
  DraftFeedback,
  DraftRecord,
  DraftResult,
  PairCitations,
  PairDetail,
  PairLanguage,
  SimilarPair,
  SimilarToPair,
  UnansweredMessage,
} from '@contract'
import { call, onEvent, toFailure, type Failure } from '../api/client'

export type DraftRequest =
  /** Pasted text, or a pair's client text in Review (that pair is not its own source). */
  | { text: string; pairId?: number }
  /** A synced message from the Unanswered list. */
  | { messageId: number }

/** A draft while the model writes it: its sources first, then the words so far. */
export interface DraftInProgress {
  examples: SimilarPair[] | null
  model: string | null
  language: PairLanguage | null
  text: string
}

let streams = 0

interface KbState {
  similarFor: number | null
  similar: SimilarToPair[] | null
  similarError: Failure | null
  /** Where the current draft was asked for: a pair in Review, or the Drafts page's box. */
  draftFor: number | 'box' | null
  drafting: boolean
  streaming: DraftInProgress | null
  draft: DraftResult | null
  draftError: Failure | null
  /** Stored drafts, newest first (Drafts page). */
  recent: DraftRecord[] | null
  citationsFor: number | null
  citations: PairCitations | null
  opened: PairDetail | null
  openError: Failure | null
  unanswered: UnansweredMessage[] | null
  unansweredError: Failure | null
  loadUnanswered(): Promise<void>
  loadSimilar(pairId: number): Promise<void>
  requestDraft(req: DraftRequest): Promise<void>
  rateDraft(id: number, feedback: DraftFeedback | null): Promise<void>
  loadRecent(): Promise<void>
  loadCitations(pairId: number): Promise<void>
  clearDraft(): void
  openPair(id: number): Promise<void>
  closePair(): void
}

export const useKb = create<KbState>((set, get) => ({
  similarFor: null,
  similar: null,
  similarError: null,
  draftFor: null,
  drafting: false,
  streaming: null,
  draft: null,
  draftError: null,
  recent: null,
  citationsFor: null,
  citations: null,
  opened: null,
  openError: null,
  unanswered: null,
  unansweredError: null,
  async loadUnanswered() {
    try {
      set({ unanswered: await call('ai.unanswered', {}), unansweredError: null })
    } catch (e) {
      set({ unansweredError: toFailure(e) })
    }
  },
  async loadSimilar(pairId) {
    set({ similarFor: pairId, similar: null, similarError: null })
    try {
      const similar = await call('ai.similarToPair', { pairId })
      // The reviewer may have moved on while this was loading.
      if (get().similarFor === pairId) set({ similar })
    } catch (e) {
      if (get().similarFor === pairId) set({ similarError: toFailure(e) })
    }
  },
  async requestDraft(req) {
    const pairId = 'pairId' in req ? req.pairId : undefined
    const draftFor = pairId ?? 'box'
    const streamId = `draft-${++streams}`
    const current = (): boolean => get().draftFor === draftFor && get().streaming !== null
    set({
      draftFor,
      drafting: true,
      streaming: { examples: null, model: null, language: null, text: '' },
      draft: null,
      draftError: null,
    })
    // The sources show at once and the words as the model writes them.
    const offSources = onEvent('ai.draft.sources', (e) => {
      if (e.streamId !== streamId || !current()) return
      const { examples, model, language } = e
      set((s) => ({ streaming: { ...s.streaming!, examples, model, language } }))
    })
    const offDelta = onEvent('ai.draft.delta', (e) => {
      if (e.streamId !== streamId || !current()) return
      set((s) => ({ streaming: { ...s.streaming!, text: e.text } }))
    })
    const input =
      'messageId' in req
        ? { messageId: req.messageId, streamId }
        : { text: req.text, streamId, ...(pairId !== undefined ? { excludePairId: pairId } : {}) }
    try {
      const draft = await call('ai.draft', input)
      if (get().draftFor === draftFor) set({ draft, drafting: false, streaming: null })
      void get().loadRecent()
    } catch (e) {
      if (get().draftFor === draftFor) {
        set({ draftError: toFailure(e), drafting: false, streaming: null })
      }
    } finally {
      offSources()
      offDelta()
    }
  },
  async rateDraft(id, feedback) {
    try {
      const record = await call('ai.draftFeedback', { id, feedback })
      set((s) => ({
        draft: s.draft?.id === id ? { ...s.draft, feedback: record.feedback } : s.draft,
        recent: s.recent?.map((d) => (d.id === id ? record : d)) ?? null,
      }))
      const pair = get().citationsFor
      if (pair !== null) void get().loadCitations(pair)
    } catch (e) {
      set({ draftError: toFailure(e) })
    }
  },
  async loadRecent() {
    try {
      set({ recent: await call('ai.drafts', { limit: 20 }) })
    } catch {
      // The list is a convenience: a failure leaves the last one shown.
    }
  },
  async loadCitations(pairId) {
    set({ citationsFor: pairId, citations: get().citationsFor === pairId ? get().citations : null })
    try {
      const citations = await call('ai.pairCitations', { pairId })
      if (get().citationsFor === pairId) set({ citations })
    } catch {
      if (get().citationsFor === pairId) set({ citations: null })
    }
  },
  clearDraft() {
    set({ draftFor: null, drafting: false, streaming: null, draft: null, draftError: null })
  },
  async openPair(id) {
    set({ openError: null })
    try {
      set({ opened: await call('pairs.get', { id }) })
    } catch (e) {
      set({ openError: toFailure(e) })
    }
  },
  closePair() {
    set({ opened: null, openError: null })
  },
}))
