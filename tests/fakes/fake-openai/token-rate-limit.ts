// A tokens-per-minute limit as OpenAI enforces it on embeddings: each request's input tokens
// (counted with cl100k_base, the embedding models' tokenizer, as OpenAI counts them) are held
// for a sliding window (60 s; shorter in tests); a request that would take the window over
// the limit is refused with 429 and told how long until enough tokens have left it. Every
// answer carries the x-ratelimit-*-tokens headers
// (https://platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers).
import { countTokens } from 'gpt-tokenizer/encoding/cl100k_base'
import { openAIDuration, requestTooLarge, tokensRateLimited, type FakeReply } from './openai-errors'

export interface TokenWindowConfig {
  /** Tokens allowed per window; 0 = no limit. */
  limit: number
  windowMs: number
}

export type TokenGate =
  { ok: true; headers: Record<string, string> } | { ok: false; reply: FakeReply }

export interface TokenWindow {
  /** Admits a request of these inputs (charging the window) or answers its 429. */
  admit(model: string, inputs: readonly string[]): TokenGate
  /** Tokens charged in the current window. */
  used(): number
  /** Every admitted request: when and how many tokens, oldest first. */
  admitted(): ReadonlyArray<{ at: number; tokens: number }>
}

/** Input tokens of an embeddings request, as OpenAI bills them. */
export function inputTokens(inputs: readonly string[]): number {
  return inputs.reduce((sum, text) => sum + countTokens(text), 0)
}

export function createTokenWindow(
  config: () => TokenWindowConfig,
  now: () => number = Date.now,
): TokenWindow {
  const charged: Array<{ at: number; tokens: number }> = []
  const history: Array<{ at: number; tokens: number }> = []
  const prune = (t: number, windowMs: number): void => {
    while (charged.length > 0 && charged[0]!.at + windowMs <= t) charged.shift()
  }
  const usedAt = (): number => charged.reduce((s, c) => s + c.tokens, 0)

  return {
    admitted: () => history,
    used: () => {
      prune(now(), config().windowMs)
      return usedAt()
    },
    admit(model, inputs) {
      const { limit, windowMs } = config()
      if (!limit) return { ok: true, headers: {} }
      const t = now()
      prune(t, windowMs)
      const requested = inputTokens(inputs)
      const used = usedAt()
      const headers = (remaining: number): Record<string, string> => ({
        'x-ratelimit-limit-tokens': String(limit),
        'x-ratelimit-remaining-tokens': String(Math.max(0, remaining)),
        // Until the window is empty again: its newest charge leaves last.
        'x-ratelimit-reset-tokens': openAIDuration(
          charged.length ? charged.at(-1)!.at + windowMs - t : 0,
        ),
      })
      if (requested > limit) {
        return { ok: false, reply: requestTooLarge(model, limit, requested, headers(limit - used)) }
      }
      if (used + requested <= limit) {
        charged.push({ at: t, tokens: requested })
        history.push({ at: t, tokens: requested })
        return { ok: true, headers: headers(limit - used - requested) }
      }
      // The wait until the oldest charges have left and this request fits.
      let freed = 0
      let waitMs = 0
      for (const c of charged) {
        freed += c.tokens
        waitMs = c.at + windowMs - t
        if (used - freed + requested <= limit) break
      }
      return {
        ok: false,
        reply: tokensRateLimited(model, { limit, used, requested, waitMs }, headers(limit - used)),
      }
    },
  }
}

/**
 * How much of the limit a client used: the tokens admitted in the whole windows from its first
 * admitted request on, over what those windows allow. No client can exceed 1 (each window holds
 * at most the limit); null when the run spans less than one window.
 */
export function windowUtilisation(
  admitted: ReadonlyArray<{ at: number; tokens: number }>,
  config: TokenWindowConfig,
): number | null {
  if (admitted.length === 0) return null
  const start = admitted[0]!.at
  const windows = Math.floor((admitted.at(-1)!.at - start) / config.windowMs)
  if (windows < 1) return null
  const end = start + windows * config.windowMs
  const tokens = admitted.filter((a) => a.at < end).reduce((s, a) => s + a.tokens, 0)
  return tokens / (windows * config.limit)
}
