import { describe, expect, it } from 'vitest'
import { createEventBus } from '../event-bus'
import type { AccountStatus, BackgroundFacts, NotificationSpec } from './background-state'
import { startBackgroundMonitor } from './background-monitor'

function setup(accounts: AccountStatus[]) {
  const events = createEventBus()
  const seen: BackgroundFacts[] = []
  const notes: NotificationSpec[] = []
  let paused = false
  const monitor = startBackgroundMonitor({
    events,
    listAccounts: () => accounts,
    paused: () => paused,
    language: () => 'en',
    onChange: (f) => seen.push(f),
    notify: (n) => notes.push(n),
  })
  return { events, seen, notes, monitor, setPaused: (p: boolean) => (paused = p) }
}

describe('background monitor', () => {
  it('follows syncs from start to finish, and pause', () => {
    const accounts: AccountStatus[] = [
      { id: 1, email: 'a@x', status: 'active', statusReason: null },
    ]
    const { events, seen, monitor } = setup(accounts)
    expect(seen.at(-1)).toEqual({ syncing: 0, errors: 0, paused: false })
    events.emit('sync.started', { accountId: 1, mode: 'full' })
    expect(monitor.facts().syncing).toBe(1)
    events.emit('sync.finished', { accountId: 1, status: 'ok', summary: null, error: null })
    expect(monitor.facts().syncing).toBe(0)
    events.emit('sync.paused', { paused: true })
    expect(seen.at(-1)).toEqual({ syncing: 0, errors: 0, paused: true })
    monitor.stop()
  })

  it('notifies once when an account turns error, not for one already in error', () => {
    const accounts: AccountStatus[] = [
      { id: 1, email: 'a@x', status: 'active', statusReason: null },
      { id: 2, email: 'b@x', status: 'error', statusReason: 'token_revoked' },
    ]
    const { events, notes, monitor } = setup(accounts)
    accounts[0] = { ...accounts[0]!, status: 'error', statusReason: 'token_revoked' }
    events.emit('accounts.changed', { accountId: 1 })
    events.emit('accounts.changed', { accountId: 1 })
    expect(notes).toHaveLength(1)
    expect(notes[0]?.action).toEqual({ kind: 'reconnect', accountId: 1 })
    expect(monitor.facts().errors).toBe(2)
    monitor.stop()
  })

  it('stops listening', () => {
    const { events, seen, monitor } = setup([])
    monitor.stop()
    const n = seen.length
    events.emit('sync.started', { accountId: 9, mode: 'incremental' })
    expect(seen).toHaveLength(n)
  })
})
