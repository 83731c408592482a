// A connected Gmail account for sync tests without a browser: the real connect flow (PKCE,
// loopback listener, token exchange, keychain write) against the fake Google, with a "browser"
// that follows the authorization URL. One private keychain service per kit; dispose() removes
// its entries, the fake server and the data folders.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { AccountDto } from '@contract/accounts'
import { createCore, type Core } from '../../src-main/core/core'
import { followAuthUrl, googleEnv } from './connect-test-kit'
import { keytarBackend } from '../../src-main/core/secrets/keytar-backend'
import {
  startFakeGoogle,
  type AliasInput,
  type FakeGoogle,
  type FakeGoogleOptions,
} from '../fakes/fake-google'

export interface SyncKit {
  fake: FakeGoogle
  service: string
  dataDir: string
  /** Environment of the kit's cores and CLI children (fake endpoints, keychain, data folder). */
  env: NodeJS.ProcessEnv
  /** A core over the kit's data folder (extra env merged in). */
  core(extraEnv?: NodeJS.ProcessEnv): Core
  /** Connects `email` (default: the kit's first mailbox) through the real connect flow. */
  connect(core: Core, email?: string): Promise<AccountDto>
  dispose(): Promise<void>
}

export interface SyncKitOptions {
  email?: string
  aliases?: AliasInput[]
  fake?: FakeGoogleOptions
  env?: NodeJS.ProcessEnv
}

export async function startSyncKit(options: SyncKitOptions = {}): Promise<SyncKit> {
  const email = options.email ?? 'support@acme.example'
  const fake = await startFakeGoogle({
    mailboxes: [{ email, aliases: options.aliases ?? [] }],
    ...options.fake,
  })
  const service = `ReplyBase-test-${randomBytes(6).toString('hex')}`
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-sync-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...googleEnv(fake, { REPLYBASE_KEYCHAIN_SERVICE: service }),
    REPLYBASE_DATA_DIR: dataDir,
    // Tests run on a quiet machine; the pace is the fake's business unless a test sets one.
    REPLYBASE_GMAIL_UNITS_PER_SECOND: '0',
    ...options.env,
  }
  const cores: Core[] = []
  const emails = new Set<string>([email])
  return {
    fake,
    service,
    dataDir,
    env,
    core(extraEnv = {}) {
      const core = createCore({ dataDir, env: { ...env, ...extraEnv }, transport: 'cli' })
      cores.push(core)
      return core
    },
    async connect(core, who = email) {
      emails.add(who)
      fake.setNextAuth({ mode: 'approve', account: who })
      const result = await core.gmailConnect.connect({
        timeoutMs: 10_000,
        openBrowser: (url) => void followAuthUrl(url).catch(() => undefined),
      })
      if (!result.ok) throw new Error(`connect failed: ${result.reason}: ${result.message}`)
      return result.account
    },
    async dispose() {
      for (const c of cores) await c.close().catch(() => undefined)
      for (const e of emails) {
        await keytarBackend.deletePassword(service, `gmail-token:${e}`).catch(() => false)
      }
      await fake.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
