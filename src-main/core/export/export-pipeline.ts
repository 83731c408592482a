// One pass over the pairs of a filter: each pair becomes a record, is checked (OpenAI's rules,
// the token limit, duplicates), counted and routed to its file. The same pass serves the
// summary shown before writing (no sink) and the write itself, so the two always agree.
// Pairs are read in pages of the review list's own query; memory stays flat because only one
// page and one hash per kept example are held.
import { setImmediate as nextTurn } from 'node:timers/promises'
import { PAIR_STATUSES, type PairStatus } from '@contract/pairs'
import type { ExportFile, ExportQuery, ExportSettings, ExportSummary } from '@contract/export'
import { AppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import { countMatching, exportPage } from '../../db/queries/pairs-export'
import type { PairCursor } from '../../db/queries/pairs-review'
import { filterSql } from '../review/review-service'
import {
  FINE_TUNE_SPECS,
  MIN_TRAINING_EXAMPLES,
  costPerEpochUsd,
  loadTokenCounter,
} from './fine-tune-models'
import { checkExample } from './openai-rules'
import {
  CSV_COLUMNS,
  chatMessages,
  csvLine,
  duplicateKey,
  jsonLine,
  threadKey,
  toRecord,
} from './export-records'
import { UTF8_BOM, csvRow } from './csv-row'
import { isTrainingThread } from './thread-split'

export type FileRole = ExportFile['role']

/** Where lines go; null for the summary before writing. */
export interface ExportSink {
  write(role: FileRole, text: string): Promise<void>
}

export interface PipelineOptions {
  dbh: DbHandle
  settings: ExportSettings
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
  /** File names for the summary (the written ones, or the suggested ones before writing). */
  fileNames: (roles: FileRole[]) => Record<FileRole, string>
}

const PAGE = 100
/** How many pair ids a summary lists per problem (the counts are complete). */
const LISTED_IDS = 20

export function rolesOf(q: Pick<ExportQuery, 'split'>): FileRole[] {
  return q.split === undefined ? ['all'] : ['train', 'validation']
}

function statusesOf(q: ExportQuery): PairStatus[] {
  if (q.status !== 'all') return [q.status]
  return q.includeRejected ? [...PAIR_STATUSES] : PAIR_STATUSES.filter((s) => s !== 'rejected')
}

export async function runExport(
  q: ExportQuery,
  sink: ExportSink | null,
  o: PipelineOptions,
): Promise<ExportSummary> {
  const model = q.model ?? o.settings.model
  const redact = q.redact ?? o.settings.redact
  const limit = FINE_TUNE_SPECS[model].exampleTokenLimit
  const openai = q.format === 'openai-jsonl'
  const f = filterSql(q)
  const ids = q.ids ? [...new Set(q.ids)] : null
  const statuses = statusesOf(q)
  const roles = rolesOf(q)
  const names = o.fileNames(roles)
  const tok = await loadTokenCounter()

  const summary: ExportSummary = {
    format: q.format,
    model,
    pairsMatched: 0,
    rejectedLeftOut:
      q.status === 'all' && !q.includeRejected ? countMatching(o.dbh, 'rejected', f, ids) : 0,
    examples: 0,
    train: 0,
    validation: 0,
    trainThreads: 0,
    validationThreads: 0,
    tokens: 0,
    trainingTokensPerEpoch: 0,
    estimatedCostPerEpochUsd: null,
    duplicatesRemoved: 0,
    overLimit: { count: 0, limitTokens: limit, pairIds: [] },
    invalid: { count: 0, rules: {}, pairIds: [] },
    redaction: { enabled: redact, email: 0, phone: 0, card: 0 },
    minExamples: MIN_TRAINING_EXAMPLES,
    problems: [],
    files: [],
  }
  const total = statuses.reduce((n, s) => n + countMatching(o.dbh, s, f, ids), 0)
  const seen = new Set<number>()
  const threads = { train: new Set<number>(), validation: new Set<number>() }
  const perRole: Record<FileRole, number> = { all: 0, train: 0, validation: 0 }

  if (sink && q.format === 'csv') {
    for (const role of roles) await sink.write(role, UTF8_BOM + csvRow(CSV_COLUMNS))
  }

  for (const status of statuses) {
    let cursor: PairCursor | null = null
    for (;;) {
      if (o.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.')
      const rows = exportPage(o.dbh, status, f, ids, cursor, PAGE)
      for (const row of rows) {
        summary.pairsMatched++
        const r = toRecord(row, redact, summary.redaction)
        let line: string
        let tokens: number
        if (openai) {
          const key = duplicateKey(r)
          if (seen.has(key)) {
            summary.duplicatesRemoved++
            continue
          }
          const example = {
            messages: chatMessages(
              r,
              r.language === 'ru' ? o.settings.systemPrompt.ru : o.settings.systemPrompt.en,
            ),
          }
          tokens = tok.chat(example.messages)
          const broken = checkExample(example, tokens, limit)
          if (broken === 'too_many_tokens') {
            summary.overLimit.count++
            if (summary.overLimit.pairIds.length < LISTED_IDS)
              summary.overLimit.pairIds.push(r.pairId)
            continue
          }
          if (broken) {
            summary.invalid.count++
            summary.invalid.rules[broken] = (summary.invalid.rules[broken] ?? 0) + 1
            if (summary.invalid.pairIds.length < LISTED_IDS) summary.invalid.pairIds.push(r.pairId)
            continue
          }
          seen.add(key)
          line = `${JSON.stringify(example)}\n`
        } else {
          tokens = tok.text(r.clientText) + tok.text(r.replyText)
          line = q.format === 'csv' ? csvLine(r) : jsonLine(r)
        }
        const role: FileRole =
          q.split === undefined
            ? 'all'
            : isTrainingThread(r.accountId, r.threadId, q.split)
              ? 'train'
              : 'validation'
        const thread = threadKey(r.accountId, r.threadId)
        if (role === 'validation') threads.validation.add(thread)
        else threads.train.add(thread)
        perRole[role]++
        summary.examples++
        summary.tokens += tokens
        if (role !== 'validation') summary.trainingTokensPerEpoch += tokens
        if (sink) await sink.write(role, line)
      }
      o.onProgress?.(summary.pairsMatched, total)
      const last = rows.at(-1)
      if (rows.length < PAGE || !last) break
      cursor = { sentAt: last.sentAt, id: last.id }
      // Let other calls (a cancel, the list) run between pages.
      await nextTurn()
    }
  }

  if (o.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.')
  summary.train = q.split === undefined ? perRole.all : perRole.train
  summary.validation = perRole.validation
  summary.trainThreads = threads.train.size
  summary.validationThreads = threads.validation.size
  if (openai) {
    summary.estimatedCostPerEpochUsd = costPerEpochUsd(model, summary.trainingTokensPerEpoch)
  }
  if (summary.examples === 0) summary.problems.push('nothing_to_export')
  else if (openai && summary.train < MIN_TRAINING_EXAMPLES)
    summary.problems.push('too_few_examples')
  summary.files = roles.map((role) => ({ role, name: names[role], examples: perRole[role] }))
  return summary
}
