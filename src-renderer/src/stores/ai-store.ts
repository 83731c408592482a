// The OpenAI provider settings. The key is typed into a password field and sent once with
// saveOpenAI; it is never kept here, and main only ever answers whether a key is stored.
import { create } from 'zustand'
import type { OpenAISettings, OpenAITestResult } from '@contract/ai'
import { call, toFailure, type Failure } from '../api/client'

/** Offered before the account's own list is loaded (the contract's SUGGESTED_OPENAI_MODELS). */
export const SUGGESTED_MODELS = ['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini', 'o3-mini']

export interface OpenAIForm {
  /** A new key; '' keeps the stored one. */
  apiKey: string
  model: string
  baseUrl: string
}

type SaveOutcome = { ok: true; keyChanged: boolean } | { ok: false; error: Failure }

interface AiState {
  openai: OpenAISettings | null
  error: Failure | null
  saving: boolean
  /** Outcome of the last save or remove, for the message under the form. */
  saved: SaveOutcome | null
  testing: boolean
  test: OpenAITestResult | null
  models: string[]
  modelsLoading: boolean
  modelsError: Failure | null
  load(): Promise<void>
  save(form: OpenAIForm): Promise<boolean>
  removeKey(): Promise<boolean>
  testConnection(): Promise<void>
  loadModels(): Promise<void>
}

export const useAi = create<AiState>((set, get) => ({
  openai: null,
  error: null,
  saving: false,
  saved: null,
  testing: false,
  test: null,
  models: SUGGESTED_MODELS,
  modelsLoading: false,
  modelsError: null,
  async load() {
    try {
      set({ openai: await call('ai.getOpenAI', {}), error: null })
    } catch (e) {
      set({ error: toFailure(e) })
    }
  },
  async save(form) {
    const apiKey = form.apiKey.trim()
    set({ saving: true, saved: null, test: null })
    try {
      const openai = await call('ai.saveOpenAI', {
        ...(apiKey ? { apiKey } : {}),
        model: form.model.trim() || null,
        // Set from the environment: not ours to change.
        ...(get().openai?.baseUrlFromEnv ? {} : { baseUrl: form.baseUrl.trim() || null }),
      })
      set({ openai, saving: false, saved: { ok: true, keyChanged: apiKey !== '' } })
      return true
    } catch (e) {
      set({ saving: false, saved: { ok: false, error: toFailure(e) } })
      return false
    }
  },
  async removeKey() {
    set({ saving: true, saved: null, test: null })
    try {
      const openai = await call('ai.saveOpenAI', { removeKey: true })
      set({ openai, saving: false, saved: { ok: true, keyChanged: true } })
      return true
    } catch (e) {
      set({ saving: false, saved: { ok: false, error: toFailure(e) } })
      return false
    }
  },
  async testConnection() {
    // A new test result replaces what the last save said, never sits beside it.
    set({ testing: true, test: null, saved: null })
    try {
      set({ test: await call('ai.testOpenAI', {}), testing: false })
    } catch (e) {
      const f = toFailure(e)
      set({ testing: false, test: { ok: false, code: 'server_error', message: f.message } })
    }
  },
  async loadModels() {
    set({ modelsLoading: true, modelsError: null })
    try {
      const models = await call('ai.listModels', {})
      set({ models: models.length ? models : SUGGESTED_MODELS, modelsLoading: false })
    } catch (e) {
      set({ modelsLoading: false, modelsError: toFailure(e) })
    }
  },
}))
