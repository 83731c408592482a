import fs from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import type { ExportQuery } from '@contract/export'
import { exportPreviewInput } from '@contract/export'
import { AppError } from '@contract/errors'
import { openDatabase, type OpenedDatabase } from '../../db/open-database'
import { createEventBus } from '../event-bus'
import { sourceMigrationsFolder } from '../paths'
import { createReviewService } from '../review/review-service'
import { seedAccounts, seedPair, seedPairs } from '../../../tests/helpers/seed-pairs'
import { tempDir } from '../../../tests/helpers/temp'
import { createExportService, validationPath } from './export-service'
import { checkExample } from './openai-rules'
import { loadTokenCounter, type TokenCounter } from './fine-tune-models'

const tmp = tempDir()
let tok: TokenCounter
const out = (name: string) => path.join(tmp.dir, 'out', name)
let dbh: OpenedDatabase
const bus = createEventBus()
let acc: { en: number; ru: number }
const ids = {} as Record<
  'edited' | 'rejected' | 'pii' | 'dupA' | 'dupB' | 'huge' | 'ruApproved',
  number
>
let svc: ReturnType<typeof createExportService>

const query = (q: Partial<ExportQuery> & Pick<ExportQuery, 'format'>): ExportQuery =>
  exportPreviewInput.parse(q)

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)

beforeAll(async () => {
  tok = await loadTokenCounter()
  dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  fs.mkdirSync(path.join(tmp.dir, 'out'))
  svc = createExportService({ dbh, events: bus })
  const [en, ru] = seedAccounts(dbh, ['support@shop.example', 'help@magazin.example'])
  acc = { en: en!, ru: ru! }
  seedPairs(dbh, 60, { status: 'approved', seed: 7 })
  ids.edited = seedPair(dbh, {
    accountId: acc.ru,
    language: 'ru',
    status: 'approved',
    client: 'Где посылка?',
    reply: 'Сейчас посмотрю.',
    replyTextEdited: 'Посылка в пути, трек-номер в личном кабинете.',
  })
  ids.ruApproved = seedPair(dbh, {
    accountId: acc.ru,
    language: 'ru',
    status: 'approved',
    subject: 'Счёт, "срочно"',
    client: 'Нужен счёт, с реквизитами;\nи поскорее, "пожалуйста".',
    reply: 'Счёт во вложении.',
  })
  ids.rejected = seedPair(dbh, {
    accountId: acc.ru,
    language: 'ru',
    status: 'rejected',
    client: 'Спам спам спам',
    reply: 'Отклонено',
  })
  ids.pii = seedPair(dbh, {
    accountId: acc.en,
    language: 'en',
    status: 'approved',
    client: 'Write to jane.doe@mail.example or call +1 (415) 555-0134.',
    reply: 'We will call you at +44 20 7946 0958.',
  })
  ids.dupA = seedPair(dbh, {
    accountId: acc.en,
    status: 'approved',
    client: 'Is the shop open on Sunday?',
    reply: 'Yes, from 10 to 16.',
  })
  ids.dupB = seedPair(dbh, {
    accountId: acc.en,
    status: 'approved',
    client: '  is the shop  OPEN on sunday? ',
    reply: 'Yes, from 10 to 16.',
  })
  ids.huge = seedPair(dbh, {
    accountId: acc.en,
    status: 'approved',
    client: Array.from({ length: 70_000 }, (_, i) => `w${i}`).join(' '),
    reply: 'Too long to train on.',
  })
  // Several pairs per thread, as long conversations give.
  dbh.sqlite
    .prepare(`UPDATE training_pairs SET thread_id = 'thr-' || (id % 9) WHERE id <= 60`)
    .run()
})
afterAll(() => {
  dbh.close()
  tmp.cleanup()
})

describe('OpenAI fine-tuning export', () => {
  it('writes one valid chat example per approved pair, edited texts winning, rejected never', async () => {
    const file = out('train.jsonl')
    const { summary } = await svc.write(query({ format: 'openai-jsonl' }), 'job-openai-1', file)
    const written = lines(file).map(
      (l) => JSON.parse(l) as { messages: Array<{ role: string; content: string }> },
    )
    expect(written.length).toBe(summary!.examples)
    for (const ex of written)
      expect(checkExample(ex, tok.chat(ex.messages as never), 65_536)).toBeNull()
    const replies = written.map((ex) => ex.messages.at(-1)!.content)
    expect(replies).toContain('Посылка в пути, трек-номер в личном кабинете.')
    expect(replies).not.toContain('Сейчас посмотрю.')
    expect(written.some((ex) => ex.messages[0]!.content === 'Спам спам спам')).toBe(false)
    const shopOpen = written.filter((ex) => /shop\s+open on sunday/i.test(ex.messages[0]!.content))
    expect(shopOpen).toHaveLength(1)
    const keys = written.map((ex) =>
      JSON.stringify(ex.messages.map((m) => m.content.toLowerCase().replace(/\s+/g, ' ').trim())),
    )
    expect(new Set(keys).size).toBe(keys.length)
    expect(summary!.duplicatesRemoved).toBeGreaterThanOrEqual(1)
    expect(summary!.overLimit).toMatchObject({ count: 1, pairIds: [ids.huge] })
    expect(summary!.pairsMatched).toBe(66)
    expect(summary!.examples).toBe(66 - summary!.duplicatesRemoved - 1)
    expect(summary!.tokens).toBe(written.reduce((n, ex) => n + tok.chat(ex.messages as never), 0))
    expect(summary!.estimatedCostPerEpochUsd).toBeCloseTo((summary!.tokens / 1e6) * 3, 2)
  })

  it('the summary before writing matches what is written', async () => {
    const q = query({ format: 'openai-jsonl', split: 0.8 })
    const before = await svc.preview(q)
    const { summary } = await svc.write(q, 'job-openai-2', out('same.jsonl'))
    expect({ ...summary!, files: [] }).toEqual({ ...before, files: [] })
    expect(summary!.files.map((f) => [f.role, f.name, f.examples])).toEqual([
      ['train', 'same.jsonl', summary!.train],
      ['validation', 'same.validation.jsonl', summary!.validation],
    ])
    expect(lines(out('same.jsonl')).length).toBe(summary!.train)
    expect(lines(out('same.validation.jsonl')).length).toBe(summary!.validation)
  })

  it('adds the system prompt of the pair language when set', async () => {
    svc.updateSettings({ systemPrompt: { ru: 'Ты — служба поддержки.', en: 'You are support.' } })
    try {
      const file = out('system.jsonl')
      await svc.write(query({ format: 'openai-jsonl', language: 'ru' }), 'job-sys-1', file)
      const first = JSON.parse(lines(file)[0]!) as {
        messages: Array<{ role: string; content: string }>
      }
      expect(first.messages[0]).toEqual({ role: 'system', content: 'Ты — служба поддержки.' })
    } finally {
      svc.updateSettings({ systemPrompt: { ru: '', en: '' } })
    }
  })

  it('refuses to write fewer examples than OpenAI accepts, leaving no file', async () => {
    const file = out('few.jsonl')
    const q = query({ format: 'openai-jsonl', ids: [ids.edited, ids.pii] })
    expect((await svc.preview(q)).problems).toEqual(['too_few_examples'])
    await expect(svc.write(q, 'job-few-1', file)).rejects.toMatchObject({ code: 'bad_request' })
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('few'))).toEqual([])
  })
})

describe('train/validation split', () => {
  it('never puts one thread in both files, and gives the same files every time', async () => {
    const q = query({ format: 'jsonl', split: 0.7 })
    await svc.write(q, 'job-split-1', out('a.jsonl'))
    await svc.write(q, 'job-split-2', out('b.jsonl'))
    const threads = (file: string) =>
      new Set(
        lines(file).map((l) => {
          const r = JSON.parse(l) as { account: string; thread_id: string }
          return `${r.account} ${r.thread_id}`
        }),
      )
    const train = threads(out('a.jsonl'))
    const valid = threads(validationPath(out('a.jsonl')))
    expect(train.size).toBeGreaterThan(0)
    expect(valid.size).toBeGreaterThan(0)
    expect([...train].filter((t) => valid.has(t))).toEqual([])
    expect(fs.readFileSync(out('b.jsonl'), 'utf8')).toBe(fs.readFileSync(out('a.jsonl'), 'utf8'))
    expect(fs.readFileSync(validationPath(out('b.jsonl')), 'utf8')).toBe(
      fs.readFileSync(validationPath(out('a.jsonl')), 'utf8'),
    )
  })
})

describe('redaction', () => {
  it('replaces addresses and phones by default and counts them; --no-redact keeps them', async () => {
    const q = query({ format: 'jsonl', ids: [ids.pii] })
    const { summary } = await svc.write(q, 'job-pii-1', out('pii.jsonl'))
    const text = fs.readFileSync(out('pii.jsonl'), 'utf8')
    expect(text).not.toContain('jane.doe@mail.example')
    expect(text).not.toContain('555-0134')
    expect(text).toContain('[email]')
    expect(summary!.redaction).toEqual({ enabled: true, email: 1, phone: 2, card: 0 })
    await svc.write({ ...q, redact: false }, 'job-pii-2', out('pii-raw.jsonl'))
    expect(fs.readFileSync(out('pii-raw.jsonl'), 'utf8')).toContain('jane.doe@mail.example')
  })
})

describe('the exported set', () => {
  it('is exactly the review list of the same filter', async () => {
    const review = createReviewService({ dbh, events: bus })
    const filter = { status: 'approved' as const, language: 'ru' as const, accountId: acc.ru }
    const listed: number[] = []
    let cursor: string | null = null
    do {
      const page = review.list({ ...filter, cursor, limit: 7 })
      listed.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    await svc.write(query({ format: 'jsonl', ...filter }), 'job-set-1', out('set.jsonl'))
    const exported = lines(out('set.jsonl')).map(
      (l) => (JSON.parse(l) as { pair_id: number }).pair_id,
    )
    expect(exported).toEqual(listed)
    expect(listed).toContain(ids.edited)
  })

  it('leaves rejected pairs out of "all" unless asked, and says how many', async () => {
    const q = query({ format: 'jsonl', status: 'all', language: 'ru', accountId: acc.ru })
    const without = await svc.preview(q)
    expect(without.rejectedLeftOut).toBe(1)
    const withRejected = await svc.preview({ ...q, includeRejected: true })
    expect(withRejected.examples).toBe(without.examples + 1)
  })
})

describe('CSV', () => {
  it('round-trips through a CSV parser with Cyrillic, quotes and line breaks intact', async () => {
    const file = out('pairs.csv')
    await svc.write(query({ format: 'csv', ids: [ids.ruApproved, ids.edited] }), 'job-csv-1', file)
    const bytes = fs.readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes, { bom: true, columns: true }) as Array<Record<string, string>>
    const byId = new Map(rows.map((r) => [Number(r.pair_id), r]))
    expect(byId.get(ids.ruApproved)).toMatchObject({
      subject: 'Счёт, "срочно"',
      client_text: 'Нужен счёт, с реквизитами;\nи поскорее, "пожалуйста".',
      reply_text: 'Счёт во вложении.',
      language: 'ru',
      account: 'help@magazin.example',
      client_edited: 'false',
    })
    expect(byId.get(ids.edited)).toMatchObject({
      reply_text: 'Посылка в пути, трек-номер в личном кабинете.',
      reply_edited: 'true',
    })
  })
})

describe('safe files', () => {
  it('a full disk mid-export leaves nothing under the final name and no temporary file', async () => {
    let written = 0
    const full = createExportService({
      dbh,
      events: bus,
      openStream: (tempPath) => {
        const fd = fs.openSync(tempPath, 'wx')
        return new Writable({
          write(chunk: Buffer, _enc, done) {
            written += chunk.length
            if (written > 2_000) {
              const e = Object.assign(new Error('ENOSPC: no space left on device'), {
                code: 'ENOSPC',
              })
              return done(e)
            }
            fs.writeSync(fd, chunk)
            done()
          },
          destroy(err, done) {
            fs.closeSync(fd)
            done(err)
          },
        })
      },
    })
    const file = out('full.jsonl')
    const error = await full
      .write(query({ format: 'openai-jsonl' }), 'job-full-1', file)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('db_disk_full')
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('full'))).toEqual([])
  })

  it('a cancelled export leaves no file and says so', async () => {
    const file = out('cancelled.csv')
    const unsubscribe = bus.subscribe((event, payload) => {
      if (event === 'export.progress') svc.cancel((payload as { jobId: string }).jobId)
    })
    try {
      await expect(
        svc.write(query({ format: 'csv', status: 'all' }), 'job-cancel-1', file),
      ).rejects.toMatchObject({ code: 'cancelled' })
    } finally {
      unsubscribe()
    }
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('cancelled'))).toEqual([])
  })
})
