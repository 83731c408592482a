// Events main pushes to the renderer (over Electron IPC or the bridge's event stream).
export interface AppEvents {
  'settings.changed': { language: 'en' | 'ru' | null; theme: 'system' | 'light' | 'dark' }
}
export type AppEventName = keyof AppEvents
