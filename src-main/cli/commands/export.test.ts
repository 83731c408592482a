import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open-database'
import { sourceMigrationsFolder } from '../../core/paths'
import { checkExample } from '../../core/export/openai-rules'
import {
  loadTokenCounter,
  type ChatMessage,
  type TokenCounter,
} from '../../core/export/fine-tune-models'
import { runCli } from '../../../tests/helpers/cli'
import { seedPairs } from '../../../tests/helpers/seed-pairs'
import { tempDir, testKeychainService } from '../../../tests/helpers/temp'
import { requireKeychain } from '../../../tests/helpers/keychain'

const tmp = tempDir()
let tok: TokenCounter
const env = { REPLYBASE_DATA_DIR: tmp.dir, REPLYBASE_KEYCHAIN_SERVICE: testKeychainService() }
const outDir = path.join(tmp.dir, 'out')
const RU = 'help@magazin.example'

beforeAll(async () => {
  tok = await loadTokenCounter()
  await requireKeychain()
  const dbh = openDatabase(tmp.dir, sourceMigrationsFolder())
  // 6,000 pairs, ~15% approved, on two accounts (the second mostly Russian).
  seedPairs(dbh, 6_000, { accounts: ['support@shop.example', RU], ruShare: 0.5, seed: 3 })
  dbh.close()
  fs.mkdirSync(outDir)
})
afterAll(() => tmp.cleanup())

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)

describe('cli export', () => {
  it('writes a checked fine-tuning file with a validation file beside it, as the summary says', async () => {
    const file = path.join(outDir, 'ru.jsonl')
    const r = await runCli(
      [
        'export',
        '--format',
        'openai-jsonl',
        '--out',
        file,
        '--status',
        'approved',
        '--language',
        'ru',
        '--account',
        RU,
        '--split',
        '0.8',
        '--json',
      ],
      env,
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const summary = JSON.parse(r.stdout) as {
      train: number
      validation: number
      tokens: number
      files: Array<{ role: string; path: string; examples: number }>
    }
    expect(summary.files.map((f) => [f.role, f.path])).toEqual([
      ['train', file],
      ['validation', path.join(outDir, 'ru.validation.jsonl')],
    ])
    let tokens = 0
    for (const f of summary.files) {
      const examples = lines(f.path).map((l) => JSON.parse(l) as { messages: ChatMessage[] })
      expect(examples).toHaveLength(f.examples)
      for (const ex of examples) {
        const t = tok.chat(ex.messages)
        tokens += t
        expect(checkExample(ex, t, 65_536)).toBeNull()
      }
    }
    expect(summary.train).toBeGreaterThan(100)
    expect(summary.validation).toBeGreaterThan(0)
    expect(tokens).toBe(summary.tokens)
  })

  it('exports exactly the pairs `pairs list` shows for the same filter', async () => {
    const list = await runCli(
      ['pairs', 'list', '--json', '--status', 'approved', '--account', RU],
      env,
    )
    const listed = (JSON.parse(list.stdout) as Array<{ id: number }>)
      .map((p) => p.id)
      .sort((a, b) => a - b)
    const file = path.join(outDir, 'approved.csv')
    const r = await runCli(
      ['export', '--format', 'jsonl', '--out', file.replace(/csv$/, 'jsonl'), '--account', RU],
      env,
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Wrote [\d,]+ pairs to .*approved\.jsonl/)
    expect(r.stdout).toMatch(/Redacted: \d+ e-mail addresses/)
    const exported = lines(file.replace(/csv$/, 'jsonl'))
      .map((l) => (JSON.parse(l) as { pair_id: number }).pair_id)
      .sort((a, b) => a - b)
    expect(exported).toEqual(listed)
  })

  it('keeps the system prompts and the model as settings the next export uses', async () => {
    const set = await runCli(
      [
        'export',
        'settings',
        '--system-prompt-ru',
        'Ты — служба поддержки.',
        '--model',
        'gpt-4.1-mini-2025-04-14',
        '--json',
      ],
      env,
    )
    expect(set.code).toBe(0)
    expect(JSON.parse(set.stdout)).toEqual({
      redact: true,
      model: 'gpt-4.1-mini-2025-04-14',
      systemPrompt: { en: '', ru: 'Ты — служба поддержки.' },
    })
    const file = path.join(outDir, 'prompted.jsonl')
    const r = await runCli(
      ['export', '--format', 'openai-jsonl', '--out', file, '--language', 'ru', '--account', RU],
      env,
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/estimated cost per epoch on gpt-4\.1-mini-2025-04-14/)
    for (const l of lines(file)) {
      expect((JSON.parse(l) as { messages: ChatMessage[] }).messages[0]).toEqual({
        role: 'system',
        content: 'Ты — служба поддержки.',
      })
    }
    await runCli(
      ['export', 'settings', '--system-prompt-ru', '', '--model', 'gpt-4o-mini-2024-07-18'],
      env,
    )
  })

  it('refuses bad usage with the usage line', async () => {
    for (const args of [
      ['export', '--out', 'x.jsonl'],
      ['export', '--format', 'xml', '--out', 'x.jsonl'],
      ['export', '--format', 'csv'],
      ['export', '--format', 'csv', '--out', 'x.csv', '--language', 'deutsch'],
      ['export', 'settings', '--redact', 'maybe'],
    ]) {
      const r = await runCli(args, env)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/Usage: replybase export/)
    }
  })
})

describe('cli bulk review by filter', () => {
  it('says how many pairs a filter would change, and changes them only with --yes', async () => {
    const count = async () =>
      (
        JSON.parse(
          (await runCli(['pairs', 'list', '--json', '--status', 'approved'], env)).stdout,
        ) as unknown[]
      ).length
    const before = await count()
    const dry = await runCli(['pairs', 'approve', '--status', 'new'], env)
    expect(dry.code).toBe(0)
    const would = Number(
      /^([\d,]+) pairs of this filter would be set to approved/
        .exec(dry.stdout)?.[1]
        ?.replace(/,/g, ''),
    )
    expect(would).toBeGreaterThan(4_000)
    expect(dry.stdout).toMatch(/--yes/)
    expect(await count()).toBe(before)
    const done = await runCli(['pairs', 'approve', '--status', 'new', '--yes', '--json'], env)
    expect(JSON.parse(done.stdout)).toMatchObject({
      status: 'approved',
      matched: would,
      updated: would,
    })
    expect(await count()).toBe(before + would)
    const reset = await runCli(
      ['pairs', 'reset', '--language', 'ru', '--account', RU, '--since', '2026-01-01', '--yes'],
      env,
    )
    expect(reset.stdout).toMatch(/^[\d,]+ pairs? set to new\.$/m)
  })

  it('refuses ids and filters together', async () => {
    const r = await runCli(['pairs', 'reject', '1', '--language', 'ru'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/ids or filters, not both/)
  })
})
