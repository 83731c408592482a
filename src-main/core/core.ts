// Composes the core services over one data folder. The Electron app, the CLI, the dev
// bridge and the tests all start ReplyBase through here.
import fs from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../db/open-database'
import { onSlowQuery } from '../db/slow-query'
import type { DbHandle } from '../db/connection'
import type { MigrationOutcome } from '../db/migrate'
import { createEventBus, type EventBus } from './event-bus'
import { initLogging, closeLogging, createLogger } from './logging/logger'
import { registerSecret } from './logging/redact'
import {
  createSecretStore,
  keychainServiceName,
  type KeychainBackend,
  type SecretStore,
} from './secrets/secret-store'
import { keytarBackend } from './secrets/keytar-backend'
import { createSettingsService, type SettingsService } from './settings/settings-service'
import { createAccountsService, type AccountsService } from './accounts/accounts-service'
import { createGmailClientFactory, type GmailClientFactory } from './google/gmail-client'
import { createGmailConnectService, type GmailConnectService } from './accounts/connect-flow'
import { sourceMigrationsFolder } from './paths'
import { createSyncParts, type SyncControl, type SyncScheduler } from './sync'
import { createReviewService, type ReviewService } from './review/review-service'
import { createMessagesService, type MessagesService } from './messages/messages-service'
import { createAiService, type AiService } from './ai/ai-service'
import { createKbService, type KbService } from './ai/kb-service'
import { createDraftService, type DraftService } from './ai/draft-service'
import { openAITimeoutMs } from './ai/provider-settings'
import { createExportService, type ExportService } from './export/export-service'
import type { AppStatus } from '@contract'

export interface CoreOptions {
  dataDir: string
  migrationsFolder?: string
  env?: NodeJS.ProcessEnv
  keychain?: KeychainBackend
  transport: AppStatus['transport']
  version?: string
  /** Default: 'always' for the app, 'after-migration' for the CLI (db/migrate.ts). */
  integrityCheck?: 'always' | 'after-migration'
}

export interface Core {
  dataDir: string
  migrationsFolder: string
  env: NodeJS.ProcessEnv
  transport: AppStatus['transport']
  version: string
  dbh: DbHandle
  migration: MigrationOutcome
  secrets: SecretStore
  events: EventBus
  settings: SettingsService
  accounts: AccountsService
  /** Authenticated Gmail clients per account (token refresh persists to the keychain). */
  gmail: GmailClientFactory
  gmailConnect: GmailConnectService
  /** Pair review: lists, counts, status, edits, undo. */
  review: ReviewService
  /** Stored mail: one message, or a filtered list. */
  messages: MessagesService
  /** The OpenAI provider: settings, connection test, models, similar pairs, drafts. */
  ai: AiService
  drafts: DraftService
  /** The knowledge base index: embeddings of approved pairs and hybrid search. */
  kb: KbService
  /** Training data out: summary, write, cancel, settings. */
  exports: ExportService
  /** Mail sync: run now, status, pause, cancel. */
  sync: SyncControl
  /** Background sync timer; the Electron app starts it, the CLI never does. */
  scheduler: SyncScheduler
  /** Functions run (in reverse order) on close: timers, listeners, open flows. */
  onClose(fn: () => void | Promise<void>): void
  close(): Promise<void>
}

const log = createLogger('core')

export function createCore(options: CoreOptions): Core {
  const env = options.env ?? process.env
  const migrationsFolder = options.migrationsFolder ?? sourceMigrationsFolder()
  fs.mkdirSync(options.dataDir, { recursive: true })
  // Secrets given in the environment are scrubbed by value like those read from the keychain.
  registerSecret(env.REPLYBASE_GOOGLE_CLIENT_SECRET?.trim())
  initLogging(path.join(options.dataDir, 'logs'))
  onSlowQuery((sql, ms) =>
    log.info({ sql: sql.replace(/\s+/g, ' ').slice(0, 160), ms: Math.round(ms) }, 'slow query'),
  )
  const opened = openDatabase(
    options.dataDir,
    migrationsFolder,
    options.integrityCheck ?? (options.transport === 'cli' ? 'after-migration' : 'always'),
  )
  if (opened.migration.applied.length > 0) {
    log.info(
      { applied: opened.migration.applied, backup: opened.migration.backupPath },
      'database updated',
    )
  }
  const secrets = createSecretStore(options.keychain ?? keytarBackend, keychainServiceName(env))
  const events = createEventBus()
  const closers: Array<() => void | Promise<void>> = []
  const accounts = createAccountsService({ dbh: opened, secrets, events, env })
  const gmailConnect = createGmailConnectService({ dbh: opened, secrets, events, env, accounts })
  const ai = createAiService({ dbh: opened, secrets, env })
  const kb = createKbService({ dbh: opened, ai, events, env })
  // Drafts draw on hybrid search (full text + vectors).
  const drafts = createDraftService({
    dbh: opened,
    connect: (opts) => ai.connect(opts),
    retrieve: async (text, k) => (await kb.search(text, k)).hits,
    timeoutMs: () => openAITimeoutMs(env),
  })
  closers.push(() => void gmailConnect.cancel())
  const gmail = createGmailClientFactory({
    dbh: opened,
    secrets,
    env,
    onRevoked: (id) => accounts.markError(id, 'token_revoked'),
  })
  const syncParts = createSyncParts({ dbh: opened, events, env, accounts, gmail })
  closers.push(() => syncParts.close())
  const core: Core = {
    dataDir: options.dataDir,
    migrationsFolder,
    env,
    transport: options.transport,
    version: options.version ?? readVersion(),
    dbh: opened,
    migration: opened.migration,
    secrets,
    events,
    settings: createSettingsService({ dbh: opened, secrets, events, env }),
    accounts,
    gmail,
    gmailConnect,
    review: createReviewService({ dbh: opened, events }),
    messages: createMessagesService({ dbh: opened }),
    ai,
    drafts,
    kb,
    exports: createExportService({ dbh: opened, events }),
    sync: syncParts.sync,
    scheduler: syncParts.scheduler,
    onClose: (fn) => closers.push(fn),
    async close() {
      for (const fn of closers.reverse()) {
        try {
          await fn()
        } catch (e) {
          log.warn({ err: e }, 'close step failed')
        }
      }
      opened.close()
      await closeLogging()
    },
  }
  return core
}

function readVersion(): string {
  try {
    const pkg = path.resolve(__dirname, '..', '..', 'package.json')
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}
