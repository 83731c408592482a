// Export from Review: the filter (or the selection) taken when the dialog opens, the options,
// the summary checked before writing, the write with its progress and Cancel, and showing the
// file afterwards. Where the file goes is chosen in main's save dialog; this side only ever
// sees file names.
import { create } from 'zustand'
import type { ExportFormat, ExportSummary, FineTuneModel } from '@contract/export'
import type { MethodInput } from '@contract'
import { call, onEvent, toFailure, type Failure } from '../api/client'
import { countsInput, type ReviewFilters } from './review-model'
import { useReview } from './review-store'

export type ExportPhase = 'options' | 'checking' | 'summary' | 'writing' | 'done'

export interface ExportOptions {
  format: ExportFormat
  split: boolean
  /** Percent of threads in the training file. */
  splitPercent: number
  redact: boolean
  includeRejected: boolean
  /** Saved settings (OpenAI format): the model limits and prices are for, system prompts. */
  model: FineTuneModel
  systemPromptEn: string
  systemPromptRu: string
}

export interface ExportState extends ExportOptions {
  open: boolean
  phase: ExportPhase
  filters: ReviewFilters | null
  /** The selection when the dialog opened; null exports the whole filter. */
  ids: number[] | null
  summary: ExportSummary | null
  progress: { done: number; total: number } | null
  /** 'cancelled' or 'noFile' after a write that wrote nothing. */
  notice: 'cancelled' | 'noFile' | null
  error: Failure | null
  jobId: string | null

  show(): Promise<void>
  close(): void
  setOptions(patch: Partial<ExportOptions>): void
  check(): Promise<void>
  write(): Promise<void>
  cancel(): Promise<void>
  reveal(): Promise<void>
}

type PreviewInput = MethodInput<'export.preview'>

export function exportInput(s: ExportState): PreviewInput {
  const f = s.filters
  if (!f) throw new Error('The export dialog is not open.')
  const input: PreviewInput = {
    ...countsInput(f),
    status: f.status,
    format: s.format,
    redact: s.redact,
    model: s.model,
    includeRejected: f.status === 'all' && s.includeRejected,
  }
  if (s.ids) input.ids = s.ids
  if (s.split) input.split = Math.min(99, Math.max(50, s.splitPercent)) / 100
  return input
}

function newJobId(): string {
  return crypto.randomUUID().replace(/-/g, '')
}

export const useExport = create<ExportState>((set, get) => ({
  open: false,
  phase: 'options',
  format: 'openai-jsonl',
  split: true,
  splitPercent: 90,
  redact: true,
  includeRejected: false,
  model: 'gpt-4o-mini-2024-07-18',
  systemPromptEn: '',
  systemPromptRu: '',
  filters: null,
  ids: null,
  summary: null,
  progress: null,
  notice: null,
  error: null,
  jobId: null,

  async show() {
    const review = useReview.getState()
    set({
      open: true,
      phase: 'options',
      filters: { ...review.filters },
      ids: review.selected.size > 0 ? [...review.selected] : null,
      summary: null,
      progress: null,
      notice: null,
      error: null,
      jobId: null,
    })
    try {
      const settings = await call('export.settings', {})
      set({
        redact: settings.redact,
        model: settings.model,
        systemPromptEn: settings.systemPrompt.en,
        systemPromptRu: settings.systemPrompt.ru,
      })
    } catch {
      // The defaults stand; the check reports any real problem.
    }
  },

  close() {
    if (get().phase === 'writing') void get().cancel()
    set({ open: false })
  },

  setOptions(patch) {
    set({ ...patch, phase: 'options', summary: null, notice: null, error: null })
  },

  async check() {
    set({ phase: 'checking', error: null, notice: null })
    try {
      const { model, systemPromptEn, systemPromptRu, format } = get()
      // The model and the prompts are settings: kept for the next export and the CLI's.
      if (format === 'openai-jsonl') {
        await call('export.updateSettings', {
          model,
          systemPrompt: { en: systemPromptEn, ru: systemPromptRu },
        })
      }
      const summary = await call('export.preview', exportInput(get()))
      set({ phase: 'summary', summary })
    } catch (e) {
      set({ phase: 'options', error: toFailure(e) })
    }
  },

  async write() {
    const jobId = newJobId()
    set({ phase: 'writing', jobId, progress: null, error: null, notice: null })
    const off = onEvent('export.progress', (p) => {
      if (p.jobId === jobId) set({ progress: { done: p.done, total: p.total } })
    })
    try {
      const result = await call('export.write', { ...exportInput(get()), jobId })
      if (!result.written || !result.summary) set({ phase: 'summary', notice: 'noFile' })
      else set({ phase: 'done', summary: result.summary })
    } catch (e) {
      const failure = toFailure(e)
      if (failure.code === 'cancelled') set({ phase: 'summary', notice: 'cancelled' })
      else set({ phase: 'summary', error: failure })
    } finally {
      off()
    }
  },

  async cancel() {
    const { jobId } = get()
    if (jobId) await call('export.cancel', { jobId }).catch(() => undefined)
  },

  async reveal() {
    const { jobId } = get()
    if (jobId) await call('export.reveal', { jobId }).catch(() => undefined)
  },
}))
