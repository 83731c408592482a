// Per-user quota (token bucket), concurrency limit, injected faults and the counters tests read.
// Costs are Gmail's published quota units: https://developers.google.com/gmail/api/reference/quota

import { backendError, rateLimited, tooManyConcurrent, type ApiReply } from './google-errors'
import type { Rng } from '../prng'
import type { FakeFaults, FakeStats } from './types'

export const UNIT_COSTS: Record<string, number> = {
  'messages.get': 5,
  'messages.list': 5,
  'messages.attachments.get': 5,
  'history.list': 2,
  getProfile: 1,
  'settings.sendAs.list': 1,
  'labels.list': 1,
  'labels.get': 1,
  'threads.get': 10,
  'threads.list': 10,
}

export interface QuotaSettings {
  quotaUnitsPerSecond?: number
  quotaStyle: '429' | '403'
  maxConcurrent?: number
  retryAfterHeader: boolean
}

export function emptyStats(): FakeStats {
  return {
    requests: 0,
    byEndpoint: {},
    byStatus: {},
    byEndpointStatus: {},
    sent429: 0,
    rateLimited: 0,
    concurrencyRejected: 0,
    peakConcurrency: 0,
    peakConcurrencyByUser: {},
    unitsByUser: {},
    batchParts: 0,
    faultsInjected: 0,
  }
}

const bump = (rec: Record<string, number>, key: string, by = 1): void => {
  rec[key] = (rec[key] ?? 0) + by
}

export class Traffic {
  stats: FakeStats = emptyStats()
  faults: FakeFaults = {}
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private readonly inFlight = new Map<string, number>()
  private total = 0

  constructor(
    public quota: QuotaSettings,
    private readonly rng: Rng,
    private readonly now: () => number,
  ) {}

  count(endpoint: string, status: number): void {
    const s = this.stats
    s.requests++
    bump(s.byEndpoint, endpoint)
    bump(s.byStatus, String(status))
    bump((s.byEndpointStatus[endpoint] ??= {}), String(status))
    if (status === 429) s.sent429++
  }

  /** Returns a 429 reply when the user already has maxConcurrent calls in flight. */
  enter(user: string): ApiReply | undefined {
    const current = this.inFlight.get(user) ?? 0
    const max = this.quota.maxConcurrent
    if (max !== undefined && current >= max) {
      this.stats.concurrencyRejected++
      return tooManyConcurrent()
    }
    this.inFlight.set(user, current + 1)
    this.total++
    const s = this.stats
    s.peakConcurrency = Math.max(s.peakConcurrency, this.total)
    s.peakConcurrencyByUser[user] = Math.max(s.peakConcurrencyByUser[user] ?? 0, current + 1)
    return undefined
  }

  leave(user: string): void {
    this.inFlight.set(user, Math.max(0, (this.inFlight.get(user) ?? 1) - 1))
    this.total = Math.max(0, this.total - 1)
  }

  /** Token bucket holding one second of units; refused calls do not spend units. */
  spend(user: string, endpoint: string): ApiReply | undefined {
    const cost = UNIT_COSTS[endpoint] ?? 1
    const rate = this.quota.quotaUnitsPerSecond
    if (rate !== undefined && rate > 0) {
      const now = this.now()
      const b = this.buckets.get(user) ?? { tokens: rate, at: now }
      b.tokens = Math.min(rate, b.tokens + ((now - b.at) / 1000) * rate)
      b.at = now
      this.buckets.set(user, b)
      if (b.tokens < cost) {
        const waitMs = Math.ceil(((cost - b.tokens) / rate) * 1000)
        this.stats.rateLimited++
        const headerSec = this.quota.retryAfterHeader
          ? Math.max(1, Math.ceil(waitMs / 1000))
          : undefined
        return rateLimited(this.quota.quotaStyle, new Date(now + waitMs), headerSec)
      }
      b.tokens -= cost
    }
    bump(this.stats.unitsByUser, user, cost)
    return undefined
  }

  injectError(): ApiReply | undefined {
    const left = this.faults.failNextCalls ?? 0
    if (left > 0) {
      this.faults.failNextCalls = left - 1
      this.stats.faultsInjected++
      return backendError(503)
    }
    const rate = this.faults.errorRate ?? 0
    if (rate <= 0 || this.rng.next() >= rate) return undefined
    this.stats.faultsInjected++
    return backendError(this.rng.chance(0.5) ? 500 : 503)
  }

  latencyMs(): number {
    const base = this.faults.latencyMs ?? 0
    const jitter = this.faults.latencyJitterMs ?? 0
    return base + (jitter > 0 ? this.rng.next() * jitter : 0)
  }

  /** Counts one Gmail call toward revokeAfterRequests; true when this call triggers the revoke. */
  tickRevoke(): boolean {
    const left = this.faults.revokeAfterRequests
    if (left === undefined) return false
    if (left <= 1) {
      delete this.faults.revokeAfterRequests
      return true
    }
    this.faults.revokeAfterRequests = left - 1
    return false
  }

  reset(): void {
    this.stats = emptyStats()
  }
}
