// npm run bench:cli: the built command line (out/main/cli.js) started by `node` directly, as an
// admin's cron job would, against the fake Gmail server. Wall times include process start; an
// empty `node -e 0` measured in the same run shows what the machine charges for that alone.
//   tsx scripts/bench-cli.ts [--messages 20000] [--quota-messages 2000] [--runs 10]
// BENCH_KEEP=1 keeps the data folders (and their accounts) for a closer look.
// Needs `npm run build` first and a keychain (npm run bench:cli starts a private one).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { followAuthUrl } from '../tests/helpers/connect-test-kit'
import { control, envFor, pct, startFake, type FakeInfo } from './bench-kit'

const ROOT = path.resolve(__dirname, '..')
const CLI = path.join(ROOT, 'out', 'main', 'cli.js')

interface Run {
  code: number | null
  ms: number
  stdout: string
  stderr: string
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  onStdout?: (text: string) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8')
      onStdout?.(stdout)
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, ms: performance.now() - started, stdout, stderr }))
  })
}

const cli = (args: string[], env: NodeJS.ProcessEnv, onStdout?: (t: string) => void) =>
  run([CLI, ...args], env, onStdout)

const median = (values: number[]): number => pct(values, 50)

async function timed(times: number, once: () => Promise<Run>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < times; i++) {
    const r = await once()
    if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr.slice(0, 400)}`)
    out.push(r.ms)
  }
  return out
}

/** `connect gmail --no-browser`, with the printed URL followed as a browser would. */
async function connect(info: FakeInfo, env: NodeJS.ProcessEnv, email: string): Promise<void> {
  await control(info, 'setNextAuth', { mode: 'approve', account: email })
  let followed = false
  const r = await cli(['connect', 'gmail', '--no-browser', '--timeout', '60'], env, (out) => {
    const url = out.split('\n').find((l) => l.startsWith('http'))
    if (url && !followed) {
      followed = true
      void followAuthUrl(url).catch(() => undefined)
    }
  })
  if (r.code !== 0) throw new Error(`connect: ${r.stderr}`)
}

const rows: string[] = []
function report(figure: string, value: string, target: string, ok: boolean): void {
  rows.push(`| ${figure} | ${value} | ${target} | ${ok ? 'met' : 'MISSED'} |`)
  process.stderr.write(`  ${ok ? 'ok  ' : 'MISS'} ${figure}: ${value} (target ${target})\n`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '20000' },
      'quota-messages': { type: 'string', default: '2000' },
      runs: { type: 'string', default: '10' },
    },
  })
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`)
  const runs = Number(values.runs)
  const { child, info } = await startFake()
  const dirs: string[] = []
  const connected: Array<[string, NodeJS.ProcessEnv]> = []
  try {
    const node = await timed(runs, () => run(['-e', '0'], process.env))
    process.stderr.write(`node -e 0 (process start alone): median ${median(node).toFixed(0)} ms\n`)

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-cli-'))
    dirs.push(dir)
    const env = {
      ...envFor(info, dir, 0),
      REPLYBASE_KEYCHAIN_SERVICE: `ReplyBase-bench-${process.pid}`,
    }
    const own = 'support@acme.example'
    process.stderr.write(`generating ${values.messages} messages and syncing them once...\n`)
    await control(info, 'generate', {
      email: own,
      seed: 1,
      messages: Number(values.messages),
      days: 170,
    })
    await connect(info, env, own)
    connected.push([own, env])
    const first = await cli(['sync'], env)
    if (first.code !== 0) throw new Error(`first sync: ${first.stderr}`)

    const status = await timed(runs, () => cli(['status'], env))
    report(
      '`status`, wall from spawn to exit',
      `${median(status).toFixed(0)} ms median of ${runs} (node -e 0: ${median(node).toFixed(0)} ms)`,
      '< 300 ms',
      median(status) < 300,
    )
    const noChange = await timed(Math.max(3, Math.floor(runs / 2)), () => cli(['sync'], env))
    report(
      `\`sync\` with nothing new (${values.messages}-message mailbox)`,
      `${median(noChange).toFixed(0)} ms median of ${noChange.length}`,
      '< 500 ms',
      median(noChange) < 500,
    )

    // Gmail's own pace (250 units/s per user) with 40 +- 20 ms latency; the whole process counts.
    const qdir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-cli-'))
    dirs.push(qdir)
    const qenv = {
      ...envFor(info, qdir, 250),
      REPLYBASE_KEYCHAIN_SERVICE: env.REPLYBASE_KEYCHAIN_SERVICE,
    }
    const qown = 'quota@acme.example'
    await control(info, 'generate', {
      email: qown,
      seed: 2,
      messages: Number(values['quota-messages']),
      days: 170,
    })
    await connect(info, qenv, qown)
    connected.push([qown, qenv])
    await control(info, 'setQuota', { quotaUnitsPerSecond: 250, quotaStyle: '429' })
    await control(info, 'setFaults', { latencyMs: 20, latencyJitterMs: 40 })
    await control(info, 'resetStats', {})
    const q = await cli(['sync', '--json'], qenv)
    if (q.code !== 0) throw new Error(`quota-bound sync: ${q.stderr}`)
    const stats = await control<{ unitsByUser: Record<string, number>; rateLimited: number }>(
      info,
      'stats',
      {},
    )
    const units = stats.unitsByUser[qown] ?? 0
    const share = units / (q.ms / 1000) / 250
    report(
      `quota-bound \`sync\` (${values['quota-messages']} messages, 250 units/s, 40 +- 20 ms)`,
      `${(share * 100).toFixed(1)}% of the ceiling from process start to exit (${(q.ms / 1000).toFixed(1)} s, ${units} units, ${stats.rateLimited} rate-limit answers)`,
      '>= 90%, almost no 429',
      share >= 0.9,
    )
    process.stdout.write(
      `\n| figure | measured | target | |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`,
    )
  } finally {
    // The keychain entries go with the accounts (the session's own keychain may be in use).
    await control(info, 'setFaults', { latencyMs: 0, latencyJitterMs: 0 }).catch(() => undefined)
    if (!process.env.BENCH_KEEP) {
      for (const [email, e] of connected) await cli(['disconnect', email], e).catch(() => undefined)
    }
    child.kill('SIGTERM')
    if (process.env.BENCH_KEEP) process.stderr.write(`kept: ${dirs.join(' ')}\n`)
    else for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-cli: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
