// Exact-match accuracy of the reply cleaner on the labelled corpus, next to the
// email-reply-parser baseline when that package is installed, plus cleaning throughput.
//   npx tsx scripts/cleaning-accuracy.ts [--failures] [--lang en|ru]
import { cleanReplyText } from '../src-main/core/cleaning/clean-text'
import {
  loadCorpus,
  percent,
  scoreCorpus,
  type CorpusLang,
  type Score,
  type Tally,
} from '../tests/fixtures/cleaning/corpus'
import { loadReplyParserBaseline } from './reply-parser-baseline'

const pct = (t: Tally | undefined): string => (t ? `${percent(t).toFixed(1)}%` : '-')
const pad = (s: string, n: number): string => s.padEnd(n)
const lpad = (s: string, n: number): string => s.padStart(n)

function printTable(ours: Score, baseline: Score | null): void {
  const head = `${pad('style', 24)}${lpad('cases', 7)}${lpad('ours', 9)}${lpad('baseline', 10)}`
  console.log(head)
  console.log('-'.repeat(head.length))
  const row = (label: string, a: Tally | undefined, b: Tally | undefined): void =>
    console.log(
      `${pad(label, 24)}${lpad(String(a?.total ?? 0), 7)}${lpad(pct(a), 9)}${lpad(baseline ? pct(b) : 'n/a', 10)}`,
    )
  for (const key of [...ours.byStyle.keys()].sort()) {
    row(key, ours.byStyle.get(key), baseline?.byStyle.get(key))
  }
  console.log('-'.repeat(head.length))
  for (const lang of [...ours.byLang.keys()].sort()) {
    row(`all ${lang}`, ours.byLang.get(lang), baseline?.byLang.get(lang))
  }
  row('overall', ours.overall, baseline?.overall)
}

function throughput(inputs: readonly string[]): { perSecond: number; microsPerMessage: number } {
  for (const text of inputs) cleanReplyText(text) // warm-up: JIT and regex compilation
  const rounds = Math.max(1, Math.ceil(20_000 / inputs.length))
  const start = process.hrtime.bigint()
  for (let r = 0; r < rounds; r++) for (const text of inputs) cleanReplyText(text)
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const count = rounds * inputs.length
  return { perSecond: count / seconds, microsPerMessage: (seconds * 1e6) / count }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const langArg = args[args.indexOf('--lang') + 1]
  const langs: CorpusLang[] =
    args.includes('--lang') && (langArg === 'en' || langArg === 'ru') ? [langArg] : ['en', 'ru']
  const cases = loadCorpus(langs)
  const ours = scoreCorpus(cases, (text) => cleanReplyText(text).text)
  const baselineClean = await loadReplyParserBaseline()
  const baseline = baselineClean ? scoreCorpus(cases, baselineClean) : null

  console.log(
    `Reply cleaning accuracy: exact match after whitespace normalisation, ${cases.length} cases`,
  )
  console.log(
    baseline
      ? 'baseline: email-reply-parser (new EmailReplyParser().read(text).getVisibleText())'
      : 'baseline: email-reply-parser not installed (baseline column shows n/a)',
  )
  console.log('')
  printTable(ours, baseline)
  const speed = throughput(cases.map((c) => c.input))
  console.log('')
  console.log(
    `throughput: ${Math.round(speed.perSecond).toLocaleString('en-US')} messages/s ` +
      `(${speed.microsPerMessage.toFixed(1)} µs per message, corpus inputs)`,
  )

  if (args.includes('--failures')) {
    for (const f of ours.failures) {
      console.log(
        `\n=== ${f.id} (${f.style})\n--- expected\n${f.expected}\n--- actual\n${f.actual}`,
      )
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
