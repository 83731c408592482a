// Deterministic generator of realistic support mailboxes (English and Russian, many mail
// clients and charsets) with ground truth for decoding, quote stripping and pairing tests.

import { createRng, type Rng } from './prng'
import { makePerson, makeSlots, PACKS, fill, type Lang } from './mailbox/content'
import { newsletter, spam } from './mailbox/special'
import { conversation, special } from './mailbox/thread'
import { DAY, type ThreadCtx } from './mailbox/thread-parts'
import type { ExpectedPair, GeneratedMessage, MessageTruth } from './mailbox/truth'

export type { ExpectedPair, GeneratedMessage, MessageKind, MessageTruth } from './mailbox/truth'

export interface GenerateOptions {
  seed: number
  /** Exact number of messages to produce. */
  messages: number
  ownAddress: string
  aliases?: string[]
  /** Spread over this many days before `now` (default 180). */
  days?: number
  /** End of the period in ms; default the start of the current UTC day (stable within a day). */
  now?: number
  /** Company name used in text; default from the ownAddress domain. */
  company?: string
}

function companyFrom(address: string): string {
  const host = address.split('@')[1] ?? 'example.com'
  const name = host.split('.')[0] ?? 'Acme'
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** Gmail thread ids look like message ids: time-ordered hex. */
function newThreadId(rng: Rng, t: number, taken: Set<string>): string {
  let id: string
  do id = (BigInt(t) * 1048576n + BigInt(rng.int(0, 0xfffff))).toString(16)
  while (taken.has(id))
  taken.add(id)
  return id
}

export function generateMailbox(opts: GenerateOptions): GeneratedMessage[] {
  const rng = createRng(opts.seed)
  const now = opts.now ?? Math.floor(Date.now() / DAY) * DAY
  const days = opts.days ?? 180
  const company = opts.company ?? companyFrom(opts.ownAddress)
  const own = opts.ownAddress
  const senders = [own, ...(opts.aliases ?? [])]
  const out: GeneratedMessage[] = []
  const threadIds = new Set<string>()
  while (out.length < opts.messages) {
    const lang: Lang = rng.chance(0.5) ? 'en' : 'ru'
    const client = makePerson(rng, lang)
    const other = makePerson(rng, lang)
    const start = now - rng.int(3_600_000, days * DAY)
    const from = rng.chance(0.6) ? own : rng.pick(senders)
    const agentName = lang === 'ru' ? `Поддержка ${company}` : `${company} Support`
    const ctx: ThreadCtx = {
      rng,
      lang,
      client,
      other,
      company,
      out,
      now,
      count: 0,
      us: { name: agentName, email: from, domain: from.split('@')[1] ?? 'example.com', tz: 180 },
      slots: makeSlots(rng, lang, start, company, client, other),
      threadId: newThreadId(rng, start, threadIds),
      refs: [],
      turn: [],
      t: start,
      baseSubject: '',
    }
    const r = rng.next()
    if (r < 0.06) {
      const lines = rng.pick(PACKS[lang].newsletter).map((l) => fill(l, ctx.slots))
      const s = newsletter({
        rng,
        lang,
        date: start,
        to: own,
        vendor: ctx.slots['vendor'] ?? 'News',
        lines,
      })
      special(
        ctx,
        s,
        'newsletter',
        ['INBOX', rng.chance(0.7) ? 'CATEGORY_PROMOTIONS' : 'CATEGORY_UPDATES'],
        `news@${(ctx.slots['vendor'] ?? 'news').toLowerCase()}.example`,
      )
    } else if (r < 0.07) {
      special(
        ctx,
        spam({ rng, lang, date: start, to: own, lines: rng.pick(PACKS[lang].spam) }),
        'spam',
        ['SPAM'],
        'spam',
      )
    } else {
      if (r > 0.995) ctx.trashed = true
      conversation(ctx, opts.messages)
    }
    if (out.length > opts.messages) out.length = opts.messages
  }
  return out.sort((a, b) => a.internalDate - b.internalDate)
}

/** (client turn -> our reply) pairs implied by the truth; unanswered turns have none. */
export function expectedPairs(messages: GeneratedMessage[]): ExpectedPair[] {
  const byKey = new Map(messages.map((m) => [m.truth.key, m.truth]))
  const pairs: ExpectedPair[] = []
  for (const m of messages) {
    const t = m.truth
    if (t.kind !== 'ours' || !t.answers?.length) continue
    const client = t.answers
      .map((k) => byKey.get(k))
      .filter((x): x is MessageTruth => x !== undefined)
    if (client.length !== t.answers.length) continue
    pairs.push({
      threadKey: t.threadKey,
      clientKeys: t.answers,
      replyKey: t.key,
      clientText: client.map((c) => c.cleanText).join('\n\n'),
      replyText: t.cleanText,
      language: t.language,
    })
  }
  return pairs
}
