// Exact match (text equal after trimming) of cleanReplyText and of email-reply-parser on the
// held-out sets, per language and per quote-header family, and on the generated corpora.
// Prints markdown tables, the form docs/cleaning.md records them in.
//   npm run bench:cleaning [-- --failures] [-- --baseline-failures]
import { cleanReplyText } from '../src-main/core/cleaning/clean-text'
import {
  loadCorpus,
  percent,
  sameText,
  sameTrimmed,
  type LabelledCase,
  type Tally,
} from '../tests/fixtures/cleaning/corpus'
import { loadHeldOut, MAIN_LANGS } from '../tests/fixtures/cleaning/held-out'
import { loadReplyParserBaseline, type Cleaner } from './reply-parser-baseline'

interface Run {
  ok: boolean[]
  actual: string[]
}

type Same = (actual: string, expected: string) => boolean

function run(cases: readonly LabelledCase[], clean: Cleaner, same: Same = sameTrimmed): Run {
  const actual = cases.map((c) => clean(c.input))
  return { actual, ok: actual.map((a, i) => same(a, cases[i]?.expected ?? '')) }
}

function tallyBy(
  cases: readonly LabelledCase[],
  ok: readonly boolean[],
  key: (c: LabelledCase) => string | null,
): Map<string, Tally> {
  const out = new Map<string, Tally>()
  cases.forEach((c, i) => {
    const k = key(c)
    if (k === null) return
    const t = out.get(k) ?? { total: 0, correct: 0 }
    t.total++
    if (ok[i] === true) t.correct++
    out.set(k, t)
  })
  return out
}

const fmt = (t: Tally | undefined): string =>
  t ? `${t.correct}/${t.total} (${(percent(t) / 100).toFixed(2)})` : '-'

function table(
  title: string,
  label: string,
  cases: readonly LabelledCase[],
  ours: Run,
  baseline: Run | null,
  key: (c: LabelledCase) => string | null,
  order?: (a: string, b: string) => number,
): void {
  const mine = tallyBy(cases, ours.ok, key)
  const theirs = baseline ? tallyBy(cases, baseline.ok, key) : null
  console.log(`\n${title}\n`)
  console.log(`| ${label} | cases | ours | email-reply-parser |`)
  console.log('| --- | --- | --- | --- |')
  for (const k of [...mine.keys()].sort(order)) {
    const t = mine.get(k)
    console.log(`| ${k} | ${t?.total ?? 0} | ${fmt(t)} | ${theirs ? fmt(theirs.get(k)) : 'n/a'} |`)
  }
}

// Languages first in the order en, ru, then the others alphabetically, then the aggregates.
const LANG_ORDER = (a: string, b: string): number => {
  const rank = (s: string): string =>
    s === 'en' ? '0' : s === 'ru' ? '1' : s.startsWith('all') ? `3${s}` : `2${s}`
  return rank(a).localeCompare(rank(b))
}

function languageTables(
  title: string,
  cases: readonly LabelledCase[],
  ours: Run,
  baseline: Run | null,
): void {
  const withGroups = (c: LabelledCase): string => c.lang
  table(title, 'language', cases, ours, baseline, withGroups, LANG_ORDER)
  const groups = (c: LabelledCase): string | null =>
    MAIN_LANGS.includes(c.lang) ? null : 'all other languages'
  const mine = tallyBy(cases, ours.ok, groups).get('all other languages')
  const theirs = baseline ? tallyBy(cases, baseline.ok, groups).get('all other languages') : null
  if (mine)
    console.log(
      `| all other languages | ${mine.total} | ${fmt(mine)} | ${theirs ? fmt(theirs) : 'n/a'} |`,
    )
  const all = tallyBy(cases, ours.ok, () => 'all')
  const allBase = baseline ? tallyBy(cases, baseline.ok, () => 'all') : null
  console.log(
    `| overall | ${cases.length} | ${fmt(all.get('all'))} | ${allBase ? fmt(allBase.get('all')) : 'n/a'} |`,
  )
}

function printFailures(cases: readonly LabelledCase[], r: Run, who: string): void {
  cases.forEach((c, i) => {
    if (r.ok[i] === true) return
    console.log(
      `\n=== ${who}: ${c.id} (${c.lang}/${c.style})\n--- expected\n${c.expected}\n--- actual\n${r.actual[i] ?? ''}`,
    )
  })
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const baselineClean = await loadReplyParserBaseline()
  const ours: Cleaner = (text) => cleanReplyText(text).text
  console.log('Exact match: cleaned text equal to the label after trimming.')
  console.log(
    baselineClean
      ? 'email-reply-parser: new EmailReplyParser().read(text).getVisibleText()'
      : 'email-reply-parser is not installed: its column shows n/a',
  )

  const heldOut = loadHeldOut()
  const hOurs = run(heldOut, ours)
  const hBase = baselineClean ? run(heldOut, baselineClean) : null
  languageTables(`Held-out sets (${heldOut.length} cases), per language`, heldOut, hOurs, hBase)
  table('Held-out sets, per family', 'family', heldOut, hOurs, hBase, (c) => c.style)
  // Batches are labelled at different times: ids "ho-…" first, "ho2-…" after the rules for the
  // first batch were written, so each batch's figure before its own rule changes is held-out.
  const batch = (c: LabelledCase): string => {
    const prefix = c.id.split('-')[0] ?? ''
    const group = MAIN_LANGS.includes(c.lang) ? c.lang : 'other languages'
    return `${prefix} ${group}`
  }
  table('Held-out sets, per labelling batch', 'batch', heldOut, hOurs, hBase, batch)
  // The courtesy-close and signature set ("sc-…") shares style names with the quote sets
  // ("courtesy-close"), so the family table mixes them; this one reads it alone.
  const scStyle = (c: LabelledCase): string | null => (c.id.startsWith('sc-') ? c.style : null)
  table('Courtesy/signature set (sc-…), per style', 'style', heldOut, hOurs, hBase, scStyle)

  const corpus = loadCorpus()
  // The corpus labels keep the odd spaces of their inputs (nbsp in amounts), so the corpora are
  // compared after whitespace normalisation, as in their own test.
  const cOurs = run(corpus, ours, sameText)
  const cBase = baselineClean ? run(corpus, baselineClean, sameText) : null
  languageTables(
    `Generated corpora (${corpus.length} cases, equal after whitespace normalisation)`,
    corpus,
    cOurs,
    cBase,
  )

  if (args.includes('--failures')) {
    printFailures(heldOut, hOurs, 'ours')
    printFailures(corpus, cOurs, 'ours')
  }
  if (args.includes('--baseline-failures') && hBase) printFailures(heldOut, hBase, 'baseline')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
