// The knowledge base at work: similar approved pairs beside the pair under review, reply drafts
// with their sources, and the one source pair opened in a dialog. Plain data: runs under Node.
import { create } from 'zustand'
import type { DraftResult, PairDetail, SimilarToPair, UnansweredMessage } from '@contract'
import { call, toFailure, type Failure } from '../api/client'

export interface DraftRequest {
  text: string
  /** Drafted from Review: that pair is not its own source. */
  pairId?: number
}

interface KbState {
  similarFor: number | null
  similar: SimilarToPair[] | null
  similarError: Failure | null
  /** Where the current draft was asked for: a pair in Review, or the Drafts page's box. */
  draftFor: number | 'box' | null
  drafting: boolean
  draft: DraftResult | null
  draftError: Failure | null
  opened: PairDetail | null
  openError: Failure | null
  unanswered: UnansweredMessage[] | null
  unansweredError: Failure | null
  loadUnanswered(): Promise<void>
  loadSimilar(pairId: number): Promise<void>
  requestDraft(req: DraftRequest): Promise<void>
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
  draft: null,
  draftError: null,
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
  async requestDraft({ text, pairId }) {
    const draftFor = pairId ?? 'box'
    set({ draftFor, drafting: true, draft: null, draftError: null })
    try {
      const draft = await call('ai.draft', {
        text,
        ...(pairId !== undefined ? { excludePairId: pairId } : {}),
      })
      if (get().draftFor === draftFor) set({ draft, drafting: false })
    } catch (e) {
      if (get().draftFor === draftFor) set({ draftError: toFailure(e), drafting: false })
    }
  },
  clearDraft() {
    set({ draftFor: null, drafting: false, draft: null, draftError: null })
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
