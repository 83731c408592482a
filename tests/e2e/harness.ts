// End-to-end harness: the real core behind the loopback bridge, Debian's Chromium in front.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startDevServer, type DevServer } from '../../src-main/dev/dev-server'
import { ARTIFACTS, launchChromium } from '../helpers/chromium'
import { tempDir, testKeychainService } from '../helpers/temp'
import { requireKeychain } from '../helpers/keychain'

export interface Harness {
  server: DevServer
  browser: Browser
  page: Page
  /** Content-Security-Policy violations and page errors seen so far. */
  problems: string[]
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export async function startHarness(env: NodeJS.ProcessEnv = {}): Promise<Harness> {
  await requireKeychain()
  const tmp = tempDir('replybase-e2e-')
  const server = await startDevServer({
    dataDir: tmp.dir,
    env: { REPLYBASE_KEYCHAIN_SERVICE: testKeychainService(), ...env },
  })
  const browser = await launchChromium()
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  await page.goto(server.bridge.url)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  return {
    server,
    browser,
    page,
    problems,
    async screenshot(name) {
      const file = path.join(ARTIFACTS, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await browser.close()
      await server.close()
      tmp.cleanup()
    },
  }
}
