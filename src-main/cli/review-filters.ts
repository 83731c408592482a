// The review list's filters as command-line options, shared by `export` and the bulk
// `pairs approve|reject|reset`: the same names mean the same pairs everywhere.
import { PAIR_LANGUAGE, PAIR_STATUSES, type PairLanguage } from '@contract/pairs'
import { CliUsageError, resolveAccount } from './arguments'
import type { CliContext } from './cli-types'

export const FILTER_OPTIONS = {
  status: { type: 'string' },
  account: { type: 'string' },
  language: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  search: { type: 'string' },
} as const

export const FILTER_USAGE =
  '[--status new|approved|rejected|all] [--account <id|email>] [--language en|ru|other|unknown] [--since <date>] [--until <date>] [--search <words>]'

export interface ReviewFilterValues {
  status?: string
  account?: string
  language?: string
  since?: string
  until?: string
  search?: string
}

export interface ReviewFilter {
  status?: (typeof PAIR_STATUSES)[number] | 'all'
  accountId?: number
  language?: PairLanguage
  from?: string
  to?: string
  q?: string
}

export function hasFilter(v: ReviewFilterValues): boolean {
  return Object.keys(FILTER_OPTIONS).some((k) => v[k as keyof ReviewFilterValues] !== undefined)
}

/** Option values → the API's filter fields (dates and words are checked by the API). */
export async function reviewFilter(cli: CliContext, v: ReviewFilterValues): Promise<ReviewFilter> {
  const out: ReviewFilter = {}
  if (v.status !== undefined) {
    if (v.status !== 'all' && !(PAIR_STATUSES as readonly string[]).includes(v.status)) {
      throw new CliUsageError(`--status must be one of ${PAIR_STATUSES.join(', ')}, all.`)
    }
    out.status = v.status as ReviewFilter['status']
  }
  if (v.language !== undefined) {
    if (!PAIR_LANGUAGE.test(v.language)) {
      throw new CliUsageError(
        '--language takes a two-letter ISO 639-1 code (en, ru, de, …), other or unknown.',
      )
    }
    out.language = v.language as PairLanguage
  }
  if (v.account !== undefined) out.accountId = (await resolveAccount(cli, v.account)).id
  if (v.since !== undefined) out.from = v.since
  if (v.until !== undefined) out.to = v.until
  if (v.search !== undefined) out.q = v.search
  return out
}
