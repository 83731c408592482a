import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../db/open-database'
import { reviewStatesMatching } from '../../db/queries/pairs-export'
import { createEventBus } from '../event-bus'
import { sourceMigrationsFolder } from '../paths'
import { seedPairs } from '../../../tests/helpers/seed-pairs'
import { tempDir } from '../../../tests/helpers/temp'
import { createReviewService } from './review-service'

const tmp = tempDir()
let dbh: OpenedDatabase
const bus = createEventBus()
const changes: unknown[] = []
bus.subscribe((event, payload) => {
  if (event === 'pairs.changed') changes.push(payload)
})
let svc: ReturnType<typeof createReviewService>
let ruAccount = 0

beforeAll(() => {
  dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  svc = createReviewService({ dbh, events: bus, now: () => new Date('2026-12-01T10:00:00Z') })
  // ~15% approved, ~5% rejected, the rest new, in two accounts.
  ruAccount = seedPairs(dbh, 1200, { seed: 11 }).accountIds[1]!
})
afterAll(() => {
  dbh.close()
  tmp.cleanup()
})

const everything = () =>
  dbh.sqlite
    .prepare('SELECT id, status, reviewed_at AS reviewedAt FROM training_pairs ORDER BY id')
    .all()

describe('review by filter with undo', () => {
  it('reads the review state of exactly the pairs of a status and filter', () => {
    const states = reviewStatesMatching(dbh, 'approved', { accountId: ruAccount })
    const counts = svc.counts({ accountId: ruAccount })
    expect(states).toHaveLength(counts.approved)
    expect(states.every((s) => s.status === 'approved' && s.reviewedAt !== null)).toBe(true)
  })

  it('approves every pair of the tab and filter in one change, and puts them all back', () => {
    const before = everything()
    const counts = svc.counts({ accountId: ruAccount })
    changes.length = 0
    const r = svc.setStatusMatching({
      status: 'new',
      accountId: ruAccount,
      newStatus: 'approved',
      dryRun: false,
      undoable: true,
    })
    expect(r.matched).toBe(counts.new)
    expect(r.updated).toBe(counts.new)
    expect(r.undoId).toEqual(expect.any(String))
    expect(changes).toHaveLength(1)
    const after = svc.counts({ accountId: ruAccount })
    expect(after).toEqual({
      new: 0,
      approved: counts.approved + counts.new,
      rejected: counts.rejected,
    })
    // The other account is untouched.
    const others = svc.counts({})
    expect(others.new).toBeGreaterThan(0)

    expect(svc.restoreMatching(r.undoId!)).toEqual({ restored: counts.new })
    expect(everything()).toEqual(before)
    // Undone once: the same id cannot put anything back again.
    expect(() => svc.restoreMatching(r.undoId!)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    )
  })

  it('resets approved and rejected pairs of "all" with their review times back on undo', () => {
    const before = everything()
    const r = svc.setStatusMatching({
      status: 'all',
      newStatus: 'new',
      dryRun: false,
      undoable: true,
    })
    expect(svc.counts({})).toEqual({ new: 1200, approved: 0, rejected: 0 })
    expect(svc.restoreMatching(r.undoId!).restored).toBe(r.updated)
    expect(everything()).toEqual(before)
  })

  it('keeps only the latest undoable change, and nothing for the CLI or a dry run', () => {
    const first = svc.setStatusMatching({
      status: 'new',
      language: 'ru',
      newStatus: 'rejected',
      dryRun: false,
      undoable: true,
    })
    const second = svc.setStatusMatching({
      status: 'new',
      language: 'en',
      newStatus: 'rejected',
      dryRun: false,
      undoable: true,
    })
    expect(() => svc.restoreMatching(first.undoId!)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    )
    expect(svc.restoreMatching(second.undoId!).restored).toBe(second.updated)
    const dry = svc.setStatusMatching({
      status: 'new',
      newStatus: 'approved',
      dryRun: true,
      undoable: true,
    })
    expect(dry).toMatchObject({ updated: 0, undoId: null })
    const cli = svc.setStatusMatching({
      status: 'new',
      newStatus: 'approved',
      dryRun: false,
      undoable: false,
    })
    expect(cli.updated).toBeGreaterThan(0)
    expect(cli.undoId).toBeNull()
  })
})
