// Events main pushes to the renderer (over Electron IPC or the bridge's event stream).
export interface AppEvents {
  'settings.changed': { language: 'en' | 'ru' | null; theme: 'system' | 'light' | 'dark' }
  /** A Gmail connect attempt is waiting for the browser; the UI may offer to copy the link. */
  'gmail.connect.waiting': { authUrl: string }
  /** An account row changed (status, connect, disconnect, resync request); re-read accounts.list. */
  'accounts.changed': { accountId?: number }
  /** Pairs were reviewed, edited or restored (ids when known); re-read counts and visible rows. */
  'pairs.changed': { ids?: number[] }
}
export type AppEventName = keyof AppEvents
