// One pair as an export writes it: the reviewer's edited texts win over the cleaned ones, and
// with redaction on, personal data in the texts and the subject becomes placeholders.
import { createHash } from 'node:crypto'
import type { PairExportSourceRow } from '../../db/queries/pairs-export'
import { redactPii, type PiiCounts } from '../security/redact-pii'
import type { ChatMessage } from './fine-tune-models'
import { csvRow } from './csv-row'

export interface ExportRecord {
  pairId: number
  accountId: number
  account: string
  threadId: string
  language: string
  subject: string
  sentAt: string
  clientText: string
  replyText: string
  status: string
  clientEdited: boolean
  replyEdited: boolean
}

export function toRecord(
  row: PairExportSourceRow,
  redact: boolean,
  counts: PiiCounts,
): ExportRecord {
  const clean = (text: string): string => {
    if (!redact) return text
    const r = redactPii(text)
    counts.email += r.counts.email
    counts.phone += r.counts.phone
    counts.card += r.counts.card
    return r.text
  }
  return {
    pairId: row.id,
    accountId: row.accountId,
    account: row.accountEmail,
    threadId: row.threadId,
    language: row.language,
    subject: clean(row.subject ?? ''),
    sentAt: row.sentAt,
    clientText: clean(row.clientTextEdited ?? row.clientText),
    replyText: clean(row.replyTextEdited ?? row.replyText),
    status: row.status,
    clientEdited: row.clientTextEdited !== null,
    replyEdited: row.replyTextEdited !== null,
  }
}

/**
 * A 52-bit number from a SHA-1 digest: a Set of numbers holds 100,000 keys in a fraction of
 * the memory strings take, and two different keys among 100,000 meet with a chance of about
 * one in a million.
 */
function key52(hash: ReturnType<typeof createHash>): number {
  return Number(hash.digest().readBigUInt64BE(0) >> 12n)
}

/** Same texts up to case, Unicode form and whitespace give the same key. */
export function duplicateKey(r: ExportRecord): number {
  const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
  return key52(createHash('sha1').update(norm(r.clientText)).update('\0').update(norm(r.replyText)))
}

/** A thread of an account as a number, for counting threads (same odds as duplicateKey). */
export function threadKey(accountId: number, threadId: string): number {
  return key52(createHash('sha1').update(`${accountId}\0${threadId}`))
}

export function chatMessages(r: ExportRecord, systemPrompt: string): ChatMessage[] {
  const messages: ChatMessage[] = []
  if (systemPrompt.trim() !== '') messages.push({ role: 'system', content: systemPrompt })
  messages.push(
    { role: 'user', content: r.clientText },
    { role: 'assistant', content: r.replyText },
  )
  return messages
}

export const CSV_COLUMNS = [
  'pair_id',
  'account',
  'thread_id',
  'language',
  'subject',
  'sent_at',
  'client_text',
  'reply_text',
  'status',
  'client_edited',
  'reply_edited',
] as const

export function csvLine(r: ExportRecord): string {
  return csvRow([
    r.pairId,
    r.account,
    r.threadId,
    r.language,
    r.subject,
    r.sentAt,
    r.clientText,
    r.replyText,
    r.status,
    r.clientEdited,
    r.replyEdited,
  ])
}

/** Plain JSONL: the CSV's fields, one object per line. */
export function jsonLine(r: ExportRecord): string {
  return `${JSON.stringify({
    pair_id: r.pairId,
    account: r.account,
    thread_id: r.threadId,
    language: r.language,
    subject: r.subject,
    sent_at: r.sentAt,
    client_text: r.clientText,
    reply_text: r.replyText,
    status: r.status,
    client_edited: r.clientEdited,
    reply_edited: r.replyEdited,
  })}\n`
}
