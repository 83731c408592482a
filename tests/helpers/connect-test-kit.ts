// Shared by the connect, token-lifecycle, accounts and CLI tests (not a test file itself):
// a fake Google, a temp data folder, a private keychain service name, and a "browser" that
// follows the authorization URL like a user clicking through consent.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { createCore, type Core, type CoreOptions } from '../../src-main/core/core'
import {
  startFakeGoogle,
  DEFAULT_CLIENT,
  type FakeGoogle,
  type FakeGoogleOptions,
} from '../fakes/fake-google'
import { keytarBackend } from '../../src-main/core/secrets/keytar-backend'

export const MAILBOX = 'support@example.com'
export const ALIAS = 'help@example.com'

export interface HttpAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export function httpGet(url: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
    req.on('error', reject)
  })
}

/** GET the authorization URL and follow its 302 to the loopback listener, as a browser does. */
export async function followAuthUrl(authUrl: string): Promise<HttpAnswer> {
  const first = await httpGet(authUrl)
  if (first.status !== 302 || !first.headers.location) return first
  return httpGet(first.headers.location)
}

/** The environment that points the app at the fake Google: its OAuth client and every URL. */
export function googleEnv(fake: FakeGoogle, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    REPLYBASE_GOOGLE_CLIENT_ID: DEFAULT_CLIENT.clientId,
    REPLYBASE_GOOGLE_CLIENT_SECRET: DEFAULT_CLIENT.clientSecret,
    REPLYBASE_GOOGLE_AUTH_URL: fake.authUrl,
    REPLYBASE_GOOGLE_TOKEN_URL: fake.tokenUrl,
    REPLYBASE_GOOGLE_REVOKE_URL: fake.revokeUrl,
    REPLYBASE_GMAIL_API_URL: fake.apiRoot,
    ...extra,
  }
}

export interface Kit {
  fake: FakeGoogle
  service: string
  dataDirs: string[]
  cores: Core[]
  newDataDir(): string
  /** googleEnv with the kit's keychain service (extra merged in last). */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv
  /** A core over a fresh (or given) data folder, wired to the fake through the environment. */
  core(options?: { env?: NodeJS.ProcessEnv; dataDir?: string } & Partial<CoreOptions>): Core
  /** The keychain entry of a mailbox, read straight through keytar. */
  keychainEntry(email: string): Promise<string | null>
  dispose(): Promise<void>
}

export async function startKit(options: FakeGoogleOptions = {}): Promise<Kit> {
  const fake = await startFakeGoogle({
    mailboxes: [{ email: MAILBOX, aliases: [{ sendAsEmail: ALIAS, displayName: 'Help desk' }] }],
    ...options,
  })
  const service = `ReplyBase-test-${randomBytes(6).toString('hex')}`
  const kit: Kit = {
    fake,
    service,
    dataDirs: [],
    cores: [],
    newDataDir() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-oauth-'))
      kit.dataDirs.push(dir)
      return dir
    },
    env: (extra = {}) => googleEnv(fake, { REPLYBASE_KEYCHAIN_SERVICE: service, ...extra }),
    core(opts = {}) {
      const { env, dataDir, ...rest } = opts
      const core = createCore({
        dataDir: dataDir ?? kit.newDataDir(),
        env: env ?? kit.env(),
        transport: 'cli',
        ...rest,
      })
      kit.cores.push(core)
      return core
    },
    keychainEntry: (email) => keytarBackend.getPassword(service, `gmail-token:${email}`),
    async dispose() {
      for (const c of kit.cores) await c.close().catch(() => undefined)
      for (const email of [MAILBOX, ALIAS, 'other@example.com', 'second@example.com']) {
        await keytarBackend.deletePassword(service, `gmail-token:${email}`).catch(() => false)
      }
      await keytarBackend.deletePassword(service, 'google-client-secret').catch(() => false)
      await fake.close()
      for (const d of kit.dataDirs) fs.rmSync(d, { recursive: true, force: true })
    },
  }
  return kit
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

/** True when a TCP connection to 127.0.0.1:port is refused. */
export function portRefuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      res.resume()
      resolve(false)
    })
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'))
  })
}
