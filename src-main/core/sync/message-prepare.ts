// Turning fetched bytes into rows: decode (parse-mail), decide where the own words come from,
// clean them. CPU-bound and free of I/O, so it runs in the decode worker (decode-worker.ts) or,
// without one, in-process; both go through these functions.
import { parseMail } from '../mail/parse-mail'
import { restoreSizes, slimAttachments } from './attachment-slim'
import { cleanReplyText } from '../cleaning/clean-text'
import { parseBatchResponse, toRaw } from '../gmail/batch-format'
import type { RawMessage } from '../gmail/gmail-calls'
import {
  cleaningSource,
  messageInputFrom,
  textSource,
  type GmailMeta,
  type MessageInput,
} from './message-row'
import { machineMailReason } from '../pairs/skip-rules'
import { isHidden } from './hidden-labels'

export { HIDDEN_LABELS, isHidden } from './hidden-labels'

export interface PreparedMessage {
  input: MessageInput
  /** Cleaned own words; undefined for machine mail and failed parses (no pair uses them). */
  cleaned?: string
  parseFailed: boolean
}

export async function prepareMessage(
  meta: GmailMeta,
  raw: Buffer,
  own: ReadonlySet<string>,
): Promise<PreparedMessage> {
  // Attachment bodies are never kept: cut them out before decoding (attachment-slim.ts).
  const slim = slimAttachments(raw)
  let parsed = await parseMail(slim?.raw ?? raw)
  if (slim && !restoreSizes(parsed, slim.cut)) parsed = await parseMail(raw)
  if (!parsed.ok) return { input: messageInputFrom(meta, parsed, own), parseFailed: true }
  const source = textSource(parsed.mail, slim?.raw ?? raw)
  const input = messageInputFrom(meta, parsed, own, source)
  if (machineMailReason(input.headers, input.fromAddress, input.direction)) {
    return { input, parseFailed: false }
  }
  return {
    input,
    cleaned: cleanReplyText(cleaningSource(parsed.mail, source)).text,
    parseFailed: false,
  }
}

/** One part of a batch answer: a prepared message (200), or the failure to retry or report. */
export type DecodedPart =
  | { index: number; status: 200; hidden: boolean; prepared: PreparedMessage | null }
  | { index: number; status: number; headers: Record<string, string>; body: string }

/** Splits a batch answer and prepares every message in it (hidden ones are not decoded). */
export async function decodeBatchAnswer(
  contentType: string,
  answer: Uint8Array,
  ids: readonly string[],
  own: ReadonlySet<string>,
): Promise<DecodedPart[]> {
  const out: DecodedPart[] = []
  for (const p of parseBatchResponse(contentType, answer)) {
    if (p.status !== 200) {
      const body = p.body.toString('utf8')
      out.push({ index: p.index, status: p.status, headers: p.headers, body })
      continue
    }
    const raw: RawMessage = toRaw(ids[p.index] ?? '', p.body)
    const hidden = isHidden(raw.labelIds)
    out.push({
      index: p.index,
      status: 200,
      hidden,
      prepared: hidden ? null : await prepareMessage(raw, raw.raw, own),
    })
  }
  return out
}
