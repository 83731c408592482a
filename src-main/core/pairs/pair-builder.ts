// Turns one thread into (client turn -> our reply) training pair candidates. Pure: the caller
// loads the thread's messages with their cleaned texts; nothing here touches the database.
//
// The rules, in sent order:
// - a client turn is one or more consecutive incoming messages not yet answered;
// - the first outgoing message after a client turn is its reply: one pair per (turn, reply);
// - the pair's client message is the latest message of the turn and its client text joins the
//   cleaned texts of the turn's messages in order, separated by a blank line;
// - our messages with no client turn before them make no pair; an unanswered turn makes none;
// - machine mail (skip-rules.ts) is left out of turns and replies and counted by reason; a pair
//   with a message that could not be parsed is skipped as parse_failed, one whose client or
//   reply text is empty after cleaning as empty_text.
import type { PairLanguage } from '../cleaning/detect-language'
import type { Direction } from './direction'
import type { MachineReason, SkipReason } from './skip-rules'

export interface ThreadMessage {
  /** messages.id */
  id: number
  externalId: string
  direction: Direction
  /** ISO 8601; the order of the thread. */
  sentAt: string
  skip: MachineReason | 'parse_failed' | null
  /** The message's own words: cleaned (quotes, signatures removed). */
  text: string
}

export interface PairCandidate {
  clientMessageId: number
  replyMessageId: number
  clientTurnIds: number[]
  clientText: string
  replyText: string
  language: PairLanguage
}

export type SkipCounts = Partial<Record<SkipReason, number>>

export interface ThreadPairs {
  pairs: PairCandidate[]
  skipped: SkipCounts
}

/** Gmail ids are hex numbers that grow with time: longer is later, then lexical order. */
function compareExternalIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

export function sentOrder(a: ThreadMessage, b: ThreadMessage): number {
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? -1 : 1
  return compareExternalIds(a.externalId, b.externalId) || a.id - b.id
}

const joinTexts = (msgs: readonly ThreadMessage[]): string =>
  msgs
    .map((m) => m.text.trim())
    .filter((t) => t.length > 0)
    .join('\n\n')

export function buildThreadPairs(
  messages: readonly ThreadMessage[],
  detect: (text: string) => PairLanguage,
): ThreadPairs {
  const ordered = [...messages].sort(sentOrder)
  const pairs: PairCandidate[] = []
  const skipped: SkipCounts = {}
  const count = (reason: SkipReason): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1
  }
  let threadLanguage: PairLanguage | undefined
  const languageOfThread = (): PairLanguage =>
    (threadLanguage ??= detect(joinTexts(ordered.filter((m) => m.skip === null))))

  let turn: ThreadMessage[] = []
  for (const m of ordered) {
    if (m.skip !== null && m.skip !== 'parse_failed') {
      count(m.skip)
      continue
    }
    if (m.direction === 'incoming') {
      turn.push(m)
      continue
    }
    // Outgoing: the reply to the open turn, if there is one.
    if (turn.length === 0) continue
    const current = turn
    turn = []
    if (m.skip === 'parse_failed' || current.some((t) => t.skip === 'parse_failed')) {
      count('parse_failed')
      continue
    }
    const clientText = joinTexts(current)
    const replyText = m.text.trim()
    if (!clientText || !replyText) {
      count('empty_text')
      continue
    }
    let language = detect(clientText)
    if (language === 'unknown') language = languageOfThread()
    pairs.push({
      clientMessageId: current[current.length - 1]!.id,
      replyMessageId: m.id,
      clientTurnIds: current.map((t) => t.id),
      clientText,
      replyText,
      language,
    })
  }
  return { pairs, skipped }
}

/** Adds b's counts into a. */
export function addSkips(a: SkipCounts, b: SkipCounts): SkipCounts {
  for (const [k, v] of Object.entries(b) as Array<[SkipReason, number]>) a[k] = (a[k] ?? 0) + v
  return a
}
