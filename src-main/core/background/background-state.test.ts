import { describe, expect, it } from 'vitest'
import {
  accountErrorNotification,
  closeAction,
  newlyFailed,
  trayMenu,
  trayState,
  trayTooltip,
  type AccountStatus,
} from './background-state'
import { uiLanguage } from './background-texts'

const facts = (over = {}) => ({ syncing: 0, errors: 0, paused: false, ...over })

describe('tray state', () => {
  it('is idle, syncing or error, an error winning', () => {
    expect(trayState(facts())).toBe('idle')
    expect(trayState(facts({ syncing: 1 }))).toBe('syncing')
    expect(trayState(facts({ syncing: 1, errors: 2 }))).toBe('error')
    expect(trayState(facts({ paused: true }))).toBe('idle')
  })

  it('says paused in the tooltip, in the user language', () => {
    expect(trayTooltip(facts({ paused: true }), 'en')).toBe('ReplyBase: background sync paused')
    expect(trayTooltip(facts({ syncing: 1 }), 'ru')).toBe('ReplyBase: синхронизация…')
    expect(trayTooltip(facts({ errors: 1 }), 'en')).toBe('ReplyBase: an account needs attention')
  })

  it('offers Open, Sync now, Pause/Resume and Quit', () => {
    expect(trayMenu(facts(), 'en').map((i) => i.label)).toEqual([
      'Open ReplyBase',
      'Draft a reply…',
      'Sync now',
      'Pause background sync',
      'Quit',
    ])
    const paused = trayMenu(facts({ paused: true, syncing: 1 }), 'ru')
    expect(paused.map((i) => i.label)).toEqual([
      'Открыть ReplyBase',
      'Составить черновик ответа…',
      'Синхронизировать',
      'Возобновить фоновую синхронизацию',
      'Выйти',
    ])
    expect(paused.find((i) => i.id === 'syncNow')?.enabled).toBe(false)
  })

  it('takes the stored language, else the OS one', () => {
    expect(uiLanguage(null, 'ru-RU')).toBe('ru')
    expect(uiLanguage(null, 'de-DE')).toBe('en')
    expect(uiLanguage('en', 'ru-RU')).toBe('en')
  })
})

describe('closing the window', () => {
  it('hides to the tray unless quitting or there is no tray', () => {
    expect(closeAction({ quitting: false, trayAvailable: true })).toBe('hide')
    expect(closeAction({ quitting: true, trayAvailable: true })).toBe('close')
    expect(closeAction({ quitting: false, trayAvailable: false })).toBe('close')
  })
})

describe('account error notifications', () => {
  const acc = (
    id: number,
    status: AccountStatus['status'],
    reason: string | null = null,
  ): AccountStatus => ({
    id,
    email: `a${id}@example.com`,
    status,
    statusReason: reason,
  })

  it('notifies once, when an account turns into an error', () => {
    const before = new Map([
      [1, 'active' as const],
      [2, 'error' as const],
    ])
    const now = [
      acc(1, 'error', 'token_revoked'),
      acc(2, 'error'),
      acc(3, 'active'),
      acc(4, 'error'),
    ]
    expect(newlyFailed(before, now).map((a) => a.id)).toEqual([1, 4])
  })

  it('words it in the user language with a Reconnect action', () => {
    const n = accountErrorNotification(acc(1, 'error', 'token_revoked'), 'en')
    expect(n).toEqual({
      title: 'Gmail account needs attention',
      body: 'a1@example.com: access was revoked. Click to reconnect.',
      action: { kind: 'reconnect', accountId: 1 },
    })
    expect(accountErrorNotification(acc(1, 'error', 'weird'), 'ru').body).toBe(
      'a1@example.com: синхронизация не удалась. Нажмите, чтобы переподключить.',
    )
  })
})
