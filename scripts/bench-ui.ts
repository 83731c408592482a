// npm run bench:ui — the Review page with 100,000 pairs, in Chromium against the real core
// through the loopback bridge. Measures, inside the page (no test-runner round trips):
//   first render      click on "Review" -> the first rows and the first pair in full painted
//   filter / search   a filter or search applied -> the new counts and rows painted
//   approve -> next   key "a" -> the next pair's detail painted
// and prints each figure beside its target. Results also go to test-results/bench-ui.json.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startDevServer } from '../src-main/dev/dev-server'
import { launchChromium } from '../tests/helpers/chromium'
import { seedPairs } from '../tests/helpers/seed-pairs'
import { pct } from './bench-kit'

const PAIRS = Number(process.env.BENCH_PAIRS ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const APPROVALS = Number(process.env.BENCH_APPROVALS ?? 30)

const TARGETS = { firstRender: 300, filterChange: 150, approveNext: 50 }

// In-page helpers as plain JavaScript (strings are not rewritten by the TypeScript runner).
// `rb.until(pred)` resolves with the time a frame after `pred` first holds, so the figure
// includes layout and paint of what the predicate saw.
const HELPERS = `
window.rb = {
  until(pred, timeout = 10000) {
    const started = performance.now()
    return new Promise((resolve, reject) => {
      const tick = () => {
        if (pred()) return requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))
        if (performance.now() - started > timeout) return reject(new Error('timed out'))
        requestAnimationFrame(tick)
      }
      tick()
    })
  },
  text(id) { return document.querySelector('[data-testid="' + id + '"]')?.textContent ?? '' },
  ready() {
    return document.querySelector('[data-testid="review-page"]')?.getAttribute('data-loading') === 'false'
  },
  setInput(el, value) {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
    setter.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  },
  setSelect(el, value) {
    const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set
    setter.call(el, value)
    el.dispatchEvent(new Event('change', { bubbles: true }))
  },
}
`

function stats(xs: number[]): { median: number; p95: number; min: number; max: number } {
  return { median: pct(xs, 50), p95: pct(xs, 95), min: Math.min(...xs), max: Math.max(...xs) }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-bench-ui-'))
  const server = await startDevServer({
    dataDir,
    env: { ...process.env, REPLYBASE_KEYCHAIN_SERVICE: 'ReplyBase-bench-ui' },
  })
  const browser = await launchChromium()
  try {
    const seedStart = performance.now()
    seedPairs(server.core.dbh, PAIRS, { seed: 11 })
    const seedMs = performance.now() - seedStart
    process.stdout.write(
      `Seeded ${PAIRS.toLocaleString('en')} pairs in ${(seedMs / 1000).toFixed(1)} s\n`,
    )

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript({ content: HELPERS })
    await page.goto(`${server.bridge.url}#/accounts`)

    // 1. First render: each run starts from a fresh page on Accounts, so the review store is empty.
    const first: number[] = []
    for (let i = 0; i < RUNS; i++) {
      // A real reload (a new document, an empty store), on the Accounts page.
      await page.evaluate('location.hash = "#/accounts"')
      await page.reload()
      await page.waitForSelector('nav a[href="#/review"]')
      await page.waitForFunction('document.querySelector("h1")?.textContent === "Accounts"')
      first.push(
        await page.evaluate(`(async () => {
          const t0 = performance.now()
          document.querySelector('nav a[href="#/review"]').click()
          const t1 = await rb.until(() =>
            document.querySelector('[data-testid="pair-row"]') &&
            document.querySelector('[data-testid="detail-view"]'))
          return t1 - t0
        })()`),
      )
    }

    // 2. Filter and search changes on the page now open.
    const filter: number[] = []
    const steps: Array<{ kind: 'select' | 'search'; testId: string; value: string }> = [
      { kind: 'select', testId: 'review-language', value: 'ru' },
      { kind: 'select', testId: 'review-language', value: 'en' },
      { kind: 'select', testId: 'review-language', value: '' },
      { kind: 'search', testId: 'review-search', value: 'refund' },
      { kind: 'search', testId: 'review-search', value: 'доставка' },
      { kind: 'search', testId: 'review-search', value: 'invoice' },
      { kind: 'search', testId: 'review-search', value: '' },
      { kind: 'select', testId: 'review-account', value: '1' },
      { kind: 'select', testId: 'review-account', value: '' },
    ]
    for (let round = 0; round < 2; round++) {
      for (const step of steps) {
        await page.waitForFunction('rb.ready()')
        filter.push(
          await page.evaluate(`(async () => {
            const before = rb.text('count-new') + '|' + rb.text('count-all')
            const el = document.querySelector('[data-testid="${step.testId}"]')
            const t0 = performance.now()
            if (${JSON.stringify(step.kind)} === 'select') rb.setSelect(el, ${JSON.stringify(step.value)})
            else { rb.setInput(el, ${JSON.stringify(step.value)}); el.form.requestSubmit() }
            const t1 = await rb.until(() =>
              rb.ready() && rb.text('count-new') + '|' + rb.text('count-all') !== before)
            return t1 - t0
          })()`),
        )
      }
    }

    // 3. Approve -> the next pair shown, down the queue as a reviewer goes.
    await page.waitForFunction('rb.ready()')
    await page.focus('[data-testid="pair-list"]')
    const approve: number[] = []
    for (let i = 0; i < APPROVALS; i++) {
      approve.push(
        await page.evaluate(`(async () => {
          const rows = [...document.querySelectorAll('[data-testid="pair-row"]')]
          const active = document.querySelector('[data-testid="pair-row"][aria-current="true"]')
          const next = rows[rows.indexOf(active) + 1]
          const want = next.getAttribute('data-id')
          const t0 = performance.now()
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }))
          const t1 = await rb.until(() =>
            document.querySelector('[data-testid="detail-view"]')?.getAttribute('data-id') === want)
          return t1 - t0
        })()`),
      )
    }

    const results = {
      pairs: PAIRS,
      seedSeconds: Math.round(seedMs / 100) / 10,
      firstRender: { ...stats(first), target: TARGETS.firstRender, runs: first.length },
      filterChange: { ...stats(filter), target: TARGETS.filterChange, runs: filter.length },
      approveNext: { ...stats(approve), target: TARGETS.approveNext, runs: approve.length },
      chromium: browser.version(),
      cpus: os.cpus().length,
      date: new Date().toISOString(),
    }
    const row = (name: string, r: { median: number; p95: number; target: number; runs: number }) =>
      `${name.padEnd(26)} ${r.median.toFixed(0).padStart(6)} ms ${r.p95.toFixed(0).padStart(6)} ms ${`< ${r.target} ms`.padStart(10)}  ${
        r.median < r.target ? 'ok' : 'SLOW'
      }  (${r.runs} runs)`
    process.stdout.write(
      [
        '',
        `Review UI with ${PAIRS.toLocaleString('en')} pairs (Chromium ${results.chromium}, ${results.cpus} CPUs)`,
        `${'measure'.padEnd(26)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'target'.padStart(10)}`,
        row('Review first render', results.firstRender),
        row('filter / search change', results.filterChange),
        row('approve -> next pair', results.approveNext),
        '',
      ].join('\n'),
    )
    fs.mkdirSync('test-results', { recursive: true })
    fs.writeFileSync('test-results/bench-ui.json', JSON.stringify(results, null, 2))
    const slow = [results.firstRender, results.filterChange, results.approveNext].some(
      (r) => r.median >= r.target,
    )
    process.exitCode = slow ? 1 : 0
  } catch (e) {
    const pages = browser.contexts().flatMap((c) => c.pages())
    if (pages[0]) await pages[0].screenshot({ path: 'test-results/bench-ui-failure.png' })
    throw e
  } finally {
    await browser.close()
    await server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-ui: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
