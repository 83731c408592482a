import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../db/open-database'
import { sourceMigrationsFolder } from '../paths'
import { seedAccounts } from '../../../tests/helpers/seed-pairs'
import { seedThread, type ThreadMessageSpec } from '../../../tests/helpers/seed-thread'
import { tempDir } from '../../../tests/helpers/temp'
import { pairThreadContext } from './thread-context'

const tmp = tempDir()
let dbh: OpenedDatabase
let account: number
let other: number

const client = (sentAt: string, body: string, extra: Partial<ThreadMessageSpec> = {}) =>
  ({
    direction: 'incoming',
    fromName: 'Mary Client',
    fromAddress: 'mary@customer.example',
    sentAt,
    body,
    ...extra,
  }) as const
const ours = (sentAt: string, body: string) =>
  ({
    direction: 'outgoing',
    fromName: 'Support',
    fromAddress: 'support@shop.example',
    sentAt,
    body,
  }) as const

beforeAll(() => {
  dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  ;[account, other] = seedAccounts(dbh, ['support@shop.example', 'help@magazin.example']) as [
    number,
    number,
  ]
})
afterAll(() => {
  dbh.close()
  tmp.cleanup()
})

describe('pairThreadContext', () => {
  it('gives the messages before the client turn, oldest first, cleaned like pair texts', () => {
    const { messageIds, pairId } = seedThread(dbh, {
      accountId: account,
      threadId: 'th-login',
      subject: 'Cannot log in',
      messages: [
        client('2026-11-02T09:00:00.000Z', 'I cannot log in since yesterday.\n\n--\nMary Client'),
        ours(
          '2026-11-02T10:00:00.000Z',
          'Please clear the cookies and try again.\n\nBest regards,\nSupport team\n\n' +
            'On Mon, 2 Nov 2026 at 09:00, Mary Client <mary@customer.example> wrote:\n' +
            '> I cannot log in since yesterday.',
        ),
        // The client turn of the pair: two messages, already the pair's client text.
        client('2026-11-02T11:00:00.000Z', 'Tried again and got the same error.'),
        client('2026-11-02T11:05:00.000Z', 'Screenshot attached.'),
        ours('2026-11-02T12:00:00.000Z', 'We reset your password.'),
      ],
      turn: [2, 3],
      reply: 4,
      clientText: 'Tried again and got the same error.\n\nScreenshot attached.',
      replyText: 'We reset your password.',
    })
    const ctx = pairThreadContext(dbh, pairId)
    expect(ctx.pairId).toBe(pairId)
    expect(ctx.omitted).toBe(0)
    expect(ctx.messages.map((m) => m.id)).toEqual([messageIds[0], messageIds[1]])
    expect(ctx.messages[0]).toMatchObject({
      direction: 'incoming',
      fromName: 'Mary Client',
      fromAddress: 'mary@customer.example',
      sentAt: '2026-11-02T09:00:00.000Z',
      text: 'I cannot log in since yesterday.',
    })
    expect(ctx.messages[1]!.direction).toBe('outgoing')
    expect(ctx.messages[1]!.text).toBe('Please clear the cookies and try again.')
  })

  it('cleans an HTML-only message from its HTML and leaves out deleted messages', () => {
    const { messageIds, pairId } = seedThread(dbh, {
      accountId: account,
      threadId: 'th-html',
      subject: 'Оплата',
      messages: [
        client('2026-11-03T09:00:00.000Z', '', {
          html:
            '<p>Здравствуйте! Оплата картой не проходит.</p>' +
            '<blockquote>Старое письмо, которое не нужно</blockquote>',
        }),
        client('2026-11-03T09:30:00.000Z', 'Удалённое сообщение', { deleted: true }),
        ours('2026-11-03T10:00:00.000Z', 'Попробуйте другую карту.'),
        client('2026-11-03T11:00:00.000Z', 'Другая карта тоже не проходит.'),
        ours('2026-11-03T12:00:00.000Z', 'Мы проверили платёж.'),
      ],
      turn: [3],
      reply: 4,
      clientText: 'Другая карта тоже не проходит.',
      replyText: 'Мы проверили платёж.',
      language: 'ru',
    })
    const ctx = pairThreadContext(dbh, pairId)
    expect(ctx.messages.map((m) => m.id)).toEqual([messageIds[0], messageIds[2]])
    expect(ctx.messages[0]!.text).toBe('Здравствуйте! Оплата картой не проходит.')
  })

  it('orders messages sent in the same second by Gmail id, and keeps other threads out', () => {
    const same = '2026-11-04T09:00:00.000Z'
    const { messageIds, pairId } = seedThread(dbh, {
      accountId: account,
      threadId: 'th-tie',
      subject: 'Tie',
      messages: [
        client(same, 'First words.'),
        ours(same, 'Second words.'),
        client(same, 'The turn.'),
        ours('2026-11-04T10:00:00.000Z', 'The reply.'),
      ],
      turn: [2],
      reply: 3,
      clientText: 'The turn.',
      replyText: 'The reply.',
    })
    // The same thread id under another account is another conversation.
    seedThread(dbh, {
      accountId: other,
      threadId: 'th-tie',
      subject: 'Tie',
      messages: [
        client('2026-11-01T09:00:00.000Z', 'Not this one.'),
        ours('2026-11-01T10:00:00.000Z', 'Nor this.'),
      ],
      turn: [0],
      reply: 1,
      clientText: 'Not this one.',
      replyText: 'Nor this.',
    })
    const ctx = pairThreadContext(dbh, pairId)
    expect(ctx.messages.map((m) => m.text)).toEqual(['First words.', 'Second words.'])
    expect(ctx.messages.map((m) => m.id)).toEqual([messageIds[0], messageIds[1]])
  })

  it('is empty for the first turn of a thread', () => {
    const { pairId } = seedThread(dbh, {
      accountId: account,
      threadId: 'th-first',
      subject: 'Hello',
      messages: [
        client('2026-11-05T09:00:00.000Z', 'Hello?'),
        ours('2026-11-05T10:00:00.000Z', 'Hi!'),
      ],
      turn: [0],
      reply: 1,
      clientText: 'Hello?',
      replyText: 'Hi!',
    })
    expect(pairThreadContext(dbh, pairId)).toEqual({ pairId, messages: [], omitted: 0 })
  })

  it('keeps the latest messages of a long thread and says how many are left out', () => {
    const messages = Array.from({ length: 12 }, (_, i) =>
      i % 2 === 0
        ? client(`2026-11-06T${String(i).padStart(2, '0')}:00:00.000Z`, `Question ${i}.`)
        : ours(`2026-11-06T${String(i).padStart(2, '0')}:00:00.000Z`, `Answer ${i}.`),
    )
    const { pairId } = seedThread(dbh, {
      accountId: account,
      threadId: 'th-long',
      subject: 'Long',
      messages,
      turn: [10],
      reply: 11,
      clientText: 'Question 10.',
      replyText: 'Answer 11.',
    })
    const ctx = pairThreadContext(dbh, pairId, { max: 4 })
    expect(ctx.messages.map((m) => m.text)).toEqual([
      'Question 6.',
      'Answer 7.',
      'Question 8.',
      'Answer 9.',
    ])
    expect(ctx.omitted).toBe(6)
  })

  it('marks the word forms a search matched in each message, Russian and English alike', () => {
    const { pairId } = seedThread(dbh, {
      accountId: account,
      threadId: 'th-return',
      subject: 'Возврат',
      messages: [
        client('2026-11-07T09:00:00.000Z', 'Хочу вернуть заказ: he sent the wrong parcel.'),
        ours('2026-11-07T10:00:00.000Z', 'Пришлите фото заказа, пожалуйста. Parcels are checked.'),
        client('2026-11-07T11:00:00.000Z', 'Отправила. Когда вернёте деньги за заказы?'),
        ours('2026-11-07T12:00:00.000Z', 'Завтра.'),
      ],
      turn: [2],
      reply: 3,
      clientText: 'Отправила. Когда вернёте деньги за заказы?',
      replyText: 'Завтра.',
    })
    const ctx = pairThreadContext(dbh, pairId, { q: 'заказа parcel' })
    const marked = ctx.messages.map((m) => (m.marks ?? []).map(([a, b]) => m.text.slice(a, b)))
    expect(marked).toEqual([
      ['заказ', 'parcel'],
      ['заказа', 'Parcels'],
    ])
    expect(pairThreadContext(dbh, pairId).messages.every((m) => m.marks === undefined)).toBe(true)
  })

  it('answers not_found for a pair that does not exist', () => {
    expect(() => pairThreadContext(dbh, 999_999)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    )
  })
})
