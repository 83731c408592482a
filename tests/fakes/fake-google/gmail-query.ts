// A small subset of Gmail search operators (https://support.google.com/mail/answer/7190), enough
// for a sync client: after/before/older/newer, newer_than/older_than, in:, is:, label:, category:
// and their negations. Unknown terms are ignored, as a lenient fake should.

export interface MessageFacts {
  labels: ReadonlySet<string>
  internalDate: number
}

export interface ParsedQuery {
  matches(m: MessageFacts): boolean
  /** `in:spam`, `in:trash` or `in:anywhere` lift the default exclusion of SPAM/TRASH. */
  mentionsSpamTrash: boolean
}

const IN_LABELS: Record<string, string> = {
  inbox: 'INBOX',
  sent: 'SENT',
  spam: 'SPAM',
  trash: 'TRASH',
  drafts: 'DRAFT',
  draft: 'DRAFT',
  chats: 'CHAT',
  chat: 'CHAT',
  starred: 'STARRED',
  important: 'IMPORTANT',
  unread: 'UNREAD',
}

const IS_LABELS: Record<string, string> = {
  unread: 'UNREAD',
  starred: 'STARRED',
  important: 'IMPORTANT',
  chat: 'CHAT',
}

// Gmail reads calendar dates in search as midnight Pacific Standard Time ("after:2004/04/16"
// in the Gmail API filtering guide); epoch seconds are exact.
// https://developers.google.com/gmail/api/guides/filtering
const PST_OFFSET_MS = 8 * 3600_000

function parseDate(value: string): number | undefined {
  if (/^\d{9,}$/.test(value)) return Number(value) * 1000
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value)
  if (!m) return undefined
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + PST_OFFSET_MS
}

function parseRelative(value: string, now: number): number | undefined {
  const m = /^(\d+)([dmy])$/.exec(value)
  if (!m) return undefined
  const days = Number(m[1]) * (m[2] === 'd' ? 1 : m[2] === 'm' ? 30 : 365)
  return now - days * 86_400_000
}

function tokenize(q: string): string[] {
  return q.match(/-?[\w]+:"[^"]*"|"[^"]*"|\S+/g) ?? []
}

function labelFor(op: string, value: string): string | undefined {
  if (op === 'in') return IN_LABELS[value] ?? (value === 'anywhere' ? '*' : undefined)
  if (op === 'is') return IS_LABELS[value] ?? (value === 'read' ? '!UNREAD' : undefined)
  if (op === 'category') return `CATEGORY_${value.toUpperCase()}`
  if (op === 'label') return IN_LABELS[value] ?? `label:${value}`
  return undefined
}

function hasLabel(labels: ReadonlySet<string>, wanted: string): boolean {
  if (wanted === '*') return true
  if (wanted === '!UNREAD') return !labels.has('UNREAD')
  if (wanted.startsWith('label:')) {
    const name = wanted
      .slice(6)
      .replace(/[-/ _]/g, '')
      .toLowerCase()
    for (const l of labels) if (l.replace(/[-/ _]/g, '').toLowerCase() === name) return true
    return false
  }
  return labels.has(wanted)
}

export function parseQuery(q: string | undefined, now: number): ParsedQuery {
  const tests: Array<(m: MessageFacts) => boolean> = []
  let mentionsSpamTrash = false
  for (const raw of tokenize(q ?? '')) {
    const negate = raw.startsWith('-')
    const term = negate ? raw.slice(1) : raw
    const colon = term.indexOf(':')
    if (colon <= 0) continue
    const op = term.slice(0, colon).toLowerCase()
    const value = term
      .slice(colon + 1)
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase()
    let test: ((m: MessageFacts) => boolean) | undefined
    if (op === 'after' || op === 'newer' || op === 'before' || op === 'older') {
      const at = parseDate(value)
      if (at === undefined) continue
      test =
        op === 'after' || op === 'newer' ? (m) => m.internalDate >= at : (m) => m.internalDate < at
    } else if (op === 'newer_than' || op === 'older_than') {
      const at = parseRelative(value, now)
      if (at === undefined) continue
      test = op === 'newer_than' ? (m) => m.internalDate >= at : (m) => m.internalDate < at
    } else {
      const wanted = labelFor(op, value)
      if (wanted === undefined) continue
      if (!negate && (wanted === 'SPAM' || wanted === 'TRASH' || wanted === '*')) {
        mentionsSpamTrash = true
      }
      test = (m) => hasLabel(m.labels, wanted)
    }
    const t = test
    tests.push(negate ? (m) => !t(m) : t)
  }
  return { matches: (m) => tests.every((t) => t(m)), mentionsSpamTrash }
}
