// The OpenAI provider as the app and the CLI use it: settings (key in the keychain, model and
// base URL in ai_providers), a connection test, the account's models, similar approved pairs
// and reply drafts. No result of this service ever contains the key.
import type OpenAI from 'openai'
import {
  DEFAULT_OPENAI_MODEL,
  SUGGESTED_OPENAI_MODELS,
  type OpenAISettings,
  type OpenAITestResult,
  type SaveOpenAIInput,
  type SimilarPair,
  type SimilarToPair,
  type UnansweredMessage,
} from '@contract/ai'
import type { DbHandle } from '../../db/connection'
import { AppError, isAppError } from '@contract/errors'
import { createLogger } from '../logging/logger'
import type { SecretStore } from '../secrets/secret-store'
import { classifyOpenAIError, createOpenAIClient, openAIAppError } from './openai-client'
import { envBaseUrl, normalizeBaseUrl, openAITimeoutMs } from './provider-settings'
import { readProviderSettings, writeProviderSettings } from '../../db/queries/ai-providers'
import { findSimilarApproved } from './similar-pairs'
import { providerOrigin, readBoundKey, writeBoundKey } from './openai-key'
import { providerUrlProblem } from '../security/provider-url'
import { getPairRow } from '../../db/queries/pairs-review'
import { repliesDiffer } from './reply-consistency'
import { findUnanswered } from './unanswered'

const log = createLogger('ai')

const DEFAULT_EXAMPLES = 5

export interface OpenAIConnection {
  api: OpenAI
  custom: boolean
  model: string
}

export interface AiService {
  /** The SDK client with the stored key for the configured base URL, or null without a key. */
  connect(opts?: { timeoutMs?: number; maxRetries?: number }): Promise<OpenAIConnection | null>
  getOpenAI(): Promise<OpenAISettings>
  saveOpenAI(input: SaveOpenAIInput): Promise<OpenAISettings>
  testOpenAI(): Promise<OpenAITestResult>
  listModels(): Promise<string[]>
  similar(text: string, limit?: number): SimilarPair[]
  similarToPair(pairId: number, limit?: number): SimilarToPair[]
  unanswered(opts: { accountId?: number; limit?: number }): UnansweredMessage[]
}

/** Chat-capable model ids: the GPT and o-series families, minus audio, image, embedding,
 * moderation and realtime variants. */
export function isChatModel(id: string): boolean {
  return (
    /^(gpt-|o\d|chatgpt-)/.test(id) &&
    !/(embedding|tts|whisper|dall-e|audio|realtime|transcribe|image|moderation|search|instruct)/.test(
      id,
    )
  )
}

/** Chat models first (the suggested ones in their order, then by name), then the rest. */
export function sortModels(ids: string[]): string[] {
  const suggested: readonly string[] = SUGGESTED_OPENAI_MODELS
  const rank = (id: string): number => {
    const s = suggested.indexOf(id)
    if (s >= 0) return s
    return isChatModel(id) ? suggested.length : suggested.length + 1
  }
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

export function createAiService(deps: {
  dbh: DbHandle
  secrets: SecretStore
  env: NodeJS.ProcessEnv
}): AiService {
  const { dbh, secrets, env } = deps
  const timeoutMs = (): number => openAITimeoutMs(env)

  function effective(): { model: string; baseUrl: string | null; fromEnv: boolean } {
    const stored = readProviderSettings(dbh)
    const fromEnv = envBaseUrl(env)
    return {
      model: stored.model ?? DEFAULT_OPENAI_MODEL,
      baseUrl: fromEnv ?? stored.baseUrl,
      fromEnv: fromEnv !== null,
    }
  }

  async function getOpenAI(): Promise<OpenAISettings> {
    const stored = readProviderSettings(dbh)
    const e = effective()
    let hasKey = false
    let keychainAvailable = true
    try {
      const bound = await readBoundKey(secrets)
      hasKey = bound !== null && bound.origin === providerOrigin(e.baseUrl)
    } catch (err) {
      if (!isAppError(err) || err.code !== 'keychain_unavailable') throw err
      keychainAvailable = false
    }
    return {
      hasKey,
      keychainAvailable,
      model: stored.model,
      baseUrl: e.baseUrl,
      baseUrlFromEnv: e.fromEnv,
    }
  }

  /** A client with the stored key, or a `no_key` failure. */
  async function client(
    opts: { timeoutMs?: number; maxRetries?: number } = {},
  ): Promise<OpenAIConnection | null> {
    const bound = await readBoundKey(secrets)
    const e = effective()
    // A key is sent only to the origin it was entered for.
    if (!bound || bound.origin !== providerOrigin(e.baseUrl)) return null
    const problem = e.baseUrl ? providerUrlProblem(new URL(e.baseUrl)) : null
    if (problem) throw new AppError('bad_request', problem)
    return {
      api: await createOpenAIClient({
        apiKey: bound.key,
        baseUrl: e.baseUrl,
        timeoutMs: opts.timeoutMs ?? timeoutMs(),
        maxRetries: opts.maxRetries ?? 0,
      }),
      custom: e.baseUrl !== null,
      model: e.model,
    }
  }

  const noKey = (): AppError =>
    new AppError(
      'openai_no_key',
      'No OpenAI API key is stored for this base URL. Add one in AI settings.',
    )

  async function fetchModelIds(api: OpenAI): Promise<string[]> {
    const ids: string[] = []
    for await (const m of api.models.list()) ids.push(m.id)
    return ids
  }

  return {
    getOpenAI,
    connect: client,

    async saveOpenAI(input) {
      // Validate everything before the first change.
      const baseUrl = input.baseUrl === undefined ? undefined : normalizeBaseUrl(input.baseUrl)
      const model = input.model === undefined ? undefined : input.model?.trim() || null
      if (model && !/^[\w.:/-]{1,100}$/.test(model)) {
        throw new AppError('bad_request', 'A model id is letters, digits and . : / - _ only.')
      }
      const apiKey = input.apiKey?.trim()
      if (apiKey && apiKey.length > 512) {
        throw new AppError('bad_request', 'This API key is too long (512 characters at most).')
      }
      if (apiKey && /\s/.test(apiKey)) {
        throw new AppError('bad_request', 'An API key has no spaces or line breaks in it.')
      }
      const before = effective()
      const nextOrigin = providerOrigin(
        baseUrl === undefined || before.fromEnv ? before.baseUrl : baseUrl,
      )
      // The keychain first: if it fails, nothing else changes. A key stays bound to the origin
      // it was entered for: a new origin without a new key drops the old one.
      let keyChange = 'kept'
      if (input.removeKey) {
        await secrets.delete('openai-api-key')
        keyChange = 'removed'
      } else if (apiKey) {
        await writeBoundKey(secrets, { key: apiKey, origin: nextOrigin })
        keyChange = 'replaced'
      } else {
        const bound = await readBoundKey(secrets)
        if (bound && bound.origin !== nextOrigin) {
          await secrets.delete('openai-api-key')
          keyChange = 'removed: the base URL moved to another origin'
        }
      }
      if (baseUrl !== undefined || model !== undefined) {
        writeProviderSettings(dbh, { baseUrl, model })
      }
      log.info(
        {
          key: keyChange,
          model: model !== undefined,
          baseUrl: baseUrl !== undefined,
        },
        'openai settings saved',
      )
      return getOpenAI()
    },

    async testOpenAI() {
      let c: Awaited<ReturnType<typeof client>>
      try {
        c = await client()
      } catch (e) {
        if (isAppError(e)) return { ok: false, code: 'no_key', message: e.message }
        throw e
      }
      if (!c) return { ok: false, code: 'no_key', message: noKey().message }
      try {
        const ids = await fetchModelIds(c.api)
        // Some compatible servers list no models; only a list without ours is a problem.
        if (ids.length > 0 && !ids.includes(c.model)) {
          return {
            ok: false,
            code: 'model_not_found',
            message: `The key works, but the model ${c.model} is not available to it. Choose another model.`,
          }
        }
        return { ok: true, model: c.model }
      } catch (e) {
        const failure = classifyOpenAIError(e, c.custom)
        log.info({ code: failure.code }, 'openai connection test failed')
        return { ok: false, ...failure }
      }
    },

    async listModels() {
      const c = await client()
      if (!c) throw noKey()
      try {
        // Drafts need a chat model: image, audio, embedding and moderation models are not offered.
        return sortModels(await fetchModelIds(c.api)).filter(isChatModel)
      } catch (e) {
        throw openAIAppError(classifyOpenAIError(e, c.custom), e)
      }
    },

    similar(text, limit = DEFAULT_EXAMPLES) {
      return findSimilarApproved(dbh, text, limit)
    },

    unanswered: (opts) => findUnanswered(dbh, opts),

    similarToPair(pairId, limit = DEFAULT_EXAMPLES) {
      const pair = getPairRow(dbh, pairId)
      if (!pair) throw new AppError('not_found', `Pair ${pairId} does not exist.`)
      const client = pair.clientTextEdited ?? pair.clientText
      const reply = pair.replyTextEdited ?? pair.replyText
      return findSimilarApproved(dbh, client, limit + 1)
        .filter((p) => p.id !== pairId)
        .slice(0, limit)
        .map((p) => ({ ...p, replyDiffers: repliesDiffer(reply, p.replyText) }))
    },
  }
}
