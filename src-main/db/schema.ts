// The knowledge base schema. drizzle-kit turns changes here into SQL migrations in drizzle/;
// the FTS5 tables and their triggers live in hand-written migrations (drizzle has no virtual tables).
import { sql } from 'drizzle-orm'
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'

const timestamps = {
  createdAt: text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
}

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    provider: text('provider', { enum: ['gmail'] })
      .notNull()
      .default('gmail'),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    status: text('status', { enum: ['active', 'disabled', 'error'] })
      .notNull()
      .default('active'),
    statusReason: text('status_reason'),
    lastSyncAt: text('last_sync_at'),
    // Gmail historyId: the cursor incremental sync continues from.
    syncCursor: text('sync_cursor'),
    // JSON: { last_sync_summary, manual_resync_requested_at, send_as, granted_scopes, ... }
    meta: text('meta').notNull().default('{}'),
    ...timestamps,
  },
  (t) => [uniqueIndex('accounts_provider_email_uq').on(t.provider, t.email)],
)

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    threadId: text('thread_id').notNull(),
    direction: text('direction', { enum: ['incoming', 'outgoing'] }).notNull(),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    toAddresses: text('to_addresses').notNull().default('[]'),
    ccAddresses: text('cc_addresses').notNull().default('[]'),
    bccAddresses: text('bcc_addresses').notNull().default('[]'),
    subject: text('subject').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    bodyHtml: text('body_html'),
    sentAt: text('sent_at').notNull(),
    labels: text('labels').notNull().default('[]'),
    rfcMessageId: text('rfc_message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references_json').notNull().default('[]'),
    // Selected raw headers (auto-submitted, precedence, list-id, ...), JSON object.
    headers: text('headers').notNull().default('{}'),
    attachments: text('attachments').notNull().default('[]'),
    parseStatus: text('parse_status', { enum: ['ok', 'failed'] })
      .notNull()
      .default('ok'),
    parseError: text('parse_error'),
    charsetFallback: integer('charset_fallback', { mode: 'boolean' }).notNull().default(false),
    truncated: integer('truncated', { mode: 'boolean' }).notNull().default(false),
    // Set when Gmail no longer has the message but a reviewed pair still points at it.
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('messages_account_external_uq').on(t.accountId, t.externalId),
    index('messages_thread_idx').on(t.accountId, t.threadId),
    index('messages_sent_at_idx').on(t.sentAt),
  ],
)

export const trainingPairs = sqliteTable(
  'training_pairs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    threadId: text('thread_id').notNull(),
    clientMessageId: integer('client_message_id')
      .notNull()
      .references((): AnySQLiteColumn => messages.id, { onDelete: 'cascade' }),
    replyMessageId: integer('reply_message_id')
      .notNull()
      .references((): AnySQLiteColumn => messages.id, { onDelete: 'cascade' }),
    // Every message of the client turn, in order (JSON list of message ids).
    clientTurnIds: text('client_turn_ids').notNull().default('[]'),
    clientText: text('client_text').notNull(),
    replyText: text('reply_text').notNull(),
    clientTextEdited: text('client_text_edited'),
    replyTextEdited: text('reply_text_edited'),
    status: text('status', { enum: ['new', 'approved', 'rejected'] })
      .notNull()
      .default('new'),
    // ISO 639-1 code or 'unknown' (older versions also wrote 'other').
    language: text('language').notNull().default('unknown'),
    labels: text('labels').notNull().default('[]'),
    reviewedAt: text('reviewed_at'),
    // Set when sync found one of the pair's messages gone from Gmail; the review is kept.
    orphanedAt: text('orphaned_at'),
    // When the client wrote: the client message's sent_at, copied by triggers
    // (drizzle/0004_pairs_client_time.sql) so the review list can sort and filter by it
    // through an index, without a join.
    sentAt: text('sent_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('pairs_client_reply_uq').on(t.clientMessageId, t.replyMessageId),
    index('pairs_status_idx').on(t.status, t.id),
    index('pairs_account_idx').on(t.accountId, t.status),
    index('pairs_reply_idx').on(t.replyMessageId),
    // Review list pages, newest first, per status and each filter combination: every index
    // ends in sent_at (then rowid = id), so a page and its keyset cursor are one index range
    // and the status counts read the index only.
    index('pairs_status_sent_idx').on(t.status, t.sentAt),
    index('pairs_account_sent_idx').on(t.accountId, t.status, t.sentAt),
    index('pairs_language_sent_idx').on(t.status, t.language, t.sentAt),
    index('pairs_account_language_sent_idx').on(t.accountId, t.status, t.language, t.sentAt),
  ],
)

export const aiProviders = sqliteTable('ai_providers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  providerCode: text('provider_code').notNull().unique(),
  name: text('name').notNull(),
  modelDefault: text('model_default'),
  baseUrl: text('base_url'),
  // No key column: API keys live in the OS keychain only.
  ...timestamps,
})

export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: ['full', 'incremental'] }).notNull(),
    status: text('status', { enum: ['running', 'ok', 'failed', 'cancelled'] })
      .notNull()
      .default('running'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    summary: text('summary').notNull().default('{}'),
    errors: text('errors').notNull().default('[]'),
    // Full sync resumes from here after a crash: the Gmail page token and the baseline historyId.
    resumeState: text('resume_state'),
  },
  (t) => [index('sync_runs_account_idx').on(t.accountId, t.id)],
)

// One embedding per approved pair: the vector of its client text (what a new message is matched
// against), with the model and dimensions that made it. Float32 little-endian, read by
// sqlite-vec's distance functions. A trigger (drizzle/0003) drops a pair's row when its client
// text changes or it leaves "approved"; deleting the pair deletes it.
export const pairEmbeddings = sqliteTable(
  'pair_embeddings',
  {
    pairId: integer('pair_id')
      .primaryKey()
      .references(() => trainingPairs.id, { onDelete: 'cascade' }),
    model: text('model').notNull(),
    dimensions: integer('dimensions').notNull(),
    vector: blob('vector', { mode: 'buffer' }).notNull(),
    embeddedAt: text('embedded_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('pair_embeddings_model_idx').on(t.model, t.dimensions)],
)

// How many vectors each model and size holds, and a version that changes with every vector
// written or removed: kept by triggers on pair_embeddings (drizzle/0007), so a search reads one
// small row instead of counting 100,000 index entries, in the app and the CLI alike.
export const pairEmbeddingIndexes = sqliteTable(
  'pair_embedding_indexes',
  {
    model: text('model').notNull(),
    dimensions: integer('dimensions').notNull(),
    embedded: integer('embedded').notNull().default(0),
    version: integer('version').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.model, t.dimensions] })],
)

// Reply drafts as they were written: the client text asked about (a synced message or pasted
// text), the model's answer, its token counts and timings, and the person's verdict, so the team
// can see which approved pairs make good drafts. Kept locally only, like the mail it came from.
export const drafts = sqliteTable(
  'drafts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Where it was asked for: a synced message (Drafts page), a pair (Review) or pasted text.
    origin: text('origin', { enum: ['message', 'pair', 'text'] }).notNull(),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'set null' }),
    pairId: integer('pair_id').references(() => trainingPairs.id, { onDelete: 'set null' }),
    clientText: text('client_text').notNull(),
    text: text('text').notNull(),
    language: text('language').notNull(),
    model: text('model').notNull(),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    firstTokenMs: integer('first_token_ms'),
    totalMs: integer('total_ms'),
    // 1 thumbs up, -1 thumbs down, null not rated.
    feedback: integer('feedback'),
    feedbackAt: text('feedback_at'),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('drafts_created_idx').on(t.createdAt)],
)

// The approved pairs a draft was given as examples, best first.
export const draftSources = sqliteTable(
  'draft_sources',
  {
    draftId: integer('draft_id')
      .notNull()
      .references(() => drafts.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
    pairId: integer('pair_id')
      .notNull()
      .references(() => trainingPairs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.draftId, t.rank] }),
    index('draft_sources_pair_idx').on(t.pairId),
  ],
)

// Small typed key/value store for app settings that are not secrets.
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
})

export type AccountRow = typeof accounts.$inferSelect
export type MessageRow = typeof messages.$inferSelect
export type PairRow = typeof trainingPairs.$inferSelect
