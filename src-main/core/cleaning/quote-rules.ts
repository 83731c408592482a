// Ordered table of the lines where quoted or forwarded history begins. Everything from the first
// match down is history (top-posting is the norm), except attribution lines followed by `>`
// quotes and then fresh text, which clean-text.ts treats as interleaved replies.
// Patterns are seeded from email-reply-parser (crisp-oss) and email-forward-parser and extended
// for Russian clients: Gmail-ru, Yandex, Mail.ru, Apple Mail ru, Outlook ru, Thunderbird ru.
import type { RemovedKind, RuleKind, RuleLang } from './rule-types'

/**
 * Which cheap check a line must pass before a rule's pattern runs; keeps the per-line cost to
 * a character test for ordinary prose (the sync cleans every message it stores).
 * - colon: the line ends with ':' (attribution lines, "Begin forwarded message:");
 * - divider: the line starts with '-' or '_';
 * - label: the line starts like a "From:" / "От:" header;
 * - on: the line starts with "On " (attributions with the quote on the same line).
 */
type Gate = 'colon' | 'divider' | 'label' | 'on'

export interface QuoteRule {
  id: string
  lang: RuleLang
  kind: Extract<RuleKind, 'quote-header' | 'separator'>
  removes: Extract<RemovedKind, 'quote' | 'forward'>
  gate: Gate
  /** A pattern for the trimmed line, or a predicate over the trimmed lines at index i. */
  test: RegExp | ((lines: readonly string[], i: number) => boolean)
  /** Clients wrap long attribution lines; such rules are also tried on 2-3 joined lines. */
  wraps?: boolean
  /** An attribution line ("… wrote:"); if `>` quotes and new text follow, it is interleaved. */
  attribution?: boolean
}

export interface QuoteMatch {
  rule: QuoteRule
  /** Number of lines the header occupies (more than 1 when the client wrapped it). */
  span: number
}

// A time ("10:02", "10.02") or a numeric date ("03.03", "3/4"); real attribution lines carry one.
const STAMP = String.raw`(?=.*(?:\d{1,2}[:./]\d{2}|@))`
// A name as clients print it in "<name> wrote:": up to four capitalised words, maybe in quotes.
const NAME = String.raw`["«]?\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3}["»]?`
const RU_WROTE = String.raw`(?:пишет|(?:на)?писал(?:\(а\)|а)?)`
const ADDRESS = String.raw`[<\[](?:mailto:)?[^\s<>[\]@]+@[^\s<>[\]]+[>\]]`

// Headers of an Outlook / Apple Mail / Thunderbird header block, English and Russian
// (labels as listed by email-forward-parser for those clients).
const FROM_LABEL = /^\*?(?:From|От|Отправитель)\*?\s?:/u
const OTHER_LABEL =
  /^\*?(?:Sent|Date|To|Cc|Bcc|Subject|Reply-To|Отправлено|Дата|Кому|Копия|Тема)\*?\s?:/iu
const STRONG_LABEL = /^\*?(?:Sent|Subject|Отправлено|Тема)\*?\s?:/iu
const BLOCK_WINDOW = 6

/**
 * "From: …" followed within a few lines by at least two more header labels, and either an
 * address on the From line or a Sent/Subject label: "From: London / To: Manchester / Date: …"
 * in a client's text is not a header block.
 */
function headerBlockAt(lines: readonly string[], i: number): boolean {
  const first = lines[i]
  if (first === undefined || !FROM_LABEL.test(first)) return false
  let labels = 0
  let strong = first.includes('@')
  const end = Math.min(lines.length, i + 1 + BLOCK_WINDOW)
  for (let j = i + 1; j < end; j++) {
    const t = lines[j] ?? ''
    if (!OTHER_LABEL.test(t)) continue
    labels++
    strong ||= STRONG_LABEL.test(t)
    if (labels >= 2 && strong) return true
  }
  return false
}

const re = (source: string, flags = 'u'): RegExp => new RegExp(source, flags)

/** Order matters only for which id is reported: specific rules first, generic ones last. */
// prettier-ignore
export const QUOTE_RULES: readonly QuoteRule[] = [
  // Dividers (RFC-less client conventions; Outlook, Gmail, Thunderbird, Yandex).
  { id: 'en-original-message', lang: 'en', kind: 'separator', removes: 'quote', gate: 'divider',
    test: /^-{2,}\s*Original Message\s*-{2,}$/i },
  { id: 'ru-original-message', lang: 'ru', kind: 'separator', removes: 'quote', gate: 'divider',
    test: re(String.raw`^-{2,}\s*(?:Исходное|Оригинальное) сообщение\s*-{2,}$`, 'iu') },
  { id: 'en-forwarded-message', lang: 'en', kind: 'separator', removes: 'forward', gate: 'divider',
    test: /^-{2,}\s*Forwarded message\s*-{2,}$/i },
  { id: 'ru-forwarded-message', lang: 'ru', kind: 'separator', removes: 'forward', gate: 'divider',
    test: re(String.raw`^-{2,}\s*(?:Пересылаемое|Перенаправленное|Пересланное) сообщение\s*-{2,}$`, 'iu') },
  { id: 'outlook-underscore-rule', lang: 'any', kind: 'separator', removes: 'quote', gate: 'divider',
    test: /^_{10,}$/ },
  // Zoho: "---- On Mon, 03 Mar 2025 10:02:33 +0000 Name <email> wrote ----".
  { id: 'dashed-attribution', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'divider',
    test: re(String.raw`^-{2,}\s*(?:On|В)\s.{4,300}\s(?:wrote|написал\S*)\s*:?\s*-{2,}$`) },
  // Apple Mail forwards.
  { id: 'en-begin-forwarded', lang: 'en', kind: 'separator', removes: 'forward', gate: 'colon',
    test: /^Begin forwarded message\s?:$/i },
  { id: 'ru-begin-forwarded', lang: 'ru', kind: 'separator', removes: 'forward', gate: 'colon',
    test: re(String.raw`^Начало (?:переадресованного|пересылаемого) сообщения\s?:$`, 'iu') },
  // Outlook desktop/web, Apple Mail and Thunderbird header blocks.
  { id: 'header-block', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'label',
    test: headerBlockAt },
  // Gmail-ru: "пн, 3 мар. 2025 г. в 10:02, Иван <ivan@x.ru>:".
  { id: 'ru-gmail-attribution', lang: 'ru', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    test: re(String.raw`^(?:пн|вт|ср|чт|пт|сб|вс),\s\d{1,2}\s[а-яё]{3,5}\.?\s\d{4}\sг\.\s?в\s\d{1,2}:\d{2}(?:,|\s).{1,300}:$`, 'iu') },
  // Gmail, Apple Mail, Outlook 2019, Thunderbird: "On <date>, <name> <email> wrote:".
  { id: 'en-on-wrote', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, test: re(String.raw`^On\s${STAMP}.{4,400}\s[Ww]rote\s?:$`) },
  // Thunderbird / older clients: "<date>, <name> wrote:", "<name> <email> wrote:".
  { id: 'en-dated-wrote', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, test: re(String.raw`^${STAMP}.{3,400}\s[Ww]rote\s?:$`) },
  { id: 'en-name-wrote', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'colon',
    attribution: true, test: re(String.raw`^${NAME}\swrote\s?:$`) },
  // "Mark Evans wrote on 11/03/2025 10:15:".
  { id: 'en-wrote-on', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, test: re(String.raw`^.{2,200}\swrote\son\s${STAMP}.{4,120}:$`) },
  // Yahoo puts the start of the quote on the attribution line: "On …, X <x@y> wrote:   Text".
  { id: 'en-on-wrote-inline', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'on',
    test: re(String.raw`^On\s.{4,300}${ADDRESS}\s?wrote:\s+\S.*$`) },
  // The Bat!: "Вы писали 3 марта 2025 г., 10:02:33:" / "You wrote 3 March 2025, 10:02:33:".
  { id: 'you-wrote', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'colon',
    attribution: true,
    test: re(String.raw`^(?:Вы\s(?:на)?писали|You\swrote)(?:\son)?\s${STAMP}.{4,160}:$`) },
  { id: 'fr-a-ecrit', lang: 'fr', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, test: re(String.raw`^Le\s.{4,400}\sa\s[ée]crit\s?:$`) },
  // Apple Mail ru "… написал(а):", Thunderbird ru "<date>, <name> пишет:", Outlook 2019 ru.
  { id: 'ru-dated-wrote', lang: 'ru', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, test: re(String.raw`^${STAMP}.{3,400}\s${RU_WROTE}\s?:$`, 'iu') },
  { id: 'ru-name-wrote', lang: 'ru', kind: 'quote-header', removes: 'quote', gate: 'colon',
    attribution: true, test: re(String.raw`^${NAME}\s${RU_WROTE}\s?:$`) },
  // Yandex "03.03.2025, 10:02, "Иван" <ivan@ya.ru>:", Mail.ru "… от Иван <ivan@mail.ru>:",
  // Gmail in other locales: a time, then an address, then a bare colon.
  { id: 'dated-address-colon', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    test: re(String.raw`^(?=.*\d{1,2}:\d{2}).{0,300}${ADDRESS}\s?:$`) },
]

const BY_GATE: Record<Gate, readonly QuoteRule[]> = {
  colon: QUOTE_RULES.filter((r) => r.gate === 'colon'),
  divider: QUOTE_RULES.filter((r) => r.gate === 'divider'),
  label: QUOTE_RULES.filter((r) => r.gate === 'label'),
  on: QUOTE_RULES.filter((r) => r.gate === 'on'),
}
const WRAPPING = QUOTE_RULES.filter((r) => r.wraps === true)
const LABEL_START = /^\*?(?:From|От|Отправитель)/u
const SENTENCE_END = /[.!?…]$/
const CONTINUATION = /^(?:<|\[mailto:|[^\s<>@]+@|wrote\s?:|a\s[ée]crit|пишет|написал)/iu
const WRAPPED_HEAD = /\d|[<[]$/
const MAX_HEADER_CHARS = 400

function runRule(rule: QuoteRule, lines: readonly string[], i: number, text: string): boolean {
  return typeof rule.test === 'function' ? rule.test(lines, i) : rule.test.test(text)
}

function singleLineRule(lines: readonly string[], i: number): QuoteRule | null {
  const t = lines[i] ?? ''
  if (t.length === 0 || t.length > MAX_HEADER_CHARS) return null
  const first = t.charCodeAt(0)
  let candidates: readonly QuoteRule[] = []
  if (t.charCodeAt(t.length - 1) === 58 /* : */) candidates = BY_GATE.colon
  if (first === 45 /* - */ || first === 95 /* _ */) candidates = candidates.concat(BY_GATE.divider)
  if (LABEL_START.test(t)) candidates = candidates.concat(BY_GATE.label)
  if (t.startsWith('On ')) candidates = candidates.concat(BY_GATE.on)
  for (const rule of candidates) if (runRule(rule, lines, i, t)) return rule
  return null
}

// Gmail breaks "… John Smith <" / "john@x.com> wrote:" right after the bracket.
function joinWrapped(parts: readonly string[]): string {
  let out = parts[0] ?? ''
  for (let k = 1; k < parts.length; k++) {
    const next = parts[k] ?? ''
    out += /[<[]$/.test(out) ? next : ` ${next}`
  }
  return out
}

/**
 * Matches the quote rules at line i of already-trimmed lines, trying a header wrapped over up
 * to three lines when the line alone does not match. `memo` caches single-line results.
 */
export function matchQuoteAt(
  lines: readonly string[],
  i: number,
  memo: Array<QuoteRule | null | undefined>,
): QuoteMatch | null {
  const single = (k: number): QuoteRule | null => {
    let hit = memo[k]
    if (hit === undefined) memo[k] = hit = singleLineRule(lines, k)
    return hit
  }
  const own = single(i)
  if (own) return { rule: own, span: 1 }
  const t = lines[i] ?? ''
  if (t.length === 0 || SENTENCE_END.test(t) || t.length > MAX_HEADER_CHARS) return null
  for (let span = 2; span <= 3; span++) {
    const j = i + span - 1
    const last = lines[j]
    if (last === undefined || last.length === 0 || last.startsWith('>')) break
    // A header of its own on line j means line i is text above it, unless line j is only the
    // tail of a wrapped header ("<john@x.com> wrote:") and line i carries the date or the "<".
    if (single(j) && !(CONTINUATION.test(last) && WRAPPED_HEAD.test(t))) break
    if (!last.endsWith(':')) continue
    const joined = joinWrapped(lines.slice(i, j + 1))
    if (joined.length > MAX_HEADER_CHARS) break
    for (const rule of WRAPPING) if (runRule(rule, lines, i, joined)) return { rule, span }
  }
  return null
}
