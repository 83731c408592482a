// email-reply-parser (crisp-oss), the comparison point of the cleaning figures. Loaded
// dynamically: it is a dev dependency, never part of the app.

export type Cleaner = (text: string) => string

interface ReplyParserLike {
  read(text: string): { getVisibleText(): string }
}
type ReplyParserClass = new () => ReplyParserLike

function asParserClass(value: unknown): ReplyParserClass | null {
  if (typeof value !== 'function') return null
  return typeof (value.prototype as { read?: unknown } | undefined)?.read === 'function'
    ? (value as ReplyParserClass)
    : null
}

/** `new EmailReplyParser().read(text).getVisibleText()`, or null when not installed. */
export async function loadReplyParserBaseline(): Promise<Cleaner | null> {
  const name = 'email-reply-parser'
  let mod: Record<string, unknown>
  try {
    mod = (await import(name)) as Record<string, unknown>
  } catch {
    return null
  }
  const nested = mod.default as Record<string, unknown> | undefined
  const Parser =
    asParserClass(mod.default) ??
    asParserClass(mod.EmailReplyParser) ??
    asParserClass(nested?.default) ??
    asParserClass(nested?.EmailReplyParser)
  if (!Parser) return null
  return (text) => new Parser().read(text).getVisibleText()
}
