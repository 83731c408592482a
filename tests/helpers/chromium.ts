import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'

const CANDIDATES = [
  process.env.REPLYBASE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter((p): p is string => Boolean(p))

/** Debian's Chromium driven by Playwright (a fresh temporary profile per launch), never a
 * downloaded browser. A missing Chromium fails the run with the command that installs it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((p) => fs.existsSync(p))
  if (!executablePath) {
    throw new Error(
      'Chromium is not installed: apt-get install chromium (or set REPLYBASE_CHROMIUM).',
    )
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-results')
