// Each pairing rule (pair-builder.ts) on hand-built threads.
import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../cleaning/detect-language'
import { buildThreadPairs, type ThreadMessage } from './pair-builder'

let n = 0
function msg(
  direction: 'in' | 'out',
  text: string,
  extra: Partial<ThreadMessage> = {},
): ThreadMessage {
  n++
  return {
    id: n,
    externalId: (0x18c0000000 + n).toString(16),
    direction: direction === 'in' ? 'incoming' : 'outgoing',
    sentAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    skip: null,
    text,
    ...extra,
  }
}
const build = (msgs: ThreadMessage[]) => buildThreadPairs(msgs, detectLanguage)

describe('buildThreadPairs', () => {
  it('one client message answered by one reply makes one pair', () => {
    const c = msg('in', 'My order 1234 has not arrived yet, can you check?')
    const r = msg('out', 'It ships tomorrow, sorry for the wait.')
    const { pairs } = build([c, r])
    expect(pairs).toEqual([
      {
        clientMessageId: c.id,
        replyMessageId: r.id,
        clientTurnIds: [c.id],
        clientText: c.text,
        replyText: r.text,
        language: 'en',
      },
    ])
  })

  it('consecutive client messages form one turn: latest is the client message, texts joined by a blank line', () => {
    const a = msg('in', 'Hello, the invoice is wrong.')
    const b = msg('in', 'Also the VAT number is missing.')
    const r = msg('out', 'Fixed both, see the new invoice.')
    const [pair] = build([a, b, r]).pairs
    expect(pair?.clientMessageId).toBe(b.id)
    expect(pair?.clientTurnIds).toEqual([a.id, b.id])
    expect(pair?.clientText).toBe('Hello, the invoice is wrong.\n\nAlso the VAT number is missing.')
  })

  it('only the first outgoing message after a turn is its reply; our follow-up makes no pair', () => {
    const c = msg('in', 'Where is my parcel please?')
    const r1 = msg('out', 'On its way, tracking 123.')
    const r2 = msg('out', 'Update: delivered today.')
    const { pairs } = build([c, r1, r2])
    expect(pairs.map((p) => p.replyMessageId)).toEqual([r1.id])
  })

  it('our message with no client turn before it makes no pair', () => {
    const o = msg('out', 'Hi, we noticed your card expires soon.')
    const c = msg('in', 'Thanks, updated it just now.')
    const r = msg('out', 'Great, all set.')
    const { pairs } = build([o, c, r])
    expect(pairs).toHaveLength(1)
    expect(pairs[0]?.clientMessageId).toBe(c.id)
  })

  it('an unanswered turn makes no pair (until its reply syncs)', () => {
    const c1 = msg('in', 'Question one about billing here.')
    const r1 = msg('out', 'Answer one about billing here.')
    const c2 = msg('in', 'One more question about billing.')
    expect(build([c1, r1, c2]).pairs).toHaveLength(1)
    const r2 = msg('out', 'And the second answer.')
    expect(build([c1, r1, c2, r2]).pairs.map((p) => p.clientMessageId)).toEqual([c1.id, c2.id])
  })

  it('orders by sent time whatever order the messages come in', () => {
    const c = msg('in', 'Please reset my password for me.')
    const r = msg('out', 'Done, check your inbox.')
    expect(build([r, c]).pairs).toHaveLength(1)
  })

  it('auto-replies, bulk and bounces stay out of turns and are counted', () => {
    const o = msg('out', 'Your ticket is ready for review.')
    const auto = msg('in', 'I am out of office until Monday.', { skip: 'auto_reply' })
    const news = msg('in', 'Our spring sale starts now!', { skip: 'bulk' })
    const bounce = msg('in', 'Address not found', { skip: 'mailer_daemon' })
    const r = msg('out', 'Following up on the ticket.')
    const result = build([o, auto, news, bounce, r])
    expect(result.pairs).toEqual([])
    expect(result.skipped).toEqual({ auto_reply: 1, bulk: 1, mailer_daemon: 1 })
  })

  it('an auto-reply inside a turn does not break it; our auto-acknowledgement is not the reply', () => {
    const c = msg('in', 'The app crashes when I open settings.')
    const ack = msg('out', 'We received your request #42.', { skip: 'auto_reply' })
    const r = msg('out', 'Please update to 2.3, it fixes the crash.')
    const [pair] = build([c, ack, r]).pairs
    expect(pair?.replyMessageId).toBe(r.id)
  })

  it('a pair whose cleaned client or reply text is empty is skipped as empty_text', () => {
    const c = msg('in', '')
    const r = msg('out', 'Here is the file you asked for.')
    const c2 = msg('in', 'Thanks, and one more thing please.')
    const r2 = msg('out', '   ')
    const result = build([c, r, c2, r2])
    expect(result.pairs).toEqual([])
    expect(result.skipped).toEqual({ empty_text: 2 })
  })

  it('an empty message inside a turn is left out of the joined text', () => {
    const a = msg('in', '')
    const b = msg('in', 'The real question is here.')
    const r = msg('out', 'And the answer.')
    expect(build([a, b, r]).pairs[0]?.clientText).toBe('The real question is here.')
  })

  it('a turn or reply that could not be decoded is skipped as parse_failed', () => {
    const c = msg('in', '', { skip: 'parse_failed' })
    const r = msg('out', 'Answer to something unreadable.')
    const c2 = msg('in', 'A readable question for you.')
    const r2 = msg('out', '', { skip: 'parse_failed' })
    const c3 = msg('in', 'Another readable question here.')
    const r3 = msg('out', 'A readable answer.')
    const result = build([c, r, c2, r2, c3, r3])
    expect(result.pairs.map((p) => p.clientMessageId)).toEqual([c3.id])
    expect(result.skipped).toEqual({ parse_failed: 2 })
  })

  it("labels the language from the client text, inheriting the thread's when it is too short", () => {
    const c = msg('in', 'Здравствуйте, не приходит письмо с подтверждением заказа.')
    const r = msg('out', 'Добрый день, отправили повторно, проверьте папку спам.')
    const c2 = msg('in', 'Ок')
    const r2 = msg('out', 'Хорошего дня!')
    const { pairs } = build([c, r, c2, r2])
    expect(pairs.map((p) => p.language)).toEqual(['ru', 'ru'])
  })
})
