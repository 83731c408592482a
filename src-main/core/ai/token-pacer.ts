// Keeps the embedding job under the provider's tokens-per-minute limit instead of running into
// it (https://platform.openai.com/docs/guides/rate-limits). The tokens of each admitted request
// are kept for the limit's window (a minute) from the moment its answer came, which is never
// before the provider charged them; a request is sent once its tokens fit beside them. The
// limit comes from the answers' x-ratelimit-limit-tokens, and a lower
// x-ratelimit-remaining-tokens than ours (another program using the same key) is counted as
// spent. Before the first answer, and without those headers, nothing is paced: a 429 is
// waited out, and one saying the request is larger than the whole limit makes batches smaller.

export interface RateHeaders {
  get(name: string): string | null
}

/** A request carries at most this share of the limit: the window fills to within it, and a
 * window's requests, sent one after another, take a small part of it. */
const SHARE_PER_REQUEST = 1 / 10

export interface TokenPacer {
  /** The tokens-per-window limit; null when unknown or the provider sends none. */
  limit(): number | null
  /** How many inputs and tokens the next request may carry: a share of the limit, or the
   * window's remaining room when that is smaller but worth a request. */
  budget(): { inputs: number; tokens: number }
  /** Milliseconds until a request of `tokens` fits (0: now; Infinity: never, it is too large). */
  delayFor(tokens: number): number
  /** An admitted request's tokens, with its answer's headers. */
  admitted(tokens: number, headers: RateHeaders | null): void
  /** A refused request's headers: the limit they name. */
  refused(headers: RateHeaders | null): void
  /** Tokens counted in the current window. */
  used(): number
}

export function createTokenPacer(opts: {
  windowMs: number
  /** Inputs per request while no limit is known (the provider's defaults are generous). */
  inputs: number
  /** Inputs per request once the limit is known: its token share is what bounds a batch. */
  maxInputs: number
  /** The most tokens one request may carry whatever the limit (OpenAI: 300,000). */
  maxTokens: number
  now?: () => number
}): TokenPacer {
  const now = opts.now ?? Date.now
  const spent: Array<{ at: number; tokens: number }> = []
  /** undefined: no answer yet; null: the provider names no limit. */
  let limit: number | null | undefined
  const prune = (t: number): void => {
    while (spent.length > 0 && spent[0]!.at + opts.windowMs <= t) spent.shift()
  }
  const used = (): number => {
    prune(now())
    return spent.reduce((s, e) => s + e.tokens, 0)
  }
  const learn = (headers: RateHeaders | null): void => {
    const v = Number(headers?.get('x-ratelimit-limit-tokens') ?? NaN)
    if (Number.isFinite(v) && v > 0) limit = v
    else limit ??= null
  }

  return {
    limit: () => limit ?? null,
    used,
    budget() {
      if (!limit) return { inputs: opts.inputs, tokens: opts.maxTokens }
      const share = Math.max(1, Math.min(opts.maxTokens, Math.floor(limit * SHARE_PER_REQUEST)))
      // What is left of the window goes out now rather than waiting for a whole share.
      const room = limit - used()
      return { inputs: opts.maxInputs, tokens: room >= share / 4 ? Math.min(share, room) : share }
    },
    delayFor(tokens) {
      if (!limit) return 0
      if (tokens > limit) return Infinity
      const t = now()
      const inWindow = used()
      if (inWindow + tokens <= limit) return 0
      let freed = 0
      for (const e of spent) {
        freed += e.tokens
        if (inWindow - freed + tokens <= limit) return Math.max(1, e.at + opts.windowMs - t)
      }
      return opts.windowMs
    },
    admitted(tokens, headers) {
      learn(headers)
      const t = now()
      spent.push({ at: t, tokens })
      const remaining = Number(headers?.get('x-ratelimit-remaining-tokens') ?? NaN)
      if (limit && Number.isFinite(remaining)) {
        const ours = limit - used()
        if (remaining < ours) spent.push({ at: t, tokens: ours - remaining })
      }
    },
    refused(headers) {
      learn(headers)
    },
  }
}
