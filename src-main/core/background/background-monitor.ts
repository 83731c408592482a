// Keeps the background facts (syncs running, accounts in error, paused) from the core's own
// events, so the tray follows sync and account changes wherever they come from (the window,
// the scheduler, the tray menu), and raises one notification per account that turns error.
import type { EventBus } from '../event-bus'
import {
  accountErrorNotification,
  newlyFailed,
  type AccountStatus,
  type BackgroundFacts,
  type NotificationSpec,
} from './background-state'
import type { UiLanguage } from './background-texts'

export interface BackgroundMonitorDeps {
  events: EventBus
  listAccounts(): AccountStatus[]
  paused(): boolean
  language(): UiLanguage
  /** The facts changed (or the language did): redraw the tray. */
  onChange(facts: BackgroundFacts): void
  notify(spec: NotificationSpec): void
}

export interface BackgroundMonitor {
  facts(): BackgroundFacts
  stop(): void
}

export function startBackgroundMonitor(deps: BackgroundMonitorDeps): BackgroundMonitor {
  const running = new Set<number>()
  const initial = deps.listAccounts()
  let statuses = new Map(initial.map((a) => [a.id, a.status]))
  let errors = initial.filter((a) => a.status === 'error').length
  let paused = deps.paused()

  const facts = (): BackgroundFacts => ({ syncing: running.size, errors, paused })
  const changed = (): void => deps.onChange(facts())

  function readAccounts(): void {
    const now = deps.listAccounts()
    for (const a of newlyFailed(statuses, now))
      deps.notify(accountErrorNotification(a, deps.language()))
    statuses = new Map(now.map((a) => [a.id, a.status]))
    errors = now.filter((a) => a.status === 'error').length
  }

  const unsubscribe = deps.events.subscribe((event, payload) => {
    switch (event) {
      case 'sync.started':
        running.add((payload as { accountId: number }).accountId)
        return changed()
      case 'sync.finished':
        running.delete((payload as { accountId: number }).accountId)
        readAccounts()
        return changed()
      case 'accounts.changed':
        readAccounts()
        return changed()
      case 'sync.paused':
        paused = (payload as { paused: boolean }).paused
        return changed()
      case 'settings.changed':
        paused = deps.paused()
        return changed()
      default:
        return
    }
  })
  changed()
  return { facts, stop: unsubscribe }
}
