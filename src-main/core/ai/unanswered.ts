// The Drafts page's "Unanswered" list: synced client messages with no reply in their thread yet,
// cleaned the way pairs are (quoted history and signatures dropped), so a draft answers what the
// client actually wrote.
import type { UnansweredMessage } from '@contract/ai'
import type { DbHandle } from '../../db/connection'
import { getClientMessage, listUnanswered } from '../../db/queries/messages-unanswered'
import { cleanReplyText } from '../cleaning/clean-text'
import { detectLanguage } from '../cleaning/detect-language'

export function findUnanswered(
  dbh: DbHandle,
  opts: { accountId?: number; limit?: number } = {},
): UnansweredMessage[] {
  return listUnanswered(dbh, opts.accountId ?? null, opts.limit ?? 50).map((r) => {
    const text = cleanedBody(r.bodyText)
    return {
      id: r.id,
      accountId: r.accountId,
      accountEmail: r.accountEmail,
      from: r.fromName ? `${r.fromName} <${r.fromAddress ?? ''}>` : (r.fromAddress ?? ''),
      subject: r.subject,
      sentAt: r.sentAt,
      text,
      language: detectLanguage(text),
    }
  })
}

const cleanedBody = (body: string): string => cleanReplyText(body).text || body.trim()

/** A synced message's text as a draft answers it: cleaned as in the Unanswered list. */
export function clientMessageText(
  dbh: DbHandle,
  ref: { id?: number; externalId?: string },
): { id: number; text: string } | null {
  const row = getClientMessage(dbh, ref)
  return row ? { id: row.id, text: cleanedBody(row.bodyText) } : null
}
