// UTF-7 (RFC 2152), still sent by old Outlook and some webmail. TextDecoder rejects it and
// postal-mime has no decoder hook, so the pre-parse repair turns UTF-7 parts and encoded words
// into UTF-8 before postal-mime sees them; iconv-lite does the decoding.
import iconv from 'iconv-lite'
import { firstField, splitFields } from './header-block'
import { decodeQuotedPrintable } from './transfer-decode'

const UTF7_LABEL = /^["']?(?:x-)?(?:unicode-1-1-)?utf-?7["']?$/i
const UTF7_WORD = /=\?(?:x-)?(?:unicode-1-1-)?utf-?7(?:\*[^?\s]*)?\?([QqBb])\?([^?\s]*)\?=/gi
const HAS_UTF7 = /utf-?7/i

/** Whether a charset label names UTF-7. */
export function isUtf7Label(label: string | undefined): boolean {
  return label !== undefined && UTF7_LABEL.test(label.trim())
}

/** Decodes UTF-7 bytes to text. */
export function decodeUtf7(bytes: Buffer): string {
  return iconv.decode(bytes, 'utf-7')
}

function wordBytes(encoding: string, payload: string): Buffer {
  if (encoding === 'B' || encoding === 'b') return Buffer.from(payload, 'base64')
  return decodeQuotedPrintable(Buffer.from(payload.replace(/_/g, ' '), 'latin1'))
}

/** Rewrites `=?utf-7?…?=` encoded words in a header block (latin1 view) as UTF-8 ones. */
export function rewriteUtf7Words(block: string): string {
  if (!HAS_UTF7.test(block)) return block
  return block.replace(UTF7_WORD, (_m, encoding: string, payload: string) => {
    const text = decodeUtf7(wordBytes(encoding, payload))
    return `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`
  })
}

function setField(block: string, name: string, value: string, eol: string): string {
  const field = firstField(splitFields(block), name.toLowerCase())
  if (field) return `${block.slice(0, field.start)}${name}: ${value}${block.slice(field.end)}`
  return `${block}${name}: ${value}${eol}`
}

/**
 * A UTF-7 text part re-encoded as UTF-8 in base64: the new header block (latin1 view, with
 * charset and transfer encoding set) and body bytes.
 */
export function reencodeUtf7Part(
  block: string,
  decodedBody: Buffer,
): { block: string; body: Buffer } {
  const eol = block.includes('\r\n') || block.length === 0 ? '\r\n' : '\n'
  const charset = /(\bcharset[ \t]*=[ \t]*)("[^"]*"|[^;\s]*)/i
  const type = firstField(splitFields(block), 'content-type')
  let next = block
  if (type) {
    const text = block.slice(type.start, type.end).replace(charset, '$1utf-8')
    next = block.slice(0, type.start) + text + block.slice(type.end)
  }
  next = setField(next, 'Content-Transfer-Encoding', 'base64', eol)
  const base64 = Buffer.from(decodeUtf7(decodedBody), 'utf8').toString('base64')
  const lines = base64.match(/.{1,76}/g) ?? []
  return { block: next, body: Buffer.from(lines.join(eol) + eol, 'latin1') }
}
