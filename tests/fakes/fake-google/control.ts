// The in-process control API: seed mailboxes, change them (each change lands in history),
// break tokens, and set faults and quotas.

import type { Rng } from '../prng'
import { Mailbox } from './mailbox'
import type { OAuthState } from './oauth-state'
import type { Traffic } from './traffic'
import type { ControlApi, FakeFaults, NextAuth } from './types'

export interface ControlState {
  oauth: OAuthState
  traffic: Traffic
  mailboxes: Map<string, Mailbox>
  rng: Rng
  now(): number
  setNextAuth(next: NextAuth | null): void
  onOfflineChange(mode: FakeFaults['offline'], forMs?: number): void
}

export function createControl(s: ControlState): ControlApi {
  const box = (email: string): Mailbox => {
    const b = s.mailboxes.get(email.toLowerCase())
    if (!b) throw new Error(`no mailbox for ${email}; call addMailbox first`)
    return b
  }
  const ensure = (email: string): Mailbox => {
    const key = email.toLowerCase()
    let b = s.mailboxes.get(key)
    if (!b) {
      b = new Mailbox(email, () => s.rng.int(1, 3))
      s.mailboxes.set(key, b)
    }
    return b
  }
  const api: ControlApi = {
    addMailbox(email, opts) {
      const b = ensure(email)
      if (opts?.displayName !== undefined) b.sendAs[0]!.displayName = opts.displayName
      for (const a of opts?.aliases ?? []) {
        if (!b.sendAs.some((x) => x.sendAsEmail === a.sendAsEmail)) b.addAlias(a)
      }
    },
    addAlias: (email, alias) => ensure(email).addAlias(alias),
    addMessage: (email, msg) => ensure(email).add(msg, s.now()).id,
    addMessages(email, msgs) {
      const b = ensure(email)
      // Oldest first, so history and derived threads grow the way they did in the real mailbox.
      const order = msgs
        .map((m, i) => ({ m, i }))
        .sort((x, y) => (x.m.internalDate ?? 0) - (y.m.internalDate ?? 0) || x.i - y.i)
      const ids: string[] = new Array<string>(msgs.length)
      for (const { m, i } of order) ids[i] = b.add(m, s.now()).id
      return ids
    },
    deleteMessage: (email, id) => box(email).delete(id),
    modifyLabels: (email, id, add, remove) => box(email).modify(id, add, remove),
    expireHistory: (email) => box(email).expireHistory(),
    expireTokens: (email) => s.oauth.expireAccess(email),
    revokeAll: (email) => s.oauth.revokeAccount(email),
    setNextAuth: (next) => s.setNextAuth(next),
    setFaults(faults) {
      const merged: Record<string, unknown> = { ...s.traffic.faults }
      for (const [k, v] of Object.entries(faults)) {
        if (v === undefined || v === null) delete merged[k]
        else merged[k] = v
      }
      const before = s.traffic.faults.offline
      s.traffic.faults = merged as FakeFaults
      if ('offline' in faults && faults.offline !== before) {
        s.onOfflineChange(faults.offline ?? false, faults.offlineForMs)
      }
    },
    setQuota(q) {
      const quota = s.traffic.quota
      if (q.quotaUnitsPerSecond !== undefined) quota.quotaUnitsPerSecond = q.quotaUnitsPerSecond
      if (q.quotaStyle !== undefined) quota.quotaStyle = q.quotaStyle
      // 0 means unlimited for both limits.
      if (q.maxConcurrent !== undefined) quota.maxConcurrent = q.maxConcurrent || undefined
    },
    stats: () => structuredClone(s.traffic.stats),
    resetStats: () => s.traffic.reset(),
    messageIds(email, opts) {
      return box(email)
        .sorted()
        .filter((m) => opts?.includeSpamTrash || (!m.labels.has('SPAM') && !m.labels.has('TRASH')))
        .map((m) => m.id)
    },
    historyId: (email) => String(box(email).historyId),
  }
  return api
}
