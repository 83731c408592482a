// Realistic review data straight into SQLite: accounts, a client and a reply message per pair,
// and the pair itself, in one transaction with prepared statements; the FTS triggers index
// everything (stemmed) as sync would. That per-row indexing bounds the speed at roughly 5,000-
// 8,000 pairs/s on a 2-core machine, so seededDataDir() builds a given data set once into a
// cache file and copies it after that (100,000 pairs: ~20 s the first time, < 1 s after).
// Used by unit tests, the end-to-end tests and the UI benchmark.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DB_FILE, type DbHandle } from '../../src-main/db/connection'
import { openDatabase } from '../../src-main/db/open-database'
import { sourceMigrationsFolder } from '../../src-main/core/paths'

export type SeedStatus = 'new' | 'approved' | 'rejected'
/** An ISO 639-1 code, 'unknown', or the 'other' older versions wrote. */
export type SeedLanguage = string

export interface SeedOptions {
  /** Account addresses (created if missing). Default: two accounts, en and ru. */
  accounts?: string[]
  /** PRNG seed; the same seed gives the same data. Default 1. */
  seed?: number
  /** Share of Russian pairs (the rest English, with ~2% other and ~1% unknown). Default 0.5. */
  ruShare?: number
  /** Every pair gets this status; otherwise ~15% approved, ~5% rejected, the rest new. */
  status?: SeedStatus
  /** The newest pair's time (when its client wrote); the pairs span about two years before
   * it. Default 2026-11-20. */
  newest?: Date
  /** Days between the oldest and the newest pair. Default 730; a short span makes many
   * pairs share a minute (ties in the list order). */
  spanDays?: number
  /** Id prefix for Gmail ids and thread ids, so several seeds can share a database. */
  prefix?: string
}

export interface SeedResult {
  accountIds: number[]
  /** Pair ids in insertion order (oldest first). */
  pairIds: number[]
}

export interface PairSpec {
  accountId: number
  client: string
  reply: string
  language?: SeedLanguage
  status?: SeedStatus
  /** When the client wrote (the pair's time); the reply follows two hours later. */
  sentAt?: string
  subject?: string
  clientTextEdited?: string | null
  replyTextEdited?: string | null
  orphaned?: boolean
}

function rng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const EN = {
  names: ['John Smith', 'Emily Clark', 'David Brown', 'Sarah Miller', 'Michael Lee', 'Anna White'],
  subjects: [
    'Where is my order?',
    'Refund request',
    'Refund request',
    'Cannot log in',
    'Invoice question',
    'Delivery delay',
    'Change of address',
  ],
  openers: ['Hi,', 'Hello,', 'Good morning,', 'Hi team,'],
  bodies: [
    'I ordered a blue kettle on {d} and it still has not arrived. Order number {n}. Could you check where it is?',
    'Please refund my order {n}. The item arrived broken and I already sent photos to your team.',
    'I was charged twice for order {n}. Can you refund one of the payments? My refunds usually take a week.',
    'I cannot log in to my account since yesterday. The password reset email never comes.',
    'Could you send me an invoice for order {n}? Our accounting department needs it with the VAT number.',
    'The delivery of order {n} was delayed again. Is there any way to speed it up? I need it before {d}.',
    'I moved last month. Please change the delivery address on my subscription before the next shipment.',
  ],
  replies: [
    'Thank you for reaching out. Your order {n} left our warehouse yesterday; the tracking link is in your account.',
    'We are sorry about the damaged item. A full refund for order {n} has been issued and should appear within 5 business days.',
    'You are right, the payment was taken twice. We refunded the duplicate charge today.',
    'We have reset your login. Please check the spam folder for the reset email and let us know if it still fails.',
    'Please find the invoice for order {n} attached. The VAT number is included on page one.',
    'We upgraded the shipping of order {n} to express at no cost. It should arrive within two days.',
    'Your delivery address has been updated. The next shipment will go to the new address.',
  ],
  closing: 'Best regards,\nSupport team',
}

const RU = {
  names: [
    'Иван Петров',
    'Елена Смирнова',
    'Сергей Кузнецов',
    'Ольга Попова',
    'Дмитрий Соколов',
    'Мария Волкова',
  ],
  subjects: [
    'Где мой заказ?',
    'Возврат денег',
    'Возврат денег',
    'Не могу войти',
    'Вопрос по счёту',
    'Задержка доставки',
    'Смена адреса',
  ],
  openers: ['Здравствуйте!', 'Добрый день!', 'Здравствуйте,', 'Доброе утро!'],
  bodies: [
    'Мой заказ №{n} от {d} до сих пор не пришёл. Подскажите, пожалуйста, где он сейчас?',
    'Прошу вернуть деньги за заказ №{n}: товар пришёл разбитым, фотографии я уже отправил.',
    'С карты дважды списали оплату за заказ №{n}. Верните, пожалуйста, лишний платёж.',
    'Со вчерашнего дня не могу войти в личный кабинет, письмо для сброса пароля не приходит.',
    'Пришлите, пожалуйста, счёт по заказу №{n} с реквизитами нашей компании для бухгалтерии.',
    'Доставку заказа №{n} снова перенесли. Можно ли ускорить? Он нужен мне до {d}.',
    'Я переехал. Измените, пожалуйста, адрес доставки по подписке до следующей отправки.',
  ],
  replies: [
    'Спасибо за обращение. Ваш заказ №{n} передан в службу доставки вчера, трек-номер есть в личном кабинете.',
    'Приносим извинения за повреждённый товар. Мы оформили возврат денег за заказ №{n}, они поступят в течение 5 рабочих дней.',
    'Вы правы, оплата прошла дважды. Лишнее списание мы вернули сегодня.',
    'Мы сбросили доступ к кабинету. Проверьте папку «Спам» и напишите нам, если письмо так и не придёт.',
    'Счёт по заказу №{n} во вложении, реквизиты указаны на первой странице.',
    'Мы бесплатно перевели доставку заказа №{n} на экспресс, он придёт в течение двух дней.',
    'Адрес доставки обновлён, следующая отправка уйдёт по новому адресу.',
  ],
  closing: 'С уважением,\nСлужба поддержки',
}

const OTHER = {
  client: 'Hallo, meine Bestellung {n} ist noch nicht angekommen. Können Sie bitte nachsehen?',
  reply: 'Vielen Dank für Ihre Nachricht. Ihre Bestellung {n} ist unterwegs.',
}

const ONE_HOUR = 3_600_000

/** Creates the accounts that do not exist yet and returns their ids in the given order. */
export function seedAccounts(dbh: DbHandle, emails: string[]): number[] {
  const insert = dbh.sqlite.prepare(
    `INSERT INTO accounts (email, display_name) VALUES (?, ?) ON CONFLICT (provider, email) DO NOTHING`,
  )
  const find = dbh.sqlite.prepare(`SELECT id FROM accounts WHERE provider = 'gmail' AND email = ?`)
  return dbh.write(() =>
    emails.map((email) => {
      insert.run(email, `Gmail – ${email}`)
      return (find.get(email) as { id: number }).id
    }),
  )
}

function statements(dbh: DbHandle) {
  const s = dbh.sqlite
  return {
    message: s.prepare(
      `INSERT INTO messages (account_id, external_id, thread_id, direction, from_address, from_name,
         to_addresses, subject, body_text, sent_at, labels)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    pair: s.prepare(
      `INSERT INTO training_pairs (account_id, thread_id, client_message_id, reply_message_id,
         client_turn_ids, client_text, reply_text, client_text_edited, reply_text_edited, status,
         language, labels, reviewed_at, orphaned_at, sent_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    email: s.prepare(`SELECT email FROM accounts WHERE id = ?`),
  }
}

type Stmts = ReturnType<typeof statements>

function insertOne(
  st: Stmts,
  spec: Required<Omit<PairSpec, 'subject'>> & {
    subject: string
    key: string
    accountEmail: string
    clientName: string
  },
): number {
  const thread = `t-${spec.key}`
  const clientAt = spec.sentAt
  const replyAt = new Date(Date.parse(spec.sentAt) + ONE_HOUR * 2).toISOString()
  const customer = `${spec.key.replace(/[^a-z0-9]/gi, '').toLowerCase()}@customer.example`
  const c = st.message.run(
    spec.accountId,
    `c-${spec.key}`,
    thread,
    'incoming',
    customer,
    spec.clientName,
    JSON.stringify([spec.accountEmail]),
    spec.subject,
    spec.client,
    clientAt,
    '["INBOX"]',
  ).lastInsertRowid as number
  const r = st.message.run(
    spec.accountId,
    `r-${spec.key}`,
    thread,
    'outgoing',
    spec.accountEmail,
    'Support',
    JSON.stringify([customer]),
    `Re: ${spec.subject}`,
    spec.reply,
    replyAt,
    '["SENT"]',
  ).lastInsertRowid as number
  const reviewedAt = spec.status === 'new' ? null : spec.sentAt
  return st.pair.run(
    spec.accountId,
    thread,
    c,
    r,
    JSON.stringify([c]),
    spec.client,
    spec.reply,
    spec.clientTextEdited,
    spec.replyTextEdited,
    spec.status,
    spec.language,
    '[]',
    reviewedAt,
    spec.orphaned ? spec.sentAt : null,
    // Set here (the client's time) so the insert trigger has nothing to do.
    clientAt,
  ).lastInsertRowid as number
}

let specCounter = 0

/** One pair with exactly the given texts (for tests that search or assert on content). */
export function seedPair(dbh: DbHandle, spec: PairSpec): number {
  const st = statements(dbh)
  const accountEmail = (st.email.get(spec.accountId) as { email: string }).email
  specCounter++
  return dbh.write(() =>
    insertOne(st, {
      accountId: spec.accountId,
      client: spec.client,
      reply: spec.reply,
      language: spec.language ?? 'en',
      status: spec.status ?? 'new',
      sentAt: spec.sentAt ?? new Date(Date.UTC(2026, 10, 1) + specCounter * 60_000).toISOString(),
      subject: spec.subject ?? 'Question',
      clientTextEdited: spec.clientTextEdited ?? null,
      replyTextEdited: spec.replyTextEdited ?? null,
      orphaned: spec.orphaned ?? false,
      key: `spec-${process.pid}-${specCounter}-${Math.random().toString(36).slice(2, 8)}`,
      accountEmail,
      clientName: 'Test Client',
    }),
  )
}

/** `n` generated pairs across the accounts, the newest at opts.newest and older going back. */
export function seedPairs(dbh: DbHandle, n: number, opts: SeedOptions = {}): SeedResult {
  const emails = opts.accounts ?? ['support@shop.example', 'help@magazin.example']
  const accountIds = seedAccounts(dbh, emails)
  const rand = rng(opts.seed ?? 1)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const prefix = opts.prefix ?? `s${opts.seed ?? 1}`
  const ruShare = opts.ruShare ?? 0.5
  const st = statements(dbh)
  // Times are generated newest first, then inserted oldest first like a sync would.
  // About two years of mail whatever n is, on whole minutes (so some replies share a time).
  const times: number[] = []
  const step = ((opts.spanDays ?? 730) * 24 * ONE_HOUR) / Math.max(1, n)
  let t = (opts.newest ?? new Date(Date.UTC(2026, 10, 20, 12))).getTime()
  for (let i = 0; i < n; i++) {
    times.push(t)
    t -= Math.round((rand() * 2 * step) / 60_000) * 60_000
  }
  times.reverse()
  const pairIds: number[] = []
  dbh.write(() => {
    for (let i = 0; i < n; i++) {
      const a = i % accountIds.length
      const roll = rand()
      const language: SeedLanguage =
        roll < 0.01 ? 'unknown' : roll < 0.03 ? 'other' : rand() < ruShare ? 'ru' : 'en'
      const pack = language === 'ru' ? RU : EN
      const k = Math.floor(rand() * pack.bodies.length)
      const num = String(10000 + Math.floor(rand() * 90000))
      const date = new Date(times[i]! - 5 * 86_400_000).toISOString().slice(0, 10)
      const fill = (s: string): string => s.replaceAll('{n}', num).replaceAll('{d}', date)
      let client: string
      let reply: string
      if (language === 'other') {
        client = fill(OTHER.client)
        reply = fill(OTHER.reply)
      } else if (language === 'unknown') {
        client = 'Ok'
        reply = 'Thanks!'
      } else {
        const name = pick(pack.names)
        client = `${pick(pack.openers)}\n\n${fill(pack.bodies[k]!)}\n\n${name}`
        reply = `${pick(pack.openers)}\n\n${fill(pack.replies[k]!)}\n\n${pack.closing}`
      }
      const sRoll = rand()
      const status: SeedStatus =
        opts.status ?? (sRoll < 0.15 ? 'approved' : sRoll < 0.2 ? 'rejected' : 'new')
      const edited = status !== 'new' && rand() < 0.1
      pairIds.push(
        insertOne(st, {
          accountId: accountIds[a]!,
          client,
          reply,
          language,
          status,
          sentAt: new Date(times[i]!).toISOString(),
          subject: pack.subjects[k]!,
          clientTextEdited: null,
          replyTextEdited: edited
            ? `${reply}\n\nP.S. ${language === 'ru' ? 'Мы на связи.' : 'We are here to help.'}`
            : null,
          orphaned: rand() < 0.005,
          key: `${prefix}-${i}`,
          accountEmail: emails[a]!,
          clientName: pick(pack.names),
        }),
      )
    }
  })
  return { accountIds, pairIds }
}

/**
 * A data folder whose replybase.db holds `n` seeded pairs (and nothing else), ready for
 * createCore. The database is built once per (n, options, migrations) under the OS temp
 * folder and copied from there; the folder must not hold a database yet.
 */
export function seededDataDir(dataDir: string, n: number, opts: SeedOptions = {}): SeedResult {
  const migrations = sourceMigrationsFolder()
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify({ n, opts, v: 2 }))
    .update(fs.readFileSync(path.join(migrations, 'meta', '_journal.json')))
    .digest('hex')
    .slice(0, 16)
  const cacheDir = path.join(os.tmpdir(), 'replybase-seed-cache')
  const cached = path.join(cacheDir, `${key}.db`)
  const meta = `${cached}.json`
  if (!fs.existsSync(cached) || !fs.existsSync(meta)) {
    const build = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-seed-build-'))
    const dbh = openDatabase(build, migrations)
    const result = seedPairs(dbh, n, opts)
    dbh.close() // checkpoints the WAL into the file
    fs.mkdirSync(cacheDir, { recursive: true })
    // Written under a temporary name, then renamed: concurrent builders never see half a file.
    fs.writeFileSync(`${meta}.${process.pid}`, JSON.stringify(result))
    fs.renameSync(path.join(build, DB_FILE), `${cached}.${process.pid}`)
    fs.renameSync(`${cached}.${process.pid}`, cached)
    fs.renameSync(`${meta}.${process.pid}`, meta)
    fs.rmSync(build, { recursive: true, force: true })
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const target = path.join(dataDir, DB_FILE)
  if (fs.existsSync(target)) throw new Error(`${target} exists already; seed an empty folder.`)
  fs.copyFileSync(cached, target)
  return JSON.parse(fs.readFileSync(meta, 'utf8')) as SeedResult
}
