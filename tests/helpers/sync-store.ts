// For tests of the sync stores on a real SQLite file: a migrated database in a temp folder with
// one mailbox (us@acme.example), and messages shaped as a Gmail sync stores them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, type OpenedDatabase } from '../../src-main/db/open-database'
import { sourceMigrationsFolder } from '../../src-main/core/paths'
import type { MessageInput } from '../../src-main/core/sync/message-store'

export const OWN_ADDRESS = 'us@acme.example'

export interface StoreDb {
  dbh: OpenedDatabase
  accountId: number
  /** Closes the database and removes its folder. */
  close(): void
}

export function openStoreDb(prefix: string): StoreDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  const dbh = openDatabase(dir, sourceMigrationsFolder())
  const accountId = (
    dbh.sqlite
      .prepare(
        `INSERT INTO accounts (email, display_name) VALUES ('${OWN_ADDRESS}', 'Us') RETURNING id`,
      )
      .get() as { id: number }
  ).id
  return {
    dbh,
    accountId,
    close() {
      dbh.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

let minute = 0
/** A plain-text message in thread t1 (a client's incoming, or our outgoing reply), each one a
 * minute after the one made before it, with no headers (so no text-form mark, as an older
 * version stored mail); `over` replaces any field. */
export function storedMessage(
  externalId: string,
  direction: 'incoming' | 'outgoing',
  body: string,
  over: Partial<MessageInput> = {},
): MessageInput {
  minute++
  return {
    externalId,
    threadId: 't1',
    direction,
    fromAddress: direction === 'outgoing' ? OWN_ADDRESS : 'client@mail.example',
    fromName: null,
    to: [],
    cc: [],
    bcc: [],
    subject: 'Order',
    bodyText: body,
    bodyHtml: null,
    sentAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    labels: direction === 'outgoing' ? ['SENT'] : ['INBOX'],
    rfcMessageId: `<${externalId}@x>`,
    inReplyTo: null,
    references: [],
    headers: {},
    attachments: [],
    parseStatus: 'ok',
    parseError: null,
    charsetFallback: false,
    truncated: false,
    ...over,
  }
}
