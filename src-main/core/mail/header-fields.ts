// Header values that need more than RFC 2047 decoding: message ids, the Date field and the
// headers kept for the auto-reply / bulk-mail rules.

/** Headers kept verbatim (decoded) in ParsedMail.headers, lower-case. */
export const SELECTED_HEADERS = [
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'precedence',
  'list-id',
  'list-unsubscribe',
  'return-path',
  'x-mailer',
  'content-language',
  'x-failed-recipients',
] as const

const MAX_IDS = 200
const MAX_ID_LENGTH = 998 // RFC 5322 section 2.1.1 line limit

/**
 * Message ids from Message-ID / In-Reply-To / References (RFC 5322 section 3.6.4), each
 * normalised to `<id-left@id-right>` so that all three compare with plain string equality.
 * Comments, commas and stray text between ids are ignored; ids written without angle
 * brackets are accepted when nothing bracketed is present. Duplicates are dropped.
 */
export function parseMessageIds(value: string | undefined | null): string[] {
  if (!value) return []
  const text = value.replace(/\([^()]*\)/g, ' ')
  const candidates: string[] = []
  for (const match of text.matchAll(/<([^<>]*)>/g))
    candidates.push((match[1] ?? '').replace(/\s+/g, ''))
  // No bracketed id at all: accept bare `left@right` tokens.
  if (candidates.length === 0) {
    for (const token of text.split(/[\s,<>]+/)) if (token.includes('@')) candidates.push(token)
  }
  const ids: string[] = []
  const seen = new Set<string>()
  for (const id of candidates) {
    if (!id || id.length > MAX_ID_LENGTH || seen.has(id)) continue
    seen.add(id)
    ids.push(`<${id}>`)
    if (ids.length >= MAX_IDS) break
  }
  return ids
}

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
}
// Obsolete zone names (RFC 5322 section 4.3) plus the Moscow ones Russian mailers still write.
// prettier-ignore
const ZONES: Record<string, number> = {
  ut: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, msk: 180, msd: 240,
}
const RFC5322_DATE =
  /^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?/i
const MIN_YEAR = 1970
const MAX_YEAR = 2200

/**
 * The Date field as an ISO 8601 string (RFC 5322 section 3.3, with the obsolete two-digit
 * years and zone names of section 4.3), or null when missing or not a real date; the caller
 * then falls back to Gmail's internalDate.
 */
export function parseSentAt(value: string | undefined | null): string | null {
  if (!value) return null
  const text = value.replace(/\([^()]*\)/g, ' ').trim()
  const m = RFC5322_DATE.exec(text)
  let time: number
  if (m) {
    const [, day, mon, yearText, hh, mm, ss, zone] = m
    const month = MONTHS[(mon ?? '').toLowerCase()]
    if (month === undefined) return null
    let year = Number(yearText)
    if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900
    else if ((yearText ?? '').length === 3) year += 1900
    const hours = Number(hh)
    const minutes = Number(mm)
    const seconds = Number(ss ?? 0)
    const dayNum = Number(day)
    if (hours > 23 || minutes > 59 || seconds > 60 || dayNum < 1 || dayNum > 31) return null
    let offset = 0
    if (zone && /^[+-]\d{4}$/.test(zone)) {
      const sign = zone.startsWith('-') ? -1 : 1
      offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)))
    } else if (zone) {
      offset = ZONES[zone.toLowerCase()] ?? 0
    }
    time = Date.UTC(year, month, dayNum, hours, minutes, seconds) - offset * 60_000
    if (new Date(Date.UTC(year, month, dayNum)).getUTCDate() !== dayNum) return null
  } else {
    // ISO 8601 and other forms some gateways write.
    time = Date.parse(text)
  }
  if (!Number.isFinite(time)) return null
  const date = new Date(time)
  const year = date.getUTCFullYear()
  if (year < MIN_YEAR || year > MAX_YEAR) return null
  return date.toISOString()
}
