// Reply drafts: the closest approved pairs as examples, a prompt pinned to the client's language,
// the model's answer streamed as it is written, and every draft stored with its sources, token
// counts and the person's verdict. Nothing is sent while AI features are off.
import type {
  DraftFeedback,
  DraftRecord,
  DraftResult,
  PairCitations,
  SimilarPair,
} from '@contract/ai'
import type { PairLanguage } from '@contract/pairs'
import { AppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import {
  getDraft,
  insertDraft,
  listDrafts,
  pairCitations,
  setDraftFeedback,
  type DraftRow,
} from '../../db/queries/drafts'
import { createLogger } from '../logging/logger'
import { detectLanguage } from '../cleaning/detect-language'
import { assertAiEnabled, outgoing } from './ai-privacy'
import type { OpenAIConnection } from './ai-service'
import { buildDraftMessages, cleanDraft } from './draft-prompt'
import { classifyOpenAIError, openAIAppError } from './openai-client'
import { clientMessageText } from './unanswered'

const log = createLogger('ai')

const DRAFT_TIMEOUT_MS = 60_000
const DEFAULT_EXAMPLES = 5
const DRAFT_MAX_TOKENS = 1200
/** After the first words, the text so far goes out at most this often. */
const DELTA_INTERVAL_MS = 50

export interface DraftRequest {
  text?: string
  messageId?: number
  gmailMessageId?: string
  limit?: number
  excludePairId?: number
}

/** Called while the model writes; both optional. */
export interface DraftStream {
  onSources?(s: { examples: SimilarPair[]; model: string; language: PairLanguage }): void
  onText?(textSoFar: string): void
}

export interface DraftService {
  draft(req: DraftRequest, stream?: DraftStream): Promise<DraftResult>
  list(limit?: number): DraftRecord[]
  feedback(id: number, feedback: DraftFeedback | null): DraftRecord
  citations(pairId: number): PairCitations
}

const toFeedback = (n: number | null): DraftFeedback | null =>
  n === 1 ? 'up' : n === -1 ? 'down' : null

function toRecord(r: DraftRow): DraftRecord {
  return {
    id: r.id,
    origin: r.origin,
    messageId: r.messageId,
    pairId: r.pairId,
    clientText: r.clientText,
    text: r.text,
    model: r.model,
    language: r.language as PairLanguage,
    usage:
      r.promptTokens === null || r.completionTokens === null
        ? null
        : { promptTokens: r.promptTokens, completionTokens: r.completionTokens },
    firstTokenMs: r.firstTokenMs,
    totalMs: r.totalMs,
    feedback: toFeedback(r.feedback),
    createdAt: r.createdAt,
    sourceIds: r.sourceIds ? r.sourceIds.split(',').map(Number) : [],
  }
}

/** The first call goes out at once, later ones at most every `ms`; flush() sends the last. */
function throttled(fn: ((v: string) => void) | undefined, ms: number) {
  let last = 0
  let pending: string | null = null
  let timer: NodeJS.Timeout | null = null
  const fire = (): void => {
    timer = null
    if (pending === null) return
    last = performance.now()
    const v = pending
    pending = null
    fn?.(v)
  }
  return {
    push(v: string): void {
      if (!fn) return
      pending = v
      if (timer) return
      const wait = last === 0 ? 0 : ms - (performance.now() - last)
      if (wait <= 0) fire()
      else timer = setTimeout(fire, wait)
    },
    flush(): void {
      if (timer) clearTimeout(timer)
      fire()
    },
  }
}

export function createDraftService(deps: {
  dbh: DbHandle
  connect(opts: { timeoutMs: number; maxRetries: number }): Promise<OpenAIConnection | null>
  /** The approved pairs a draft draws on, best first. */
  retrieve(text: string, k: number): Promise<SimilarPair[]>
  timeoutMs(): number
}): DraftService {
  const { dbh } = deps

  function resolveClient(req: DraftRequest): {
    text: string
    origin: DraftRecord['origin']
    messageId: number | null
  } {
    if (req.text !== undefined) {
      return { text: req.text, origin: req.excludePairId ? 'pair' : 'text', messageId: null }
    }
    const found = clientMessageText(dbh, {
      id: req.messageId,
      externalId: req.gmailMessageId,
    })
    if (!found) {
      throw new AppError(
        'not_found',
        `Message ${req.gmailMessageId ?? req.messageId} is not in the knowledge base. Sync the account first.`,
      )
    }
    if (!found.text) throw new AppError('bad_request', 'This message has no text to answer.')
    return { text: found.text, origin: 'message', messageId: found.id }
  }

  return {
    async draft(req, stream = {}) {
      const started = performance.now()
      // Nothing leaves the machine while AI features are off, not even a request with the key.
      assertAiEnabled(dbh)
      const client = resolveClient(req)
      const limit = req.limit ?? DEFAULT_EXAMPLES
      const examples = (await deps.retrieve(client.text, limit + 1))
        .filter((p) => p.id !== req.excludePairId)
        .slice(0, limit)
      // A draft from no approved example would be the model's guess, not the team's answer.
      if (examples.length === 0) {
        throw new AppError(
          'ai_no_sources',
          'No approved reply is close enough to this message to draft from. Approve similar replies first.',
        )
      }
      const c = await deps.connect({
        timeoutMs: Math.max(deps.timeoutMs(), DRAFT_TIMEOUT_MS),
        maxRetries: 1,
      })
      if (!c) {
        throw new AppError(
          'openai_no_key',
          'No OpenAI API key is stored for this base URL. Add one in AI settings.',
        )
      }
      const language = detectLanguage(client.text)
      stream.onSources?.({ examples, model: c.model, language })
      const out = outgoing(dbh)
      const sentExamples = examples.map((x) => ({
        ...x,
        clientText: out.prepare(x.clientText),
        replyText: out.prepare(x.replyText),
      }))
      const messages = buildDraftMessages(out.prepare(client.text), sentExamples, language)

      const deltas = throttled(stream.onText, DELTA_INTERVAL_MS)
      let content = ''
      let firstTokenMs: number | null = null
      let usage: DraftResult['usage'] = null
      try {
        const chunks = await c.api.chat.completions.create({
          model: c.model,
          messages,
          max_completion_tokens: DRAFT_MAX_TOKENS,
          stream: true,
          stream_options: { include_usage: true },
        })
        for await (const chunk of chunks) {
          const piece = chunk.choices[0]?.delta?.content
          if (piece) {
            firstTokenMs ??= Math.round(performance.now() - started)
            content += piece
            deltas.push(content.trimStart())
          }
          if (chunk.usage) {
            usage = {
              promptTokens: chunk.usage.prompt_tokens,
              completionTokens: chunk.usage.completion_tokens,
            }
          }
        }
      } catch (e) {
        throw openAIAppError(classifyOpenAIError(e, c.custom), e)
      } finally {
        deltas.flush()
      }
      const text = cleanDraft(content)
      if (!text) {
        throw new AppError('openai_server_error', 'The model returned an empty draft. Try again.')
      }
      const totalMs = Math.round(performance.now() - started)
      const id = insertDraft(dbh, {
        origin: client.origin,
        messageId: client.messageId,
        pairId: req.excludePairId ?? null,
        clientText: client.text,
        text,
        language,
        model: c.model,
        promptTokens: usage?.promptTokens ?? null,
        completionTokens: usage?.completionTokens ?? null,
        firstTokenMs,
        totalMs,
        sources: examples.map((x) => x.id),
      })
      log.info(
        { draft: id, examples: examples.length, redacted: out.counts(), firstTokenMs, totalMs },
        'draft written',
      )
      return {
        id,
        text,
        model: c.model,
        examples,
        redacted: out.counts(),
        language,
        usage,
        firstTokenMs,
        feedback: null,
      }
    },

    list: (limit = 20) => listDrafts(dbh, limit).map(toRecord),

    feedback(id, feedback) {
      if (!setDraftFeedback(dbh, id, feedback === 'up' ? 1 : feedback === 'down' ? -1 : null)) {
        throw new AppError('not_found', `Draft ${id} does not exist.`)
      }
      return toRecord(getDraft(dbh, id)!)
    },

    citations: (pairId) => pairCitations(dbh, pairId),
  }
}
