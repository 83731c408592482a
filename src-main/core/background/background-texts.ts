// Words the main process shows itself (tray menu, tooltip, notifications), in the user's
// language: the renderer's catalogue is not reachable from here.
export type UiLanguage = 'en' | 'ru'

const TEXTS = {
  en: {
    open: 'Open ReplyBase',
    drafts: 'Draft a reply…',
    syncNow: 'Sync now',
    pause: 'Pause background sync',
    resume: 'Resume background sync',
    quit: 'Quit',
    idle: 'ReplyBase',
    syncing: 'ReplyBase: syncing…',
    error: 'ReplyBase: an account needs attention',
    paused: 'ReplyBase: background sync paused',
    hiddenTitle: 'ReplyBase is still running',
    hiddenBody: 'It keeps syncing in the background. Open it or quit from the tray icon.',
    errorTitle: 'Gmail account needs attention',
    errorBody: '{email}: {reason}. Click to reconnect.',
    reason: {
      token_revoked: 'access was revoked',
      not_connected: 'not connected',
      scope_denied: 'Gmail access not granted',
      other: 'sync failed',
    },
  },
  ru: {
    open: 'Открыть ReplyBase',
    drafts: 'Составить черновик ответа…',
    syncNow: 'Синхронизировать',
    pause: 'Приостановить фоновую синхронизацию',
    resume: 'Возобновить фоновую синхронизацию',
    quit: 'Выйти',
    idle: 'ReplyBase',
    syncing: 'ReplyBase: синхронизация…',
    error: 'ReplyBase: аккаунт требует внимания',
    paused: 'ReplyBase: фоновая синхронизация приостановлена',
    hiddenTitle: 'ReplyBase продолжает работать',
    hiddenBody: 'Синхронизация идёт в фоне. Откройте приложение или выйдите через значок в трее.',
    errorTitle: 'Аккаунт Gmail требует внимания',
    errorBody: '{email}: {reason}. Нажмите, чтобы переподключить.',
    reason: {
      token_revoked: 'доступ отозван',
      not_connected: 'не подключён',
      scope_denied: 'нет доступа к Gmail',
      other: 'синхронизация не удалась',
    },
  },
} as const

export type BackgroundTexts = (typeof TEXTS)['en'] | (typeof TEXTS)['ru']

/** The stored language, else the OS locale (e.g. 'ru-RU'), else English. */
export function uiLanguage(stored: UiLanguage | null, osLocale: string): UiLanguage {
  return stored ?? (osLocale.toLowerCase().startsWith('ru') ? 'ru' : 'en')
}

export function textsFor(language: UiLanguage): BackgroundTexts {
  return TEXTS[language]
}

export function reasonText(texts: BackgroundTexts, reason: string | null): string {
  const known = texts.reason as Record<string, string>
  return (reason && known[reason]) || texts.reason.other
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '')
}
