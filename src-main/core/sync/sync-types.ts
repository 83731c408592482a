// Shapes shared by the sync modules: the per-run context, counters and resume state.
import type { SyncMode, SyncPhase, SyncRunSummary } from '@contract/sync'
import type { DbHandle } from '../../db/connection'
import type { PairLanguage } from '../cleaning/detect-language'
import type { DecodePool } from './decode-pool'
import type { BatchContext } from './gmail-batch'
import type { GmailCallContext } from '../gmail/gmail-calls'
import type { SkipCounts } from '../pairs/pair-builder'

export type { SyncMode, SyncPhase, SyncRunSummary }

/** Stored in sync_runs.resume_state: the lock owner and where a full sync continues. */
export interface ResumeState {
  pid: number
  heartbeatAt: string
  /** Full sync only. */
  baselineHistoryId?: string
  q?: string
  /** Start of the listed window (ISO), for the sweep of messages Gmail no longer lists. */
  windowStart?: string | null
  /** Next messages.list page; null = the first page. */
  pageToken?: string | null
  pagesDone?: number
  rescan?: boolean
  /** The listing started mid-way (resumed from a page token): no sweep at the end. */
  partial?: boolean
}

export interface RunCounters {
  fetched: number
  upserted: number
  deleted: number
  pairsCreated: number
  pairsUpdated: number
  pairsDeleted: number
  pairsOrphaned: number
  parseFailed: number
  vanished: number
  retries: number
  rateLimited: number
  errors: string[]
  /** Latest skip counts of each thread rebuilt in this run (a thread rebuilt twice counts once). */
  threadSkips: Map<string, SkipCounts>
}

export function newCounters(): RunCounters {
  return {
    fetched: 0,
    upserted: 0,
    deleted: 0,
    pairsCreated: 0,
    pairsUpdated: 0,
    pairsDeleted: 0,
    pairsOrphaned: 0,
    parseFailed: 0,
    vanished: 0,
    retries: 0,
    rateLimited: 0,
    errors: [],
    threadSkips: new Map(),
  }
}

export interface RunContext {
  dbh: DbHandle
  accountId: number
  email: string
  runId: number
  own: Set<string>
  calls: GmailCallContext
  /** messages.get through the batch endpoint, `batchSize` ids per request; absent = one by one. */
  batch?: BatchContext
  batchSize: number
  pool: DecodePool
  signal: AbortSignal
  counters: RunCounters
  /** Cleaned text per message id for this run (see pair-store.ts). */
  cleaned: Map<number, string>
  detect(text: string): PairLanguage
  progress(phase: SyncPhase, done: number, total: number): void
  now(): number
  /** Writes the run's resume state (inside the caller's transaction). */
  saveResume(state: Partial<ResumeState>): void
}
