// Exports as the app and the CLI run them: the summary before writing, the write itself
// (temporary files renamed only when every file is complete), cancel, and where a finished
// export's file is, which stays in the main process.
import path from 'node:path'
import type {
  ExportFormat,
  ExportQuery,
  ExportResult,
  ExportSettings,
  ExportSummary,
} from '@contract/export'
import { AppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import type { EventBus } from '../event-bus'
import { createAtomicFile, type AtomicFile, type OpenStream } from './atomic-file'
import { rolesOf, runExport, type FileRole } from './export-pipeline'
import {
  readExportSettings,
  updateExportSettings,
  type ExportSettingsPatch,
} from './export-settings'

export interface ExportService {
  settings(): ExportSettings
  updateSettings(patch: ExportSettingsPatch): ExportSettings
  preview(q: ExportQuery): Promise<ExportSummary>
  /** Writes to `finalPath` (and a validation file beside it when splitting). */
  write(q: ExportQuery, jobId: string, finalPath: string): Promise<ExportResult>
  cancel(jobId: string): boolean
  /** The main file of a finished export, for showing it in the file manager. */
  writtenPath(jobId: string): string | null
  /** The name the save dialog suggests. */
  suggestedName(format: ExportFormat): string
}

export interface ExportServiceDeps {
  dbh: DbHandle
  events: EventBus
  /** Tests inject a stream that fails like a full disk. */
  openStream?: OpenStream
  now?: () => Date
}

const EXTENSIONS: Record<ExportFormat, string> = {
  'openai-jsonl': '.jsonl',
  csv: '.csv',
  jsonl: '.jsonl',
}
const FINISHED_KEPT = 20
/** At most ~10 progress events a second. */
const PROGRESS_EVERY_MS = 100

/** train.jsonl → train.validation.jsonl, beside it. */
export function validationPath(finalPath: string): string {
  const ext = path.extname(finalPath)
  return path.join(path.dirname(finalPath), `${path.basename(finalPath, ext)}.validation${ext}`)
}

function pathsFor(roles: FileRole[], finalPath: string): Record<FileRole, string> {
  return {
    all: finalPath,
    train: finalPath,
    validation: roles.includes('validation') ? validationPath(finalPath) : '',
  }
}

function namesOf(paths: Record<FileRole, string>): Record<FileRole, string> {
  return {
    all: path.basename(paths.all),
    train: path.basename(paths.train),
    validation: paths.validation ? path.basename(paths.validation) : '',
  }
}

function diskError(e: unknown): AppError {
  const code = (e as { code?: unknown } | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('db_disk_full', 'The disk is full: free some space, then export again.', {
      cause: e,
    })
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT') {
    return new AppError(
      'forbidden',
      'ReplyBase cannot write a file there; choose another folder.',
      {
        cause: e,
      },
    )
  }
  return e instanceof AppError ? e : new AppError('internal', 'The export failed.', { cause: e })
}

export function createExportService(deps: ExportServiceDeps): ExportService {
  const running = new Map<string, AbortController>()
  const finished = new Map<string, string>()
  const now = deps.now ?? (() => new Date())

  const suggestedName = (format: ExportFormat): string => {
    const day = now().toISOString().slice(0, 10)
    const stem = format === 'openai-jsonl' ? 'replybase-fine-tuning' : 'replybase-pairs'
    return `${stem}-${day}${EXTENSIONS[format]}`
  }

  const progress = (jobId: string, phase: 'checking' | 'writing') => {
    let last = 0
    return (done: number, total: number): void => {
      const t = Date.now()
      if (done < total && t - last < PROGRESS_EVERY_MS) return
      last = t
      deps.events.emit('export.progress', { jobId, phase, done, total })
    }
  }

  return {
    settings: () => readExportSettings(deps.dbh),
    updateSettings: (patch) => updateExportSettings(deps.dbh, patch),
    suggestedName,

    async preview(q) {
      const suggested = pathsFor(rolesOf(q), suggestedName(q.format))
      return runExport(q, null, {
        dbh: deps.dbh,
        settings: readExportSettings(deps.dbh),
        fileNames: () => namesOf(suggested),
      })
    },

    async write(q, jobId, finalPath) {
      if (running.has(jobId)) throw new AppError('conflict', 'This export is already running.')
      const controller = new AbortController()
      running.set(jobId, controller)
      const roles = rolesOf(q)
      const paths = pathsFor(roles, path.resolve(finalPath))
      const files = new Map<FileRole, AtomicFile>()
      try {
        for (const role of roles) files.set(role, createAtomicFile(paths[role], deps.openStream))
        const summary = await runExport(
          q,
          {
            write: (role, text) => files.get(role)!.write(text),
          },
          {
            dbh: deps.dbh,
            settings: readExportSettings(deps.dbh),
            signal: controller.signal,
            onProgress: progress(jobId, 'writing'),
            fileNames: () => namesOf(paths),
          },
        )
        if (summary.problems.includes('nothing_to_export')) {
          throw new AppError('bad_request', 'Nothing to export: no pair passes this filter.')
        }
        if (summary.problems.includes('too_few_examples')) {
          throw new AppError(
            'bad_request',
            `OpenAI needs at least ${summary.minExamples} training examples; this export has ${summary.train}.`,
          )
        }
        for (const file of files.values()) await file.commit()
        finished.set(jobId, paths[roles[0]!])
        if (finished.size > FINISHED_KEPT) finished.delete(finished.keys().next().value!)
        return { written: true, summary }
      } catch (e) {
        await Promise.all([...files.values()].map((f) => f.abort().catch(() => undefined)))
        throw diskError(e)
      } finally {
        running.delete(jobId)
      }
    },

    cancel(jobId) {
      const c = running.get(jobId)
      if (!c) return false
      c.abort()
      return true
    },

    writtenPath: (jobId) => finished.get(jobId) ?? null,
  }
}
