// npm run bench:draft: time from "Draft" to the first streamed word, minus the model's own time
// to its first token, over a knowledge base of approved pairs with vectors (hybrid retrieval).
// The fake OpenAI waits --model-ms before its first word, as a model does; what is left is ours:
// the query's embedding round trip to the local fake, hybrid retrieval, the prompt, the stream
// and the event that carries the words to the window. Baseline in the same run: the same chat
// request sent straight through the SDK (no retrieval, no prompt building, no events).
//   npm run bench:draft -- [--pairs 20000] [--drafts 30] [--model-ms 300]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { seededDataDir } from '../tests/helpers/seed-pairs'
import { startFakeOpenAI } from '../tests/fakes/fake-openai/server'
import { startKbCore } from '../tests/helpers/kb-core'
import { apiCalls, dispatcherOf } from '../tests/helpers/api-calls'
import { fmt, pct } from './bench-kit'

const TARGET_MS = 150

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string', default: '20000' },
      drafts: { type: 'string', default: '30' },
      'model-ms': { type: 'string', default: '300' },
    },
  })
  const n = Number(values.pairs)
  const drafts = Number(values.drafts)
  const modelMs = Number(values['model-ms'])
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-draft-'))
  const fake = await startFakeOpenAI({ firstTokenDelayMs: modelMs, tokenIntervalMs: 5 })
  process.stderr.write(`seeding ${n.toLocaleString('en-US')} approved pairs…\n`)
  seededDataDir(dir, n, { status: 'approved', seed: 31 })
  const core = await startKbCore({ dataDir: dir, openai: fake, transport: 'cli' })
  const dispatch = dispatcherOf(core)
  const { value: must } = apiCalls(() => dispatch)
  try {
    process.stderr.write('embedding the approved pairs through the fake…\n')
    await must('kb.embed', {})
    const texts = (
      core.dbh.sqlite
        .prepare(`SELECT client_text AS t FROM training_pairs ORDER BY id LIMIT ?`)
        .all(drafts + 1) as Array<{ t: string }>
    ).map((r, i) => `${r.t} (${i})`)

    // Baseline: the model's answer alone, straight through the SDK.
    const conn = (await core.ai.connect({ timeoutMs: 60_000, maxRetries: 0 }))!
    const direct: number[] = []
    for (const text of texts) {
      const t0 = performance.now()
      const stream = await conn.api.chat.completions.create({
        model: conn.model,
        messages: [{ role: 'user', content: text }],
        stream: true,
      })
      let first = 0
      for await (const chunk of stream) {
        if (!first && chunk.choices[0]?.delta?.content) first = performance.now() - t0
      }
      direct.push(first - modelMs)
    }

    const ours: number[] = []
    const sourcesAt: number[] = []
    for (const [i, text] of texts.entries()) {
      const streamId = `bench-${i}`
      let t0 = 0
      let firstWord = 0
      let sources = 0
      const off = core.events.subscribe((name, payload) => {
        if ((payload as { streamId?: string }).streamId !== streamId) return
        if (name === 'ai.draft.sources' && !sources) sources = performance.now() - t0
        if (name === 'ai.draft.delta' && !firstWord) firstWord = performance.now() - t0
      })
      t0 = performance.now()
      await must('ai.draft', { text, streamId })
      off()
      // The first draft warms the caches (sign-bit index, statements); it is not counted.
      if (i === 0) continue
      ours.push(firstWord - modelMs)
      sourcesAt.push(sources)
    }
    const mode = ((await must('kb.search', { text: texts[0], k: 5 })) as { mode: string }).mode
    const ok = pct(ours, 95) < TARGET_MS ? 'ok  ' : 'MISS'
    process.stdout.write(
      [
        `bench:draft: ${n.toLocaleString('en-US')} approved pairs with vectors (retrieval: ${mode}), ${drafts} drafts, the model's first token after ${modelMs} ms, 2 cores`,
        `  SDK alone, first word minus the model (baseline)   ${fmt(direct)}`,
        `  sources on screen (event), from "Draft"            ${fmt(sourcesAt)}`,
        `  ${ok} "Draft" to the first word, minus the model   ${fmt(ours)} (target < ${TARGET_MS} ms; ${(pct(ours, 50) - pct(direct, 50)).toFixed(1)} ms more than the SDK alone at p50)`,
        '',
      ].join('\n'),
    )
  } finally {
    await core.close()
    await fake.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
