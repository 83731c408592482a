// What we can still say about a message postal-mime could not parse: its top-level headers,
// read by a plain split at the first blank line, with the same label and 8-bit fixes as the
// main path. Never throws.
import { decodeWords } from 'postal-mime'
import { parseAddressList } from './addresses'
import { canonicalizeHeaderLabels } from './charset-labels'
import { readTopFields, splitFields } from './header-block'
import { parseMessageIds, parseSentAt } from './header-fields'
import { transcodeHeaderLines } from './raw-repair'
import type { MailAddress } from './types'

const MAX_BLOCK_BYTES = 1024 * 1024
const MAX_FIELDS = 100
const MAX_VALUE = 2000

export interface FallbackHeaders {
  headers: Record<string, string>
  subject: string
  from: MailAddress | null
  messageId: string | null
  sentAt: string | null
}

function safeDecode(value: string): string {
  try {
    return decodeWords(value)
  } catch {
    return value
  }
}

export function readFallbackHeaders(raw: Buffer): FallbackHeaders {
  const result: FallbackHeaders = {
    headers: {},
    subject: '',
    from: null,
    messageId: null,
    sentAt: null,
  }
  try {
    const { block } = readTopFields(raw, MAX_BLOCK_BYTES)
    const latin1 = transcodeHeaderLines(
      canonicalizeHeaderLabels(block.toString('latin1')),
      undefined,
    )
    const text = Buffer.from(latin1, 'latin1').toString('utf8')
    const rawValues = new Map<string, string>()
    for (const field of splitFields(text)) {
      if (rawValues.size >= MAX_FIELDS) break
      if (rawValues.has(field.name) || field.name === '__proto__') continue
      rawValues.set(field.name, field.value)
      result.headers[field.name] = safeDecode(field.value.slice(0, MAX_VALUE))
    }
    const h = result.headers
    result.subject = h.subject ?? ''
    // The address parser decodes display names itself, so it gets the raw value.
    result.from = parseAddressList(rawValues.get('from'))[0] ?? null
    result.messageId = parseMessageIds(h['message-id'])[0] ?? null
    result.sentAt = parseSentAt(h.date)
  } catch {
    // Keep whatever was read before the failure.
  }
  return result
}
