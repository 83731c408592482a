// What the export needs to know of each fine-tunable model: the most tokens one training
// example may hold and the training price. OpenAI's fine-tuning guide and pricing page give
// both (65,536 tokens per example for these models; USD per million training tokens).
import type { FineTuneModel } from '@contract/export'

export interface FineTuneModelSpec {
  exampleTokenLimit: number
  trainingUsdPerMillionTokens: number
}

export const FINE_TUNE_SPECS: Record<FineTuneModel, FineTuneModelSpec> = {
  'gpt-4o-mini-2024-07-18': { exampleTokenLimit: 65_536, trainingUsdPerMillionTokens: 3 },
  'gpt-4o-2024-08-06': { exampleTokenLimit: 65_536, trainingUsdPerMillionTokens: 25 },
  'gpt-4.1-2025-04-14': { exampleTokenLimit: 65_536, trainingUsdPerMillionTokens: 25 },
  'gpt-4.1-mini-2025-04-14': { exampleTokenLimit: 65_536, trainingUsdPerMillionTokens: 5 },
  'gpt-4.1-nano-2025-04-14': { exampleTokenLimit: 65_536, trainingUsdPerMillionTokens: 1.5 },
}

/** OpenAI refuses a training file with fewer examples. */
export const MIN_TRAINING_EXAMPLES = 10

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface TokenCounter {
  /** Tokens of one chat example as the model sees it, the chat format's own tokens included. */
  chat(messages: ChatMessage[]): number
  /** Tokens of plain text (CSV and JSONL records are counted this way). */
  text(text: string): number
}

let counter: Promise<TokenCounter> | null = null
/** The tokenizer remembers this many word pieces. Its default (100,000) holds ~40 MB on a large
 * export for little speed: mail repeats its common words, which a smaller cache keeps. */
const MERGE_CACHE_ENTRIES = 10_000

/** gpt-tokenizer's o200k_base, the encoding of every model above. Loaded on first use: its
 * tables take ~70 MB, which a command that exports nothing should not pay for. */
export function loadTokenCounter(): Promise<TokenCounter> {
  counter ??= import('gpt-tokenizer/model/gpt-4o').then(({ countTokens, setMergeCacheSize }) => {
    setMergeCacheSize(MERGE_CACHE_ENTRIES)
    return {
      chat: (messages) => countTokens(messages),
      text: (text) => countTokens(text),
    }
  })
  return counter
}

export function costPerEpochUsd(model: FineTuneModel, trainingTokens: number): number {
  const usd = (trainingTokens / 1_000_000) * FINE_TUNE_SPECS[model].trainingUsdPerMillionTokens
  return Math.round(usd * 100) / 100
}
