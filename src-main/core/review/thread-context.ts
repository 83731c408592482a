// What came before a pair in its thread, for the reviewer: the earlier messages, each cleaned
// from its stored body by the same rules as the pair texts (quotes, signatures, footers out).
import type { PairThreadContext } from '@contract/pair-thread'
import { PAIR_THREAD_MAX } from '@contract/pair-thread'
import { AppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import { getMessageRefs, getPairRow } from '../../db/queries/pairs-review'
import { countEarlierMessages, earlierMessages } from '../../db/queries/pairs-thread'
import { cleanReplyText } from '../cleaning/clean-text'
import { cleaningSource } from '../mail/cleaning-source'
import { searchMatcher } from './search-marks'

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return null
  }
}

/** With `q`, each message marks the words that search matched, as the pair's own texts do. */
export function pairThreadContext(
  dbh: DbHandle,
  pairId: number,
  { max = PAIR_THREAD_MAX, q }: { max?: number; q?: string } = {},
): PairThreadContext {
  const pair = getPairRow(dbh, pairId)
  if (!pair) throw new AppError('not_found', `No pair with id ${pairId}.`)
  const turn = parseJson(pair.clientTurnIds)
  const first = Array.isArray(turn) && Number.isInteger(turn[0]) ? (turn[0] as number) : null
  // The turn's own messages are the pair's client text already: context starts before them.
  const [start] = getMessageRefs(dbh, [first ?? pair.clientMessageId])
  if (!start) return { pairId, messages: [], omitted: 0 }
  const point = {
    accountId: pair.accountId,
    threadId: pair.threadId,
    sentAt: start.sentAt,
    externalId: start.externalId,
    id: start.id,
  }
  const rows = earlierMessages(dbh, point, max)
  const matcher = q ? searchMatcher(q) : null
  const total = rows.length < max ? rows.length : countEarlierMessages(dbh, point)
  return {
    pairId,
    messages: rows.map((r) => {
      const headers = parseJson(r.headers)
      const source = cleaningSource(
        headers && typeof headers === 'object' ? (headers as Record<string, string>) : {},
        r.bodyText,
        r.bodyHtml,
      )
      const text = cleanReplyText(source).text
      return {
        id: r.id,
        direction: r.direction,
        fromName: r.fromName,
        fromAddress: r.fromAddress,
        sentAt: r.sentAt,
        text,
        ...(matcher ? { marks: matcher.marks(text) } : {}),
      }
    }),
    omitted: total - rows.length,
  }
}
