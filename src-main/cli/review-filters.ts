// The review list's filters as command-line options, shared by `export` and the bulk
// `pairs approve|reject|reset`: the same names mean the same pairs everywhere.
import { PAIR_LANGUAGE, PAIR_STATUSES, type PairLanguage } from '@contract/pairs'
import { localDayBounds } from '@contract/local-days'
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

/**
 * --since and --until → the API's bounds. A day (YYYY-MM-DD) is this machine's local day, as in
 * the app, both days included; an ISO 8601 instant passes as it is (the API checks it).
 */
export function dayRange(
  since: string | undefined,
  until: string | undefined,
): { from?: string; to?: string } {
  const bound = (value: string, option: string, edge: 'start' | 'end'): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
    const day = localDayBounds(value)
    if (!day) throw new CliUsageError(`${option} ${value} is not a calendar day.`)
    return day[edge]
  }
  const out: { from?: string; to?: string } = {}
  if (since !== undefined) out.from = bound(since, '--since', 'start')
  if (until !== undefined) out.to = bound(until, '--until', 'end')
  return out
}

/** Option values → the API's filter fields (instants and words are checked by the API). */
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
  Object.assign(out, dayRange(v.since, v.until))
  if (v.search !== undefined) out.q = v.search
  return out
}
