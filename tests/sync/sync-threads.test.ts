// Hand-made threads through the whole sync (fake Gmail, real keychain, real SQLite): decoded
// Cyrillic in legacy charsets, each pairing rule, machine mail counted by reason, direction by
// alias and by the SENT label, and a message that cannot be decoded stored with its reason.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncRunResult } from '@contract/sync'
import type { Core } from '../../src-main/core/core'
import { startSyncKit, type SyncKit } from '../helpers/gmail-account'
import { newMessageId, rawMail, type RawMailInput } from '../helpers/raw-mail'
import { repoRoot } from '../helpers/temp'
import { dispatcherOf } from '../helpers/api-calls'

const OWN = 'support@acme.example'
const ALIAS = 'help@acme.example'
const CLIENT = 'Иван Петров <ivan@example.ru>'
const DAY = 86_400_000
const base = Date.now() - 10 * DAY
const at = (minutes: number) => new Date(base + minutes * 60_000)

let kit: SyncKit
let core: Core
let result: SyncRunResult

interface Msg {
  thread: string
  raw: Buffer
  labels: string[]
  minutes: number
}
const mail: Msg[] = []
function add(
  thread: string,
  minutes: number,
  labels: string[],
  m: Omit<RawMailInput, 'date'>,
): string {
  const messageId = m.messageId ?? newMessageId()
  mail.push({ thread, minutes, labels, raw: rawMail({ ...m, messageId, date: at(minutes) }) })
  return messageId
}
const incoming = ['INBOX']
const sent = ['SENT']

beforeAll(async () => {
  // 1. Russian client in koi8-r (8bit) and windows-1251 (base64, encoded-word subject); our
  //    reply from the alias.
  const t1 = add('a001', 0, incoming, {
    from: CLIENT,
    to: OWN,
    subject: 'Заказ не пришёл',
    charset: 'koi8-r',
    cte: '8bit',
    encodeSubject: true,
    text: 'Здравствуйте, мой заказ 12345 не пришёл.\nПодскажите, что случилось?\n\nС уважением,\nИван',
  })
  add('a001', 5, incoming, {
    from: CLIENT,
    to: OWN,
    subject: 'Re: Заказ не пришёл',
    charset: 'windows-1251',
    cte: 'base64',
    encodeSubject: true,
    text: 'Забыл добавить: оплата прошла вчера.',
    inReplyTo: t1,
  })
  add('a001', 30, sent, {
    from: `Поддержка <${ALIAS}>`,
    to: CLIENT,
    subject: 'Re: Заказ не пришёл',
    charset: 'utf-8',
    encodeSubject: true,
    text: 'Добрый день, Иван! Заказ передан в доставку, трек-номер придёт сегодня.\n\n-- \nСлужба поддержки',
    inReplyTo: t1,
  })
  // 2. English: our outreach first (no pair), client answers, we reply, we follow up (no pair),
  //    the client writes again and nobody has answered yet (no pair).
  add('b002', 100, sent, {
    from: OWN,
    to: 'jane@client.example',
    subject: 'Your card expires',
    text: 'Hi Jane, your card on file expires next week.',
  })
  add('b002', 120, incoming, {
    from: 'Jane <jane@client.example>',
    to: OWN,
    subject: 'Re: Your card expires',
    text: 'Thanks, I updated it. Is the renewal price the same?\n\nOn Mon, 16 Nov 2026 at 10:02, Acme Support <support@acme.example> wrote:\n> Hi Jane, your card on file expires next week.',
  })
  add('b002', 150, sent, {
    from: OWN,
    to: 'jane@client.example',
    subject: 'Re: Your card expires',
    text: 'Yes, the price stays at $20 a month.',
  })
  add('b002', 160, sent, {
    from: OWN,
    to: 'jane@client.example',
    subject: 'Re: Your card expires',
    text: 'PS: the invoice is in your account area.',
  })
  add('b002', 300, incoming, {
    from: 'Jane <jane@client.example>',
    to: OWN,
    subject: 'Re: Your card expires',
    text: 'One more question about VAT on the invoice.',
  })
  // 3. Machine mail between a question and its answer: auto-reply, newsletter, bounce.
  add('c003', 400, incoming, {
    from: 'bob@client.example',
    to: OWN,
    subject: 'Refund',
    text: 'Please refund order 77, it arrived broken.',
  })
  add('c003', 401, incoming, {
    from: 'bob@client.example',
    to: OWN,
    subject: 'Automatic reply: Refund',
    text: 'I am out of the office until Monday.',
    headers: ['Auto-Submitted: auto-replied'],
  })
  add('c003', 402, incoming, {
    from: 'news@shop.example',
    to: OWN,
    subject: 'Spring sale',
    text: 'Everything 20% off!',
    headers: ['List-Unsubscribe: <mailto:u@shop.example>', 'Precedence: bulk'],
  })
  add('c003', 403, incoming, {
    from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
    to: OWN,
    subject: 'Delivery Status Notification (Failure)',
    text: "Address not found. Your message wasn't delivered.",
  })
  add('c003', 420, sent, {
    from: OWN,
    to: 'bob@client.example',
    subject: 'Re: Refund',
    text: 'Refund issued, you will see it in 3 days.',
  })
  // 4. Our reply sent from an address that is not a send-as alias: outgoing by the SENT label.
  add('d004', 500, incoming, {
    from: 'kate@client.example',
    to: OWN,
    subject: 'Login',
    text: 'I cannot log in since yesterday evening.',
  })
  add('d004', 520, ['SENT', 'IMPORTANT'], {
    from: 'agent@acme-helpdesk.example',
    to: 'kate@client.example',
    subject: 'Re: Login',
    text: 'We reset your session, please try again now.',
  })
  // 5. HTML-only reply with a Gmail quote block: the quote is dropped before any text exists.
  add('e005', 600, incoming, {
    from: 'li@client.example',
    to: OWN,
    subject: 'Export',
    text: 'The CSV export shows question marks instead of letters.',
  })
  add('e005', 620, sent, {
    from: OWN,
    to: 'li@client.example',
    subject: 'Re: Export',
    html: '<div dir="ltr">Open the file with UTF-8 encoding and the letters come back.</div><br><div class="gmail_quote"><div class="gmail_attr">On Tue, Li wrote:</div><blockquote class="gmail_quote">The CSV export shows question marks instead of letters.</blockquote></div>',
  })
  kit = await startSyncKit({
    email: OWN,
    aliases: [{ sendAsEmail: ALIAS, displayName: 'Поддержка' }],
  })
  for (const m of mail)
    kit.fake.addMessage(OWN, {
      raw: m.raw,
      labelIds: m.labels,
      threadId: m.thread,
      internalDate: base + m.minutes * 60_000 + 1000,
    })
  // 6. A message that cannot be decoded (multipart without a boundary).
  kit.fake.addMessage(OWN, {
    raw: fs.readFileSync(path.join(repoRoot(), 'tests/fixtures/mail/broken-no-boundary.eml')),
    labelIds: incoming,
    threadId: 'f006',
    internalDate: base + 700 * 60_000,
  })
  core = kit.core()
  const account = await kit.connect(core)
  ;[result] = (await core.sync.now({ accountId: account.id })) as [SyncRunResult]
}, 60_000)
afterAll(async () => kit?.dispose())

const pairs = () =>
  core.dbh.sqlite
    .prepare(
      `SELECT p.thread_id, p.client_text, p.reply_text, p.language, p.client_turn_ids, p.status
       FROM training_pairs p JOIN messages r ON r.id = p.reply_message_id ORDER BY r.sent_at`,
    )
    .all() as Array<{
    thread_id: string
    client_text: string
    reply_text: string
    language: string
    client_turn_ids: string
    status: string
  }>

describe('hand-made threads', () => {
  it('syncs everything, counting the undecodable message and going on', () => {
    expect(result.status).toBe('ok')
    expect(result.summary).toMatchObject({
      messages_fetched: mail.length + 1,
      messages_parse_failed: 1,
    })
    expect(result.summary?.errors[0]).toMatch(/1 message\(s\) could not be decoded/)
    const broken = core.dbh.sqlite
      .prepare(
        "SELECT parse_status, parse_error, subject, from_address FROM messages WHERE thread_id = 'f006'",
      )
      .get()
    expect(broken).toMatchObject({
      parse_status: 'failed',
      parse_error: expect.any(String),
      from_address: 'ivan@example.ru',
    })
  })

  it('stores Russian mail from koi8-r and windows-1251 decoded', () => {
    const rows = core.dbh.sqlite
      .prepare(
        "SELECT subject, body_text, from_name, direction FROM messages WHERE thread_id = 'a001' ORDER BY sent_at",
      )
      .all() as Array<Record<string, string>>
    expect(rows.map((r) => r.subject)).toEqual([
      'Заказ не пришёл',
      'Re: Заказ не пришёл',
      'Re: Заказ не пришёл',
    ])
    expect(rows[0]!.body_text).toContain('Здравствуйте, мой заказ 12345 не пришёл.')
    expect(rows[1]!.body_text).toContain('Забыл добавить: оплата прошла вчера.')
    expect(rows[0]!.from_name).toBe('Иван Петров')
    expect(rows.map((r) => r.direction)).toEqual(['incoming', 'incoming', 'outgoing'])
  })

  it('pairs follow the rules: one turn per reply, joined texts, no pair for outreach, follow-ups or unanswered turns', () => {
    const p = pairs()
    expect(p.map((x) => x.thread_id)).toEqual(['a001', 'b002', 'c003', 'd004', 'e005'])
    expect(p[0]).toMatchObject({
      client_text:
        'Здравствуйте, мой заказ 12345 не пришёл.\nПодскажите, что случилось?\n\nЗабыл добавить: оплата прошла вчера.',
      reply_text: 'Добрый день, Иван! Заказ передан в доставку, трек-номер придёт сегодня.',
      language: 'ru',
      status: 'new',
    })
    expect(JSON.parse(p[0]!.client_turn_ids)).toHaveLength(2)
    expect(p[1]).toMatchObject({
      client_text: 'Thanks, I updated it. Is the renewal price the same?',
      reply_text: 'Yes, the price stays at $20 a month.',
      language: 'en',
    })
    expect(p[2]).toMatchObject({
      client_text: 'Please refund order 77, it arrived broken.',
      reply_text: 'Refund issued, you will see it in 3 days.',
    })
    expect(p[3]?.reply_text).toBe('We reset your session, please try again now.')
    expect(p[4]?.reply_text).toBe('Open the file with UTF-8 encoding and the letters come back.')
  })

  it('counts machine mail by reason', () => {
    expect(result.summary?.pairs_skipped).toEqual({ auto_reply: 1, bulk: 1, mailer_daemon: 1 })
    expect(result.summary?.pairs_created).toBe(5)
  })

  it('messages.get returns the original for the review pane', async () => {
    const dispatch = dispatcherOf(core)
    const id = (
      core.dbh.sqlite
        .prepare("SELECT id FROM messages WHERE thread_id = 'a001' ORDER BY sent_at LIMIT 1")
        .get() as { id: number }
    ).id
    const res = await dispatch('messages.get', { id })
    expect(res).toMatchObject({
      ok: true,
      value: {
        subject: 'Заказ не пришёл',
        fromName: 'Иван Петров',
        fromAddress: 'ivan@example.ru',
        toAddresses: [OWN],
        parseStatus: 'ok',
        labels: ['INBOX'],
      },
    })
    expect(await dispatch('messages.get', { id: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    const status = await dispatch('sync.status', {})
    expect(status).toMatchObject({ ok: true, value: { running: [], paused: false } })
    expect(await dispatch('sync.setPaused', { paused: true })).toMatchObject({
      ok: true,
      value: { paused: true },
    })
    expect(await dispatch('sync.now', { accountId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})
