import { beforeEach, describe, expect, it } from 'vitest'
import type { OpenAISettings } from '@contract'
import { setTransport } from '../api/client'
import { createFakeTransport, FakeFailure, type FakeTransport } from '../test/fake-transport'
import { SUGGESTED_MODELS, useAi } from './ai-store'

const initial = useAi.getState()
let t: FakeTransport
let stored: OpenAISettings
const KEY = 'sk-test-0123456789abcdefghij'

beforeEach(() => {
  t = createFakeTransport()
  setTransport(t)
  stored = {
    hasKey: false,
    keychainAvailable: true,
    model: null,
    baseUrl: null,
    baseUrlFromEnv: false,
  }
  t.answer('ai.getOpenAI', () => stored)
  t.answer('ai.saveOpenAI', (input) => {
    if (input.apiKey) stored = { ...stored, hasKey: true }
    if (input.removeKey) stored = { ...stored, hasKey: false }
    if (input.model !== undefined) stored = { ...stored, model: input.model }
    if (input.baseUrl !== undefined) stored = { ...stored, baseUrl: input.baseUrl }
    return stored
  })
  useAi.setState(initial, true)
})

const state = () => useAi.getState()

describe('AI settings store', () => {
  it('sends a new key once and never keeps it', async () => {
    await state().load()
    expect(await state().save({ apiKey: ` ${KEY} `, model: 'gpt-4.1', baseUrl: '' })).toBe(true)
    expect(t.callsOf('ai.saveOpenAI')).toEqual([{ apiKey: KEY, model: 'gpt-4.1', baseUrl: null }])
    expect(state().saved).toEqual({ ok: true, keyChanged: true })
    expect(state().openai?.hasKey).toBe(true)
    expect(JSON.stringify(state())).not.toContain(KEY)
  })

  it('keeps the stored key when the field is empty, and leaves an env base URL alone', async () => {
    stored = { ...stored, hasKey: true, baseUrlFromEnv: true, baseUrl: 'http://127.0.0.1:9/v1' }
    await state().load()
    await state().save({ apiKey: '', model: 'o3-mini', baseUrl: 'http://changed' })
    expect(t.callsOf('ai.saveOpenAI').at(-1)).toEqual({ model: 'o3-mini' })
    expect(state().saved).toEqual({ ok: true, keyChanged: false })
  })

  it('removes the key, and reports a keychain failure', async () => {
    stored = { ...stored, hasKey: true }
    await state().load()
    expect(await state().removeKey()).toBe(true)
    expect(t.callsOf('ai.saveOpenAI').at(-1)).toEqual({ removeKey: true })
    expect(state().openai?.hasKey).toBe(false)
    t.answer('ai.saveOpenAI', () => {
      throw new FakeFailure('keychain_unavailable', 'no keychain')
    })
    expect(await state().save({ apiKey: KEY, model: '', baseUrl: '' })).toBe(false)
    expect(state().saved).toEqual({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'no keychain' },
    })
  })

  it('tests the connection and loads the models of the account', async () => {
    t.answer('ai.testOpenAI', { ok: false, code: 'bad_key', message: '401' })
    await state().testConnection()
    expect(state().test).toEqual({ ok: false, code: 'bad_key', message: '401' })
    expect(state().models).toEqual(SUGGESTED_MODELS)
    t.answer('ai.listModels', ['gpt-4.1', 'o3-mini'])
    await state().loadModels()
    expect(state().models).toEqual(['gpt-4.1', 'o3-mini'])
    t.answer('ai.listModels', () => {
      throw new FakeFailure('openai_offline', 'no network')
    })
    await state().loadModels()
    expect(state().modelsError).toEqual({ code: 'openai_offline', message: 'no network' })
    expect(state().models).toEqual(['gpt-4.1', 'o3-mini'])
  })
})
