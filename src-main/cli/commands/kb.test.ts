// `similar`, `draft` and `settings ai` through the built command line against the fake OpenAI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import path from 'node:path'
import { runCli, spawnCli } from '../../../tests/helpers/cli'
import { startKeychainOpenAI, type KeychainOpenAI } from '../../../tests/helpers/openai-keychain'
import { tempDir, testKeychainService } from '../../../tests/helpers/temp'
import { seededDataDir } from '../../../tests/helpers/seed-pairs'
import { FAKE_OPENAI_KEY, type FakeOpenAI } from '../../../tests/fakes/fake-openai/server'

const tmp = tempDir()
const service = testKeychainService()
let openai: KeychainOpenAI
let fake: FakeOpenAI
let env: Record<string, string>
const cli = (args: string[], stdin?: string) => runCli(args, env, stdin)

beforeAll(async () => {
  openai = await startKeychainOpenAI(service)
  fake = openai.fake
  seededDataDir(tmp.dir, 40, { seed: 5, status: 'approved' })
  env = { REPLYBASE_DATA_DIR: tmp.dir, ...openai.env }
  expect((await cli(['settings', 'openai', '--api-key-stdin'], FAKE_OPENAI_KEY)).code).toBe(0)
})
afterAll(async () => {
  await openai?.stop()
  tmp.cleanup()
})

describe('cli similar, draft and settings ai', () => {
  it('finds similar approved pairs offline, best first', async () => {
    fake.set({ mode: 'offline' })
    try {
      const r = await cli(['similar', 'refund order delivery', '--limit', '3', '--json'])
      expect(r.code).toBe(0)
      const found = JSON.parse(r.stdout) as Array<{ id: number; score: number }>
      expect(found.length).toBeGreaterThan(0)
      expect(found.length).toBeLessThanOrEqual(3)
      expect(found.map((f) => f.score)).toEqual(found.map((f) => f.score).sort((a, b) => b - a))
      expect(fake.requests).toEqual([])
      expect((await cli(['similar', 'x', '--limit', '99'])).code).toBe(2)
    } finally {
      fake.set({ mode: 'ok' })
    }
  })

  it('refuses to draft while AI is off, then drafts with its sources once it is on', async () => {
    const off = await cli(['draft', 'Where is my refund for the order?'])
    expect(off.code).not.toBe(0)
    expect(off.stderr).toMatch(/AI features are off/)
    expect(fake.requests.filter((r) => r.path.includes('chat'))).toEqual([])

    const on = await cli(['settings', 'ai', '--on', '--json'])
    expect(JSON.parse(on.stdout)).toEqual({
      aiEnabled: true,
      aiRedact: true,
      sendsTo: fake.baseUrl,
    })
    const r = await cli(
      ['draft', '-', '--json'],
      'Where is my refund for the order? mail me: a.b@c.com',
    )
    expect(r.code).toBe(0)
    const draft = JSON.parse(r.stdout) as { text: string; examples: Array<{ id: number }> }
    expect(draft.text).toMatch(/^Thank you for your message/)
    expect(draft.examples.length).toBeGreaterThan(0)
    expect(JSON.stringify(fake.requests)).not.toContain('a.b@c.com')

    const plain = await cli(['draft', 'Where is my refund for the order?'])
    expect(plain.stdout).toMatch(/^Thank you for your message/)
    expect(plain.stderr).toMatch(/Sources:\n#\d+/)
  })

  it('drafts for a synced message named by its Gmail id, printing the words as they come', async () => {
    const db = new Database(path.join(tmp.dir, 'replybase.db'), { readonly: true })
    const { gmailId } = db
      .prepare(
        `SELECT m.external_id AS gmailId FROM training_pairs p
         JOIN messages m ON m.id = p.client_message_id ORDER BY p.id LIMIT 1`,
      )
      .get() as { gmailId: string }
    db.close()
    fake.set({ tokenIntervalMs: 80 })
    try {
      const child = spawnCli(['draft', '--message', gmailId], env)
      const started = performance.now()
      let firstOut = 0
      let stdout = ''
      let stderr = ''
      child.stdout!.on('data', (c) => {
        firstOut ||= performance.now()
        stdout += c
      })
      child.stderr!.on('data', (c) => (stderr += c))
      const code = await new Promise<number | null>((r) => child.on('close', r))
      const ended = performance.now()
      expect(code).toBe(0)
      // About 15 words 80 ms apart: the first were on screen well before the last.
      expect(ended - firstOut).toBeGreaterThan(600)
      expect(firstOut - started).toBeGreaterThan(0)
      expect(stdout).toMatch(/^Thank you for your message\. \[fake [^\]]+\] Re: .+\n$/)
      expect(stdout.match(/Thank you/g)).toHaveLength(1)
      expect(stderr).toMatch(
        /Draft #\d+: model gpt-4\.1-mini, 100 \+ 20 tokens, reply in \w+\. Sources:\n#\d+/,
      )
    } finally {
      fake.set({ tokenIntervalMs: 0 })
    }
    const unknown = await cli(['draft', '--message', 'ffffffffffffffff'])
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toMatch(/not in the knowledge base/)
    expect((await cli(['draft', '--message', gmailId, '--text', 'x'])).code).toBe(2)
  })

  it('embeds the approved pairs with progress on stderr, then searches both ways', async () => {
    const before = JSON.parse((await cli(['kb', 'status', '--json'])).stdout) as {
      approved: number
      pending: number
    }
    expect(before.pending).toBe(before.approved)
    const requestsBefore = fake.requests.length
    const estimate = await cli(['kb', 'estimate'])
    expect(estimate.stdout).toMatch(
      new RegExp(
        `^kb embed would send ${before.approved} client texts to text-embedding-3-small: \\d+ tokens, about \\$0\\.\\d{4}\\.`,
      ),
    )
    expect(fake.requests.length).toBe(requestsBefore)
    const run = await cli(['kb', 'embed'])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(new RegExp(`embedded ${before.approved} of ${before.approved}`))
    expect(run.stdout).toMatch(new RegExp(`Embedded ${before.approved} pairs in 1 requests`))
    const found = await cli(['kb', 'search', 'refund order', '--k', '3', '--json'])
    const r = JSON.parse(found.stdout) as { mode: string; hits: Array<{ retrievers: string[] }> }
    expect(r.mode).toBe('hybrid')
    expect(r.hits).toHaveLength(3)
    expect(r.hits.some((h) => h.retrievers.includes('vector'))).toBe(true)
    expect((await cli(['settings', 'ai', '--off'])).stdout).toMatch(/AI features: off/)
    const off = await cli(['kb', 'search', 'refund order'])
    expect(off.stderr).toMatch(/Full text only \(ai_off\)/)
    expect(off.stdout).toMatch(/^#\d+ .*\[fulltext\]/m)
  })
})
