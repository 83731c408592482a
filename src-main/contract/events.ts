// Events main pushes to the renderer (over Electron IPC or the bridge's event stream).
import type { SyncMode, SyncProgress, SyncRunResult } from './sync'
import type { ExportProgress } from './export'
import type { KbProgress } from './kb'
import type { RebuildPairsProgress } from './rebuild'
import type { SimilarPair } from './ai'
import type { PairLanguage } from './pairs'

/** The window's pages, as the tray and notifications name them. */
export type AppPage = 'accounts' | 'review' | 'drafts' | 'settings'

export interface AppEvents {
  'settings.changed': { language: 'en' | 'ru' | null; theme: 'system' | 'light' | 'dark' }
  /** A Gmail connect attempt is waiting for the browser; the UI may offer to copy the link. */
  'gmail.connect.waiting': { authUrl: string }
  /** An account row changed (status, connect, disconnect, resync request); re-read accounts.list. */
  'accounts.changed': { accountId?: number }
  /** Pairs were reviewed, edited or restored (ids when known); re-read counts and visible rows. */
  'pairs.changed': { ids?: number[] }
  /** Progress of a running export (at most ~10 per second). */
  'export.progress': ExportProgress
  /** Progress of a running embedding job (after each committed batch). */
  'kb.progress': KbProgress
  /** Progress of "Rebuild pairs" (after each committed group of threads). */
  'pairs.rebuild.progress': RebuildPairsProgress
  /** A streamed draft's sources, before the model writes (ai.draft with a streamId). */
  'ai.draft.sources': {
    streamId: string
    examples: SimilarPair[]
    model: string
    language: PairLanguage
  }
  /** A streamed draft's text so far (the first words at once, then at most ~20 per second). */
  'ai.draft.delta': { streamId: string; text: string }
  /** A sync run started for an account. */
  'sync.started': { accountId: number; mode: SyncMode }
  /** Progress of a running sync (at most ~10 per second per account). */
  'sync.progress': SyncProgress
  /** A sync run ended; summary is null when it could not start (e.g. no authorization). */
  'sync.finished': Omit<SyncRunResult, 'email' | 'runId'>
  /** Background sync was paused or resumed. */
  'sync.paused': { paused: boolean }
  /** The desktop shell asks the window to show a page (a notification or the tray was
   * clicked); with reconnectAccountId the Accounts page puts that account's Reconnect first. */
  'app.navigate': { page: AppPage; reconnectAccountId?: number }
}
export type AppEventName = keyof AppEvents
