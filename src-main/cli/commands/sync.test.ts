import { describe, expect, it } from 'vitest'
import type { SyncRunResult } from '@contract/sync'
import { CliUsageError } from '../arguments'
import { describeResult, parseSince } from './sync'

describe('sync command', () => {
  it('--since takes a real calendar date', () => {
    expect(parseSince(undefined)).toBeUndefined()
    expect(parseSince('2026-03-01')).toBe('2026-03-01')
    expect(() => parseSince('2026-02-30')).toThrow(CliUsageError)
    expect(() => parseSince('yesterday')).toThrow(CliUsageError)
  })

  it('prints a summary a person can read, with the reason when a run failed', () => {
    const summary = {
      messages_fetched: 12,
      messages_upserted: 12,
      messages_deleted: 1,
      pairs_created: 4,
      pairs_skipped: { bulk: 2, auto_reply: 0 },
      errors: ['offline: Gmail could not be reached'],
      mode: 'incremental' as const,
      duration_ms: 1530,
      finished_at: '2026-11-25T12:00:00.000Z',
      pairs_updated: 0,
      pairs_deleted: 0,
      pairs_orphaned: 1,
      messages_parse_failed: 0,
      messages_vanished: 0,
      retries: 3,
      rate_limited: 0,
      resumed: false,
      full_reason: null,
    }
    const ok: SyncRunResult = {
      accountId: 1,
      email: 'a@b.c',
      runId: 3,
      status: 'ok',
      summary: { ...summary, errors: [] },
      error: null,
    }
    expect(describeResult(ok)).toEqual([
      'a@b.c: incremental sync ok in 1.5 s',
      '  messages: 12 fetched, 12 stored or updated, 1 removed',
      '  pairs:    4 created, 0 updated, 0 removed, 1 orphaned; skipped: bulk 2',
      '  retries:  3 (0 rate-limited)',
    ])
    const failed: SyncRunResult = {
      ...ok,
      status: 'failed',
      summary,
      error: { code: 'offline', message: 'Gmail could not be reached' },
    }
    expect(describeResult(failed)[0]).toBe(
      'a@b.c: incremental sync FAILED (offline): Gmail could not be reached',
    )
    expect(describeResult(failed).join('\n')).not.toMatch(/note:/)
  })
})
