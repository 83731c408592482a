import { describe, expect, it } from 'vitest'
import type { Dispatch } from './dispatcher'
import { afterCall } from './call-hooks'

describe('afterCall', () => {
  const base: Dispatch = async (method, input) =>
    method === 'bad'
      ? { ok: false, error: { code: 'conflict', message: 'y' } }
      : { ok: true, value: { method, input } }

  it('runs the hook after a successful call of that method only', async () => {
    const seen: unknown[] = []
    const d = afterCall(base, 'settings.update', (input) => seen.push(input))
    await d('settings.update', { launchAtLogin: true })
    await d('settings.get', {})
    expect(seen).toEqual([{ launchAtLogin: true }])
  })

  it('skips failed calls and swallows hook failures', async () => {
    const d = afterCall(base, 'bad', () => {
      throw new Error('never')
    })
    expect(await d('bad', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'y' } })
    const e = afterCall(base, 'ok', () => {
      throw new Error('hook broke')
    })
    expect(await e('ok', {})).toMatchObject({ ok: true })
  })
})
