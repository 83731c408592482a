import { beforeEach, describe, expect, it } from 'vitest'
import type { AppSettings } from '@contract'
import { setTransport } from '../api/client'
import { createFakeTransport, FakeFailure, type FakeTransport } from '../test/fake-transport'
import { clampPercent, saveListPercent } from './review-layout'
import { useSettings } from './settings-store'

let t: FakeTransport
const settings = { theme: 'system', reviewListPercent: 65 } as AppSettings

beforeEach(() => {
  t = createFakeTransport()
  setTransport(t)
  useSettings.setState({ settings, saving: false, saveError: null })
})

describe('review split', () => {
  it('keeps the split between its bounds, on whole percents', () => {
    expect(clampPercent(3)).toBe(15)
    expect(clampPercent(99.5)).toBe(85)
    expect(clampPercent(42.4)).toBe(42)
    expect(clampPercent(Number.NaN)).toBe(65)
  })

  it('stores the split without touching the Settings form state', async () => {
    t.answer('settings.update', (input) => ({ ...settings, ...input }) as AppSettings)
    await saveListPercent(120)
    expect(t.callsOf('settings.update')).toEqual([{ reviewListPercent: 85 }])
    expect(useSettings.getState().settings?.reviewListPercent).toBe(85)
    expect(useSettings.getState().saving).toBe(false)
  })

  it('keeps the stored settings and says nothing when storing fails', async () => {
    t.answer('settings.update', () => {
      throw new FakeFailure('internal', 'disk full')
    })
    await saveListPercent(30)
    expect(useSettings.getState().settings).toBe(settings)
    expect(useSettings.getState().saveError).toBeNull()
  })
})
