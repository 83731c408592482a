// The OpenAI provider: settings (the key goes to the keychain and never comes back), a
// connection test, the account's models, similar approved pairs and reply drafts.
import { z } from 'zod'
import { method, noInput, type NoInput } from './define'
import type { PairLanguage } from './pairs'
import type { OpenAIProblem } from './errors'

/** Models offered before the account's own list is loaded. */
export const SUGGESTED_OPENAI_MODELS = [
  'gpt-4.1-mini',
  'gpt-4.1',
  'gpt-4o-mini',
  'o3-mini',
] as const
export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini'

export interface OpenAISettings {
  /** Whether a key is in the keychain. The key itself, or any part of it, never leaves main. */
  hasKey: boolean
  /** False when no keychain answers (hasKey is then false too; saving a key will fail). */
  keychainAvailable: boolean
  /** The stored default model, or null (then DEFAULT_OPENAI_MODEL is used). */
  model: string | null
  /** The base URL in use: REPLYBASE_OPENAI_BASE_URL if set, else the stored one; null = OpenAI. */
  baseUrl: string | null
  /** The base URL comes from the environment and cannot be changed in Settings. */
  baseUrlFromEnv: boolean
}

/** Why talking to OpenAI failed; as an error code it is `openai_<problem>` (e.g. `openai_bad_key`). */
export type { OpenAIProblem } from './errors'

export type OpenAITestResult =
  { ok: true; model: string | null } | { ok: false; code: OpenAIProblem; message: string }

/** An approved pair similar to a text, best first. */
export interface SimilarPair {
  id: number
  /** Relevance, higher is better (negated FTS5 bm25). */
  score: number
  /** The texts as approved (the reviewer's edit where there is one). */
  clientText: string
  replyText: string
  language: PairLanguage
  subject: string
  sentAt: string
}

/** A similar approved pair beside a pair under review. */
export interface SimilarToPair extends SimilarPair {
  /** Our reply then shared few words with the reply of the pair under review. */
  replyDiffers: boolean
}

/** A synced client message with no reply in its thread yet. */
export interface UnansweredMessage {
  id: number
  accountId: number
  accountEmail: string
  /** `Name <address>` or the bare address. */
  from: string
  subject: string
  sentAt: string
  /** The text as pairs are built from it: quoted history and signature removed. */
  text: string
  language: PairLanguage
}

/** Personal details replaced by placeholders before sending. */
export interface RedactionCounts {
  email: number
  phone: number
  card: number
}

export type DraftFeedback = 'up' | 'down'

export interface DraftUsage {
  promptTokens: number
  completionTokens: number
}

export interface DraftResult {
  /** The stored draft (see ai.drafts, ai.draftFeedback). */
  id: number
  /** Plain text for the reviewer to read and edit; nothing in it is ever acted on. */
  text: string
  model: string
  /** The approved pairs shown to the model as examples (the draft's sources), best first;
   * their texts as stored here, unredacted. */
  examples: SimilarPair[]
  /** What redaction replaced in the texts sent; null when redaction is off. */
  redacted: RedactionCounts | null
  /** The language the reply was asked for (the client message's). */
  language: PairLanguage
  /** Tokens the provider counted; null when it did not say. */
  usage: DraftUsage | null
  /** From the request to the first streamed word, in ms. */
  firstTokenMs: number | null
  feedback: DraftFeedback | null
}

/** A stored draft, as listed under "Recent drafts". */
export interface DraftRecord {
  id: number
  /** Asked for a synced message, a pair in Review, or pasted text. */
  origin: 'message' | 'pair' | 'text'
  messageId: number | null
  pairId: number | null
  clientText: string
  text: string
  model: string
  language: PairLanguage
  usage: DraftUsage | null
  firstTokenMs: number | null
  totalMs: number | null
  feedback: DraftFeedback | null
  createdAt: string
  /** The source pairs that still exist, best first. */
  sourceIds: number[]
}

/** How often a pair was a draft's source and how those drafts were judged. */
export interface PairCitations {
  drafts: number
  up: number
  down: number
}

export const MAX_AI_TEXT = 20_000

const saveInput = z
  .object({
    /** A new key; '' (or omitted) keeps the stored one. */
    apiKey: z.string().trim().max(512).optional(),
    removeKey: z.boolean().optional(),
    /** '' or null goes back to the default model. */
    model: z.string().trim().max(100).nullable().optional(),
    /** http(s) URL of an OpenAI-compatible API (e.g. https://host/v1); '' or null = OpenAI. */
    baseUrl: z.string().trim().max(2048).nullable().optional(),
  })
  .strict()
  .refine((v) => !(v.removeKey && v.apiKey), {
    message: 'either a new key or removeKey, not both',
    path: ['removeKey'],
  })

const textInput = z
  .object({
    text: z.string().trim().min(1).max(MAX_AI_TEXT),
    limit: z.number().int().min(1).max(20).optional(),
  })
  .strict()

const draftInput = z
  .object({
    /** Pasted text, or one of the two ways to name a synced message. */
    text: z.string().trim().min(1).max(MAX_AI_TEXT).optional(),
    messageId: z.number().int().positive().optional(),
    /** Gmail's id of a synced message (what the CLI's --message takes). */
    gmailMessageId: z
      .string()
      .regex(/^[0-9a-zA-Z_-]{1,64}$/)
      .optional(),
    limit: z.number().int().min(1).max(20).optional(),
    /** A pair drafted again from Review: it is not its own source. */
    excludePairId: z.number().int().positive().optional(),
    /** Set to receive ai.draft.sources and ai.draft.delta events while the model writes. */
    streamId: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .optional(),
  })
  .strict()
  .refine(
    (v) => [v.text, v.messageId, v.gmailMessageId].filter((x) => x !== undefined).length === 1,
    { message: 'exactly one of text, messageId or gmailMessageId', path: ['text'] },
  )

const draftsInput = z.object({ limit: z.number().int().min(1).max(200).optional() }).strict()

const feedbackInput = z
  .object({
    id: z.number().int().positive(),
    /** null takes the verdict back. */
    feedback: z.enum(['up', 'down']).nullable(),
  })
  .strict()

const citationsInput = z.object({ pairId: z.number().int().positive() }).strict()

const unansweredInput = z
  .object({
    accountId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict()

const pairInput = z
  .object({
    pairId: z.number().int().positive(),
    limit: z.number().int().min(1).max(20).optional(),
  })
  .strict()

export type SaveOpenAIInput = z.input<typeof saveInput>

export const aiContract = {
  'ai.getOpenAI': method<NoInput, OpenAISettings>(noInput),
  /** Keychain first: if it fails (keychain_unavailable) nothing else changes. bad_request on
   * a base URL that is not http(s). */
  'ai.saveOpenAI': method<typeof saveInput, OpenAISettings>(saveInput),
  /** Never throws for OpenAI's answers: a failure is a result with a code. */
  'ai.testOpenAI': method<NoInput, OpenAITestResult>(noInput),
  /** Model ids of the account, chat-capable ones first. Errors: openai.<OpenAIProblem>. */
  'ai.listModels': method<NoInput, string[]>(noInput),
  /** Approved pairs ranked by full-text relevance to `text` (local, works offline). Default limit 5. */
  'ai.similar': method<typeof textInput, SimilarPair[]>(textInput),
  /** A reply draft for a client message (pasted text or a synced message), from the default
   * model with similar approved pairs as examples, in the client's language, streamed when a
   * streamId is given, and stored. Default limit 5 examples. Errors: ai_disabled (AI features
   * off), ai_no_sources (no approved pair close enough), not_found (no such message),
   * openai_<OpenAIProblem>. */
  'ai.draft': method<typeof draftInput, DraftResult>(draftInput),
  /** Stored drafts, newest first (default 20). Local. */
  'ai.drafts': method<typeof draftsInput, DraftRecord[]>(draftsInput),
  /** A person's thumbs up or down on a draft. not_found for an unknown draft. */
  'ai.draftFeedback': method<typeof feedbackInput, DraftRecord>(feedbackInput),
  /** How often a pair was cited by drafts, and their thumbs. Local. */
  'ai.pairCitations': method<typeof citationsInput, PairCitations>(citationsInput),
  /** Approved pairs whose client text resembles a pair's (the pair itself left out), each
   * marked where its reply says something different. Local, works offline. not_found for an
   * unknown pair. Default limit 5. */
  'ai.similarToPair': method<typeof pairInput, SimilarToPair[]>(pairInput),
  /** Synced client messages with no reply in their thread, newest first (default 50). Local. */
  'ai.unanswered': method<typeof unansweredInput, UnansweredMessage[]>(unansweredInput),
}
