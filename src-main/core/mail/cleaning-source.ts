// Which stored body a message's own words are cleaned from. Sync, "Rebuild pairs" and the
// review's thread context all read a stored message the same way, so what a reviewer sees of
// an earlier message is cleaned exactly like the pair texts.
import { htmlToTextNoQuotes } from './html-text'

/** Synthetic key in messages.headers: the body had no text/plain part (clean from the HTML). */
export const TEXT_SOURCE_HEADER = 'x-replybase-text-source'

export function cleaningSource(
  headers: Record<string, string>,
  bodyText: string | null | undefined,
  bodyHtml: string | null | undefined,
): string {
  if (headers[TEXT_SOURCE_HEADER] === 'html' && bodyHtml) return htmlToTextNoQuotes(bodyHtml)
  return bodyText ?? ''
}
