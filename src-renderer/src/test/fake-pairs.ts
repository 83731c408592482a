// An in-memory pairs service answering the fake transport like the real one: keyset pages
// (newest first), counts, status writes returning the previous states, edits, restore.
import type { PairCounts, PairDetail, PairListItem, PairStatus } from '@contract'
import type { ErrorCode } from '@contract/errors'
import type { FakeTransport } from './fake-transport'
import { FakeFailure } from './fake-transport'

export interface FakePairs {
  pairs: PairDetail[]
  /** Makes the next write fail with this code. */
  failNextWrite(code: ErrorCode): void
}

export function makePair(id: number, over: Partial<PairDetail> = {}): PairDetail {
  const sentAt = new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString()
  return {
    id,
    accountId: 1,
    accountEmail: 'support@shop.example',
    threadId: `t${id}`,
    subject: `Subject ${id}`,
    status: 'new',
    language: id % 2 ? 'en' : 'ru',
    labels: [],
    clientText: `client text ${id}`,
    replyText: `reply text ${id}`,
    clientTextEdited: null,
    replyTextEdited: null,
    edited: false,
    reviewedAt: null,
    orphaned: false,
    orphanedAt: null,
    createdAt: sentAt,
    updatedAt: sentAt,
    sentAt,
    clientMessageIds: [id * 10],
    replyMessageId: id * 10 + 1,
    clientMessages: [],
    replyMessage: null,
    ...over,
  }
}

function item(p: PairDetail): PairListItem {
  return {
    id: p.id,
    accountId: p.accountId,
    accountEmail: p.accountEmail,
    threadId: p.threadId,
    subject: p.subject,
    clientPreview: p.clientTextEdited ?? p.clientText,
    replyPreview: p.replyTextEdited ?? p.replyText,
    status: p.status,
    language: p.language,
    edited: p.edited,
    orphaned: p.orphaned,
    createdAt: p.createdAt,
    sentAt: p.sentAt,
  }
}

export function installFakePairs(t: FakeTransport, count: number): FakePairs {
  const pairs = Array.from({ length: count }, (_, i) => makePair(count - i))
  let failure: ErrorCode | null = null
  const fail = (): void => {
    if (failure) {
      const code = failure
      failure = null
      throw new FakeFailure(code)
    }
  }
  const byId = (id: number): PairDetail => {
    const p = pairs.find((x) => x.id === id)
    if (!p) throw new FakeFailure('not_found')
    return p
  }
  const matching = (input: { language?: string; q?: string }): PairDetail[] =>
    pairs.filter(
      (p) =>
        (!input.language || p.language === input.language) &&
        (!input.q || `${p.clientText} ${p.replyText}`.includes(input.q)),
    )

  t.answer('pairs.list', (input) => {
    const status = input.status ?? 'new'
    const all = matching(input).filter((p) => status === 'all' || p.status === status)
    const start = input.cursor ? Number(input.cursor) : 0
    const limit = input.limit ?? 200
    const page = all.slice(start, start + limit)
    return {
      items: page.map(item),
      nextCursor: start + limit < all.length ? String(start + limit) : null,
    }
  })
  t.answer('pairs.counts', (input) => {
    const counts: PairCounts = { new: 0, approved: 0, rejected: 0 }
    for (const p of matching(input)) counts[p.status] += 1
    return counts
  })
  t.answer('pairs.get', ({ id }) => byId(id))
  t.answer('pairs.setStatus', ({ ids, status }) => {
    fail()
    const previous = ids.map((id) => {
      const p = byId(id)
      return { id, status: p.status, reviewedAt: p.reviewedAt }
    })
    let updated = 0
    for (const id of ids) {
      const p = byId(id)
      if (p.status !== status) updated++
      p.status = status as PairStatus
      p.reviewedAt = status === 'new' ? null : '2026-02-01T00:00:00.000Z'
    }
    return { updated, previous }
  })
  t.answer('pairs.edit', ({ id, clientText, replyText, approve }) => {
    fail()
    const p = byId(id)
    if (clientText !== undefined) p.clientTextEdited = clientText
    if (replyText !== undefined) p.replyTextEdited = replyText
    p.edited = p.clientTextEdited !== null || p.replyTextEdited !== null
    if (approve) p.status = 'approved'
    return p
  })
  t.answer('pairs.restore', ({ items }) => {
    fail()
    for (const s of items) {
      const p = byId(s.id)
      p.status = s.status
      p.reviewedAt = s.reviewedAt
      if (s.clientTextEdited !== undefined) p.clientTextEdited = s.clientTextEdited
      if (s.replyTextEdited !== undefined) p.replyTextEdited = s.replyTextEdited
      p.edited = p.clientTextEdited !== null || p.replyTextEdited !== null
    }
    return { restored: items.length }
  })
  return {
    pairs,
    failNextWrite(code) {
      failure = code
    },
  }
}
