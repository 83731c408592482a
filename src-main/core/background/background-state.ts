// The decisions of background life, as pure functions: what the tray shows, what its menu
// offers, whether closing the window hides it or quits, and which accounts just turned into
// errors (each gets one notification).
import { fill, reasonText, textsFor, type UiLanguage } from './background-texts'

export type TrayState = 'idle' | 'syncing' | 'error'

export interface BackgroundFacts {
  /** Account ids with a sync running now. */
  syncing: number
  /** Accounts in status `error`. */
  errors: number
  paused: boolean
}

/** An error wins over syncing: it needs the user, a sync does not. */
export function trayState(f: BackgroundFacts): TrayState {
  if (f.errors > 0) return 'error'
  if (f.syncing > 0) return 'syncing'
  return 'idle'
}

export function trayTooltip(f: BackgroundFacts, language: UiLanguage): string {
  const t = textsFor(language)
  const state = trayState(f)
  if (state === 'error') return t.error
  if (state === 'syncing') return t.syncing
  return f.paused ? t.paused : t.idle
}

export type TrayCommand = 'open' | 'drafts' | 'syncNow' | 'togglePause' | 'quit'

export interface TrayMenuItem {
  id: TrayCommand
  label: string
  enabled: boolean
}

export function trayMenu(f: BackgroundFacts, language: UiLanguage): TrayMenuItem[] {
  const t = textsFor(language)
  return [
    { id: 'open', label: t.open, enabled: true },
    { id: 'drafts', label: t.drafts, enabled: true },
    { id: 'syncNow', label: t.syncNow, enabled: f.syncing === 0 },
    { id: 'togglePause', label: f.paused ? t.resume : t.pause, enabled: true },
    { id: 'quit', label: t.quit, enabled: true },
  ]
}

export interface CloseFacts {
  /** The user chose Quit (menu, tray, Cmd+Q) or the system is shutting down. */
  quitting: boolean
  /** A tray icon exists to bring the window back. */
  trayAvailable: boolean
}

/** Closing the window keeps the app (and its scheduler) in the tray when there is a tray. */
export function closeAction(f: CloseFacts): 'hide' | 'close' {
  return !f.quitting && f.trayAvailable ? 'hide' : 'close'
}

export interface AccountStatus {
  id: number
  email: string
  status: 'active' | 'disabled' | 'error'
  statusReason: string | null
}

/** Accounts that are in error now and were not before (new accounts count only if in error). */
export function newlyFailed(
  before: ReadonlyMap<number, AccountStatus['status']>,
  now: readonly AccountStatus[],
): AccountStatus[] {
  return now.filter((a) => a.status === 'error' && before.get(a.id) !== 'error')
}

export interface NotificationSpec {
  title: string
  body: string
  /** What a click does. */
  action: { kind: 'open' } | { kind: 'reconnect'; accountId: number }
}

export function accountErrorNotification(a: AccountStatus, language: UiLanguage): NotificationSpec {
  const t = textsFor(language)
  return {
    title: t.errorTitle,
    body: fill(t.errorBody, { email: a.email, reason: reasonText(t, a.statusReason) }),
    action: { kind: 'reconnect', accountId: a.id },
  }
}

export function hiddenToTrayNotification(language: UiLanguage): NotificationSpec {
  const t = textsFor(language)
  return { title: t.hiddenTitle, body: t.hiddenBody, action: { kind: 'open' } }
}
