// npm run bench:export: 100,000 approved pairs written as OpenAI fine-tuning JSONL with the
// format checks, token counting, duplicates and a 0.9 split, by the built command line exactly
// as a cron job runs it (`replybase export`). Prints the time and the peak resident memory of
// that process beside the targets (under 15 s, under 200 MB) and, as the baseline of the same
// run, `replybase pairs list --json` over the same pairs (reading and printing them only).
//   npm run bench:export -- [--pairs 100000] [--format openai-jsonl|csv|jsonl]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { seededDataDir } from '../tests/helpers/seed-pairs'

const ROOT = path.resolve(__dirname, '..')
const CLI = path.join(ROOT, 'out', 'main', 'cli.js')
const RSS = path.join(__dirname, 'bench-rss.cjs')
const TARGET_SECONDS = 15
const TARGET_MB = 200

interface Run {
  seconds: number
  peakMb: number
  stdout: string
}

/** One CLI command in its own process, timed, with its peak memory read from fd 3. */
function runCli(args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, ['--require', RSS, CLI, ...args], {
      env: { ...process.env, REPLYBASE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    })
    let stdout = ''
    let report = ''
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stdio[3]!.on('data', (c: Buffer) => (report += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000
      if (code !== 0) return reject(new Error(`replybase ${args[0]} exited with ${code}`))
      const { maxRssKb } = JSON.parse(report) as { maxRssKb: number }
      resolve({ seconds, peakMb: maxRssKb / 1024, stdout })
    })
  })
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string', default: '100000' },
      format: { type: 'string', default: 'openai-jsonl' },
    },
  })
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`)
  const n = Number(values.pairs)
  const format = values.format!
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-export-'))
  try {
    process.stderr.write(
      `seeding ${n.toLocaleString('en-US')} approved pairs (cached after the first run)…\n`,
    )
    seededDataDir(dataDir, n, { status: 'approved', seed: 11 })
    const out = path.join(dataDir, format === 'csv' ? 'bench.csv' : 'bench.jsonl')
    const exp = await runCli(
      [
        'export',
        '--format',
        format,
        '--out',
        out,
        '--status',
        'approved',
        '--split',
        '0.9',
        '--json',
      ],
      dataDir,
    )
    const base = await runCli(['pairs', 'list', '--status', 'approved', '--json'], dataDir)
    const s = JSON.parse(exp.stdout) as {
      examples: number
      duplicatesRemoved: number
      tokens: number
      files: Array<{ path: string }>
    }
    const mb = s.files.reduce((t, f) => t + fs.statSync(f.path).size, 0) / 1e6
    const mark = (ok: boolean): string => (ok ? 'ok' : 'OVER')
    const fmt = (x: number): string => x.toLocaleString('en-US')
    console.log(`bench:export: ${fmt(n)} pairs to ${format}, split 0.9, ${os.cpus().length} cores`)
    console.log(
      `  written          ${fmt(s.examples)} examples (${fmt(s.duplicatesRemoved)} duplicates removed), ${fmt(s.tokens)} tokens, ${mb.toFixed(1)} MB`,
    )
    console.log(
      `  time             ${exp.seconds.toFixed(2)} s    target < ${TARGET_SECONDS} s    ${mark(exp.seconds < TARGET_SECONDS)}`,
    )
    console.log(
      `  peak memory      ${exp.peakMb.toFixed(0)} MB    target < ${TARGET_MB} MB    ${mark(exp.peakMb < TARGET_MB)}`,
    )
    console.log(
      `  baseline         pairs list --json of the same pairs: ${base.seconds.toFixed(2)} s, ${base.peakMb.toFixed(0)} MB (export = ${(exp.seconds / base.seconds).toFixed(1)}× its time)`,
    )
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
