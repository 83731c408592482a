import { beforeEach, describe, expect, it } from 'vitest'
import type { AppSettings } from '@contract'
import { setTransport } from '../api/client'
import { createFakeTransport, FakeFailure, type FakeTransport } from '../test/fake-transport'
import { startSettingsSync, useSettings } from './settings-store'

const initial = useSettings.getState()
let t: FakeTransport
const base: AppSettings = {
  language: null,
  theme: 'system',
  syncIntervalMinutes: 5,
  lookbackDays: 180,
  gmailUnitsPerSecond: 250,
  backgroundSyncPaused: false,
  startMinimized: false,
  launchAtLogin: false,
  googleClientId: null,
  aiEnabled: false,
  aiRedact: true,
  embeddingModel: 'text-embedding-3-small',
  embeddingDimensions: 512,
  reviewListPercent: 65,
  googleClientSecretStored: false,
  googleClientIdSource: 'none',
}

beforeEach(() => {
  t = createFakeTransport()
  setTransport(t)
  t.answer('settings.get', base)
  useSettings.setState(initial, true)
})

const state = () => useSettings.getState()

describe('settings store', () => {
  it('shows a choice at once and keeps what main stored', async () => {
    await state().load()
    let finish: (s: AppSettings) => void = () => undefined
    t.answer('settings.update', () => new Promise((resolve) => (finish = resolve)))
    const pending = state().update({ launchAtLogin: true, language: 'ru' })
    expect(state().settings).toMatchObject({ launchAtLogin: true, language: 'ru' })
    finish({ ...base, launchAtLogin: true, language: 'ru' })
    expect(await pending).toBe(true)
    expect(state().settings?.launchAtLogin).toBe(true)
  })

  it('puts the old values back when main refuses, and never mirrors the secret', async () => {
    await state().load()
    t.answer('settings.update', () => {
      throw new FakeFailure('keychain_unavailable', 'no keychain')
    })
    expect(
      await state().update({ googleClientSecret: 'GOCSPX-secret', startMinimized: true }),
    ).toBe(false)
    expect(state().settings).toEqual(base)
    expect(state().saveError?.code).toBe('keychain_unavailable')
    expect(JSON.stringify(state())).not.toContain('GOCSPX-secret')
  })

  it('follows language and theme changed elsewhere', async () => {
    await state().load()
    const stop = startSettingsSync()
    t.emit('settings.changed', { language: 'ru', theme: 'dark' })
    expect(state().settings).toMatchObject({ language: 'ru', theme: 'dark' })
    stop()
  })
})
