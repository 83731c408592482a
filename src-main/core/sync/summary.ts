// The run summary from a run's counters, and the optional stored quota
// budget setting.
import type { DbHandle } from '../../db/connection'
import { addSkips, type SkipCounts } from '../pairs/pair-builder'
import { readAppSetting } from '../../db/queries/app-settings'
import type { RunCounters, SyncMode, SyncRunSummary } from './sync-types'

export function buildSummary(
  c: RunCounters,
  mode: SyncMode,
  durationMs: number,
  finishedAt: string,
  extra: { resumed: boolean; fullReason: string | null },
): SyncRunSummary {
  const skipped: SkipCounts = {}
  for (const s of c.threadSkips.values()) addSkips(skipped, s)
  const errors = [...c.errors]
  if (c.parseFailed > 0) {
    errors.unshift(
      `${c.parseFailed} message(s) could not be decoded; stored with their headers and the reason`,
    )
  }
  return {
    messages_fetched: c.fetched,
    messages_upserted: c.upserted,
    messages_deleted: c.deleted,
    pairs_created: c.pairsCreated,
    pairs_skipped: skipped as Record<string, number>,
    errors,
    mode,
    duration_ms: Math.round(durationMs),
    finished_at: finishedAt,
    pairs_updated: c.pairsUpdated,
    pairs_deleted: c.pairsDeleted,
    pairs_orphaned: c.pairsOrphaned,
    messages_parse_failed: c.parseFailed,
    messages_vanished: c.vanished,
    retries: c.retries,
    rate_limited: c.rateLimited,
    resumed: extra.resumed,
    full_reason: mode === 'full' ? extra.fullReason : null,
  }
}

/**
 * The per-user Gmail budget from Settings (app_settings key `gmailUnitsPerSecond`), if one was
 * stored; REPLYBASE_GMAIL_UNITS_PER_SECOND wins over it.
 */
export function readStoredUnitsPerSecond(dbh: DbHandle): number | null {
  const value = readAppSetting(dbh, 'gmailUnitsPerSecond')
  if (value === undefined) return null
  try {
    const n: unknown = JSON.parse(value)
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null
  } catch {
    return null
  }
}
