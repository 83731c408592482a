// Training data out: the pairs of a review filter (or a selection) written as OpenAI chat
// fine-tuning JSONL, CSV or plain JSONL, checked and summarised before anything is written.
import { z } from 'zod'
import { method, noInput, rowId, type NoInput } from './define'
import { PAIR_STATUSES, pairFilters } from './pairs'

export const EXPORT_FORMATS = ['openai-jsonl', 'csv', 'jsonl'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Models OpenAI fine-tunes on chat data (the export's token limit and price come from here). */
export const FINE_TUNE_MODELS = [
  'gpt-4o-mini-2024-07-18',
  'gpt-4o-2024-08-06',
  'gpt-4.1-2025-04-14',
  'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-nano-2025-04-14',
] as const
export type FineTuneModel = (typeof FINE_TUNE_MODELS)[number]

/** Most pair ids an export of a selection takes. */
export const EXPORT_IDS_MAX = 10_000
/** Share of threads for training when splitting; the rest go to the validation file. */
export const EXPORT_SPLIT_MIN = 0.5
export const EXPORT_SPLIT_MAX = 0.99

export interface ExportSettings {
  /** Replace e-mail addresses, phone numbers and card numbers by placeholders (default on). */
  redact: boolean
  /** System message per pair language in OpenAI files ('' = none). */
  systemPrompt: { en: string; ru: string }
  model: FineTuneModel
}

export interface ExportFile {
  role: 'train' | 'validation' | 'all'
  /** The file's name only; where it is stays in the main process. */
  name: string
  examples: number
}

export interface ExportSummary {
  format: ExportFormat
  model: FineTuneModel
  /** Pairs of the filter or selection that were read (rejected ones only when asked for). */
  pairsMatched: number
  /** Rejected pairs the filter matched and the export left out (status 'all' without asking). */
  rejectedLeftOut: number
  /** Examples (OpenAI) or records written, over all files. */
  examples: number
  train: number
  validation: number
  trainThreads: number
  validationThreads: number
  /** Tokens of what is written, counted with the model's tokenizer. */
  tokens: number
  /** Tokens of the training file: what one epoch of training is billed for. */
  trainingTokensPerEpoch: number
  /** USD for one epoch at the model's published training price; null when not OpenAI format. */
  estimatedCostPerEpochUsd: number | null
  /** Same client and reply text after normalisation (OpenAI format only): the first is kept. */
  duplicatesRemoved: number
  /** Examples longer than the model's context: left out of the file. */
  overLimit: { count: number; limitTokens: number; pairIds: number[] }
  /** Examples failing OpenAI's format rules (e.g. an empty text): left out, counted per rule. */
  invalid: { count: number; rules: Record<string, number>; pairIds: number[] }
  redaction: { enabled: boolean; email: number; phone: number; card: number }
  /** OpenAI's minimum of training examples per file; below it the file is not written. */
  minExamples: number
  /** What would stop writing, as codes: 'too_few_examples', 'nothing_to_export'. */
  problems: Array<'too_few_examples' | 'nothing_to_export'>
  files: ExportFile[]
}

export interface ExportProgress {
  jobId: string
  phase: 'checking' | 'writing'
  done: number
  total: number
}

const selection = {
  /** The review list's status filter; 'all' leaves rejected pairs out unless includeRejected. */
  status: z.enum([...PAIR_STATUSES, 'all']).default('approved'),
  ...pairFilters,
  /** A selection in the list: only these pairs (still never rejected ones unless asked). */
  ids: z.array(rowId).min(1).max(EXPORT_IDS_MAX).optional(),
  includeRejected: z.boolean().default(false),
  format: z.enum(EXPORT_FORMATS),
  /** Share of threads in the training file; without it there is one file. */
  split: z.number().min(EXPORT_SPLIT_MIN).max(EXPORT_SPLIT_MAX).optional(),
  /** Overrides the redaction setting for this export. */
  redact: z.boolean().optional(),
  model: z.enum(FINE_TUNE_MODELS).optional(),
}

export const exportPreviewInput = z.object(selection).strict()
export type ExportQuery = z.output<typeof exportPreviewInput>

const jobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a job id of 8–64 letters or digits')

export const exportWriteInput = z
  .object({
    ...selection,
    jobId,
    /** A file path: accepted from the command line only. The window's file is chosen in the
     * main process's save dialog, so a page can never name a path. */
    out: z.string().min(1).max(4096).optional(),
  })
  .strict()
export type ExportWriteQuery = z.output<typeof exportWriteInput>

export interface ExportResult {
  /** false when the person closed the save dialog without choosing a file. */
  written: boolean
  /** What was written; null when nothing was. */
  summary: ExportSummary | null
}

const exportSettingsPatch = z
  .object({
    redact: z.boolean(),
    systemPrompt: z
      .object({ en: z.string().max(20_000), ru: z.string().max(20_000) })
      .partial()
      .strict(),
    model: z.enum(FINE_TUNE_MODELS),
  })
  .partial()
  .strict()

export const exportContract = {
  'export.settings': method<NoInput, ExportSettings>(noInput),
  'export.updateSettings': method<typeof exportSettingsPatch, ExportSettings>(exportSettingsPatch),
  /** Reads and checks everything, writes nothing: the summary shown before writing. */
  'export.preview': method<typeof exportPreviewInput, ExportSummary>(exportPreviewInput),
  /** Writes the file(s); progress as `export.progress` events; `cancelled` when cancelled. */
  'export.write': method<typeof exportWriteInput, ExportResult>(exportWriteInput),
  'export.cancel': method<z.ZodObject<{ jobId: typeof jobId }>, { cancelled: boolean }>(
    z.object({ jobId }).strict(),
  ),
  /** Shows the written file of a finished export in the file manager. */
  'export.reveal': method<z.ZodObject<{ jobId: typeof jobId }>, { opened: boolean }>(
    z.object({ jobId }).strict(),
  ),
}
