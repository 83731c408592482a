// End-to-end harness: the real core behind the loopback bridge, Debian's Chromium in front.
// Every API answer the page receives and every event main pushes is kept in `transcript`, so
// a test can prove a secret never reached the renderer.
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
  dataDir: string
  keychainService: string
  /** Content-Security-Policy violations and page errors seen so far. */
  problems: string[]
  /** Bodies of every /api/invoke answer and every event pushed to the renderer. */
  transcript: string[]
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export interface HarnessOptions {
  /** Environment of the core (fake Google and OpenAI endpoints, client ids). */
  env?: NodeJS.ProcessEnv
  /** Runs against the database before the page opens (seed data). */
  before?: (server: DevServer) => void | Promise<void>
  viewport?: { width: number; height: number }
  /** Page to open (#/review ...); default the app's own choice. */
  hash?: string
  /** The browser's time zone (IANA name); default the machine's. */
  timezoneId?: string
}

export async function startHarness(
  options: HarnessOptions | NodeJS.ProcessEnv = {},
): Promise<Harness> {
  const opts: HarnessOptions =
    'env' in options ||
    'before' in options ||
    'viewport' in options ||
    'hash' in options ||
    'timezoneId' in options
      ? (options as HarnessOptions)
      : { env: options as NodeJS.ProcessEnv }
  await requireKeychain()
  const tmp = tempDir('replybase-e2e-')
  const keychainService = testKeychainService()
  const server = await startDevServer({
    dataDir: tmp.dir,
    env: { REPLYBASE_KEYCHAIN_SERVICE: keychainService, ...opts.env },
  })
  const transcript: string[] = []
  const unsubscribe = server.core.events.subscribe((event, payload) => {
    transcript.push(JSON.stringify({ event, payload }))
  })
  await opts.before?.(server)
  const browser = await launchChromium()
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: 'en-US',
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  page.on('response', (res) => {
    if (!res.url().includes('/api/invoke')) return
    res.text().then(
      (body) => transcript.push(body),
      () => undefined,
    )
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  const url = server.bridge.url + (opts.hash ?? '')
  await page.goto(url)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  return {
    server,
    browser,
    page,
    dataDir: tmp.dir,
    keychainService,
    problems,
    transcript,
    async screenshot(name) {
      const file = path.join(ARTIFACTS, `${name}.png`)
      // The app scrolls inside its content pane; let long pages grow so the image holds all of
      // them (the Review page fills the window by design and stays as it is).
      const grow = await page.evaluate(() => {
        if (document.querySelector('.page-fill, dialog[open]')) return false
        const style = document.createElement('style')
        style.id = 'e2e-screenshot'
        style.textContent = '.frame{height:auto;min-height:100vh}.content{overflow:visible}'
        document.head.append(style)
        return true
      })
      await page.screenshot({ path: file, fullPage: true })
      if (grow) await page.evaluate(() => document.getElementById('e2e-screenshot')?.remove())
      return file
    },
    async close() {
      unsubscribe()
      // Leave nothing in the keychain: accounts' tokens and the app's own secrets.
      const emails = server.core.accounts.list().map((a) => a.email)
      await browser.close()
      for (const email of emails)
        await server.core.secrets.delete('gmail-token', email).catch(() => false)
      await server.core.secrets.delete('openai-api-key').catch(() => false)
      await server.core.secrets.delete('google-client-secret').catch(() => false)
      await server.close()
      tmp.cleanup()
    },
  }
}
