// Ordered table of the lines where quoted or forwarded history begins. Everything from the first
// match down is history (top-posting is the norm), except attribution lines followed by `>`
// quotes and then fresh text, which clean-text.ts treats as interleaved replies.
// Patterns are seeded from email-reply-parser (crisp-oss) and email-forward-parser and extended
// for Russian clients (Gmail-ru, Yandex, Mail.ru, Apple Mail ru, Outlook ru, Thunderbird ru) and
// for the Gmail, Apple Mail, Thunderbird and Outlook headers of the languages most Gmail users
// write.
import { BEGIN_FORWARDED_INTL, FORWARDED_INTL, ORIGINAL_INTL } from './quote-dividers-intl'
import { hasLabelColon, headerBlockAt } from './quote-header-block'
import type { RemovedKind, RuleKind, RuleLang } from './rule-types'

/**
 * Which cheap check a line must pass before a rule's pattern runs; keeps the per-line cost to
 * a character test for ordinary prose (the sync cleans every message it stores).
 * - colon: the line ends with ':' or '：' (attribution lines, "Begin forwarded message:");
 * - divider: the line starts with '-' or '_', or with '*-' / '_-' (a divider in emphasis);
 * - label: a ':' among the first characters, as in "From:" / "От:" / "发件人：";
 * - on: the line starts with "On " (attributions with the quote on the same line);
 * - digit: the line starts with a digit and ends with '>' or ':' ("2013/7/20 Name <a@b.c>").
 */
type Gate = 'colon' | 'divider' | 'label' | 'on' | 'digit'

export interface QuoteRule {
  id: string
  lang: RuleLang | readonly RuleLang[]
  kind: Extract<RuleKind, 'quote-header' | 'separator'>
  removes: Extract<RemovedKind, 'quote' | 'forward'>
  gate: Gate
  /** A pattern for the trimmed line, or a predicate over the trimmed lines at index i. */
  test: RegExp | ((lines: readonly string[], i: number) => boolean)
  /** Text the pattern cannot match without (case as written): a substring test skips it cheaply. */
  hint?: readonly string[]
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

const re = (source: string, flags = 'u'): RegExp => new RegExp(source, flags)
// The verb of "<name> wrote" in the languages of the attribution rules, for Android's
// "---- <name> wrote ----".
const ANY_WROTE = String.raw`(?:wrote|${RU_WROTE}|пише|написав|написала|schrieb|a\s[ée]crit|escribió|ha\sscritto|escreveu|schreef|pisze|napisał(?:\(a\)|a)?|skrev|napsal(?:\(a\)|a)?|yazdı|写道|寫道)`
// "2013/7/20", "2025-01-09", "12.02.2025", optionally with a time and a GMT offset.
const NUMERIC_DATE = String.raw`(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?:,?\s\d{1,2}:\d{2}(?::\d{2})?)?(?:\s?GMT[+-]\d{1,2}:?\d{2})?`

/** Order matters only for which id is reported: specific rules first, generic ones last. */
// prettier-ignore
export const QUOTE_RULES: readonly QuoteRule[] = [
  // Dividers (RFC-less client conventions; Outlook, Gmail, Thunderbird, Yandex, NetEase).
  { id: 'en-original-message', lang: 'en', kind: 'separator', removes: 'quote', gate: 'divider',
    test: /^-{2,}\s*(?:Original|Reply) Message\s*-{2,}$/i },
  { id: 'ru-original-message', lang: 'ru', kind: 'separator', removes: 'quote', gate: 'divider',
    test: re(String.raw`^-{2,}\s*(?:Исходное|Оригинальное) сообщение\s*-{2,}$`, 'iu') },
  { id: 'original-message-intl', lang: ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'no', 'da', 'cs', 'tr', 'uk', 'ja', 'zh'],
    kind: 'separator', removes: 'quote', gate: 'divider',
    test: re(String.raw`^-{2,}\s*(?:${ORIGINAL_INTL})\s*-{2,}$`, 'iu') },
  { id: 'en-forwarded-message', lang: 'en', kind: 'separator', removes: 'forward', gate: 'divider',
    test: /^-{2,}\s*Forwarded message\s*-{2,}$/i },
  { id: 'ru-forwarded-message', lang: 'ru', kind: 'separator', removes: 'forward', gate: 'divider',
    test: re(String.raw`^-{2,}\s*(?:(?:Пересылаемое|Перенаправленное|Пересланное) сообщение|Начало (?:пересылаемого|переадресованного) сообщения)\s*-{2,}$`, 'iu') },
  { id: 'forwarded-message-intl', lang: ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'no', 'da', 'cs', 'tr', 'uk', 'ja', 'zh'],
    kind: 'separator', removes: 'forward', gate: 'divider',
    test: re(String.raw`^-{2,}\s*(?:${FORWARDED_INTL})\s*-{2,}$`, 'iu') },
  { id: 'outlook-underscore-rule', lang: 'any', kind: 'separator', removes: 'quote', gate: 'divider',
    test: /^_{10,}$/ },
  // Zoho "---- On Mon, 03 Mar 2025 10:02:33 +0000 Name <email> wrote ----", Android
  // "---- Anna Smith wrote ----" (any language).
  { id: 'dashed-attribution', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'divider',
    test: re(String.raw`^-{2,}\s*\S.{0,300}\s${ANY_WROTE}\s*:?\s*-{2,}$`) },
  // Apple Mail forwards.
  { id: 'en-begin-forwarded', lang: 'en', kind: 'separator', removes: 'forward', gate: 'colon',
    test: /^Begin forwarded message\s?:$/i },
  { id: 'ru-begin-forwarded', lang: 'ru', kind: 'separator', removes: 'forward', gate: 'colon',
    test: re(String.raw`^Начало (?:переадресованного|пересылаемого) сообщения\s?:$`, 'iu') },
  { id: 'begin-forwarded-intl', lang: ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'no', 'da', 'cs', 'tr', 'ja', 'zh'],
    kind: 'separator', removes: 'forward', gate: 'colon',
    test: re(String.raw`^(?:${BEGIN_FORWARDED_INTL})\s?[:：]$`, 'iu') },
  // Outlook desktop/web, Apple Mail, Thunderbird, Outlook.com and Foxmail header blocks.
  { id: 'header-block', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'label',
    test: headerBlockAt },
  // Gmail-ru: "пн, 3 мар. 2025 г. в 10:02, Иван <ivan@x.ru>:".
  { id: 'ru-gmail-attribution', lang: 'ru', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    test: re(String.raw`^(?:пн|вт|ср|чт|пт|сб|вс),\s\d{1,2}\s[а-яё]{3,5}\.?\s\d{4}\sг\.\s?в\s\d{1,2}:\d{2}(?:,|\s).{1,300}:$`, 'iu') },
  // Older Gmail-ru: "понедельник, 6 октября 2014 г. пользователь Иван Петров написал:".
  { id: 'ru-user-wrote', lang: 'ru', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    test: re(String.raw`^(?:[а-я]+,\s)?\d{1,2}\s[а-яё]+\s\d{4}\sг\.(?:,\s\d{1,2}:\d{2})?\sпользователь\s.{1,300}\s${RU_WROTE}\s?:$`, 'iu') },
  // Gmail, Apple Mail, Outlook 2019, Thunderbird: "On <date>, <name> <email> wrote:".
  { id: 'en-on-wrote', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['rote'], test: re(String.raw`^On\s${STAMP}.{4,400}\s[Ww]rote\s?:$`) },
  // Thunderbird / older clients: "<date>, <name> wrote:", "<name> <email> wrote:".
  { id: 'en-dated-wrote', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['rote'], test: re(String.raw`^${STAMP}.{3,400}\s[Ww]rote\s?:$`) },
  { id: 'en-name-wrote', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'colon',
    attribution: true, hint: ['wrote'], test: re(String.raw`^${NAME}\swrote\s?:$`) },
  // "Mark Evans wrote on 11/03/2025 10:15:".
  { id: 'en-wrote-on', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['wrote'], test: re(String.raw`^.{2,200}\swrote\son\s${STAMP}.{4,120}:$`) },
  // Yahoo puts the start of the quote on the attribution line: "On …, X <x@y> wrote:   Text".
  { id: 'en-on-wrote-inline', lang: 'en', kind: 'quote-header', removes: 'quote', gate: 'on',
    test: re(String.raw`^On\s.{4,300}${ADDRESS}\s?wrote:\s+\S.*$`) },
  // The Bat!: "Вы писали 3 марта 2025 г., 10:02:33:" / "You wrote 3 March 2025, 10:02:33:".
  { id: 'you-wrote', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'colon',
    attribution: true,
    test: re(String.raw`^(?:Вы\s(?:на)?писали|You\swrote)(?:\son)?\s${STAMP}.{4,160}:$`) },
  { id: 'fr-a-ecrit', lang: 'fr', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['crit'], test: re(String.raw`^Le\s.{4,400}\sa\s[ée]crit\s?:$`) },
  // "Am 03.03.2025 um 10:02 schrieb Max <m@x.de>:", "Max Weber <m@x.de> schrieb:",
  // "Max <m@x.de> schrieb am So., 23. Juni 2024, 21:08:".
  { id: 'de-schrieb', lang: 'de', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    hint: ['schrieb'], test: re(String.raw`^(?:Am\s${STAMP}.{4,300}\sschrieb(?:\s.{1,200})?|.{1,200}${ADDRESS}\sschrieb(?:\sam\s.{4,120})?)\s?:$`) },
  // "El lun, 3 mar 2025 a las 10:02, Ana (<a@x.es>) escribió:".
  { id: 'es-escribio', lang: 'es', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['escribió'], test: re(String.raw`^(?:El\s)?${STAMP}.{3,400}\sescribió\s?:$`) },
  // "Il giorno lun 3 mar 2025 alle ore 10:02 Giulia <g@x.it> ha scritto:".
  { id: 'it-ha-scritto', lang: 'it', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['scritto'], test: re(String.raw`^${STAMP}.{3,400}\sha\sscritto\s?:$`) },
  // Brazil "Em seg., 3 de mar. de 2025 às 10:02, Ana <a@x.br> escreveu:", Portugal
  // "João <j@x.pt> escreveu no dia quarta, 5/03/2025 à(s) 14:22:".
  { id: 'pt-escreveu', lang: 'pt', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    hint: ['escreveu'], test: re(String.raw`^${STAMP}.{3,400}\sescreveu(?:\s(?:no\sdia|em)\s.{4,120})?\s?:$`) },
  // "Op ma 3 mrt 2025 om 10:02 schreef Anna <a@x.nl>:".
  { id: 'nl-schreef', lang: 'nl', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['schreef'], test: re(String.raw`^${STAMP}.{3,400}\sschreef(?:\s.{1,200})?\s?:$`) },
  // "W dniu 5.03.2025 o 14:22, Jan pisze:", Gmail "pon., 3 mar 2025 o 10:02 Jan <j@x.pl> napisał(a):".
  { id: 'pl-pisze', lang: 'pl', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    hint: ['pisze', 'napisał'], test: re(String.raw`^${STAMP}.{3,400}\s(?:pisze|napisał(?:\(a\)|a)?)\s?:$`) },
  // "Den mån 3 mars 2025 kl 10:02 skrev Anna <a@x.se>:", "Den 03.03.2025 kl. 10.02 skrev Lars:".
  { id: 'nordic-skrev', lang: ['sv', 'no', 'da'], kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['skrev'], test: re(String.raw`^${STAMP}.{3,300}\sskrev(?:\s.{1,200})?\s?:$`) },
  // "Dne 5. 3. 2025 v 14:22 Jana napsal(a):", Gmail "po 3. 3. 2025 v 10:02 odesílatel Jana <j@x.cz> napsal:".
  { id: 'cs-napsal', lang: 'cs', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['napsal'], test: re(String.raw`^${STAMP}.{3,400}\snapsal(?:\(a\)|a)?\s?:$`) },
  // "Ayşe <a@x.tr>, 3 Mar 2025 Pzt, 10:02 tarihinde şunu yazdı:".
  { id: 'tr-yazdi', lang: 'tr', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['yazdı'], test: re(String.raw`^${STAMP}.{3,400}\starihinde\s(?:şunu\s)?yazdı\s?:$`) },
  // Apple Mail ja "2025/03/05 14:22、Name <a@x.jp>のメッセージ:".
  { id: 'ja-message', lang: 'ja', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['のメッセージ'], test: re(String.raw`^${STAMP}.{3,300}のメッセージ\s?[:：]$`) },
  // Gmail zh "王芳 <w@x.cn> 于2025年3月3日周一 10:02写道：", Apple Mail zh "在 2025年3月5日，14:22，… 写道：".
  { id: 'zh-wrote', lang: 'zh', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, hint: ['写道', '寫道'], test: re(String.raw`^${STAMP}.{3,300}[写寫]道\s?[:：]$`) },
  // Apple Mail ru "… написал(а):", Thunderbird ru "<date>, <name> пишет:", Outlook 2019 ru.
  { id: 'ru-dated-wrote', lang: 'ru', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true, test: re(String.raw`^${STAMP}.{3,400}\s${RU_WROTE}\s?:$`, 'iu') },
  { id: 'ru-name-wrote', lang: 'ru', kind: 'quote-header', removes: 'quote', gate: 'colon',
    attribution: true, hint: ['пишет', 'писал'], test: re(String.raw`^${NAME}\s${RU_WROTE}\s?:$`) },
  // Ukrainian: Gmail "пн, 3 бер. 2025 р. о 10:02 Олена <o@x.ua> пише:", Thunderbird
  // "03.03.2025 10:02, "Name" <a@x.ua> пише:", older Gmail "… користувач Name написав:".
  { id: 'uk-wrote', lang: 'uk', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    test: re(String.raw`^(?:${STAMP}.{3,400}|.{0,40}\d{4}\sр\.(?:,\s\d{1,2}:\d{2})?\sкористувач\s.{1,300})\s(?:пише|написав|написала|написав\(ла\))\s?:$`, 'iu') },
  // Yandex "03.03.2025, 10:02, "Иван" <ivan@ya.ru>:", Mail.ru "… от Иван <ivan@mail.ru>:",
  // Gmail in other locales: a time, then an address, then a bare colon.
  { id: 'dated-address-colon', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'colon',
    wraps: true, attribution: true,
    test: re(String.raw`^(?=.*\d{1,2}:\d{2}).{0,300}${ADDRESS}\s?:$`) },
  // Old Gmail and other clients: "2013/7/20 Name <a@b.c>", "2024/11/28 Name <a@b.c>:", no time.
  { id: 'numeric-date-address', lang: 'any', kind: 'quote-header', removes: 'quote', gate: 'digit',
    attribution: true,
    test: re(String.raw`^${NUMERIC_DATE},?\s.{1,200}${ADDRESS}\s?:?$`) },
]

const BY_GATE: Record<Gate, readonly QuoteRule[]> = {
  colon: QUOTE_RULES.filter((r) => r.gate === 'colon'),
  divider: QUOTE_RULES.filter((r) => r.gate === 'divider'),
  label: QUOTE_RULES.filter((r) => r.gate === 'label'),
  on: QUOTE_RULES.filter((r) => r.gate === 'on'),
  digit: QUOTE_RULES.filter((r) => r.gate === 'digit'),
}
const WRAPPING = QUOTE_RULES.filter((r) => r.wraps === true)
const SENTENCE_END = /[.!?…]$/
// The tail of a wrapped attribution: "<john@x.com> wrote:", "mailto:…", "> wrote:" (Polymail
// breaks before the bracket), "şunu yazdı:".
const CONTINUATION =
  /^(?:<|\[mailto:|mailto:|[^\s<>@]+@|>?\s?wrote\s?:|a\s[ée]crit|пишет|написал|пише|şunu\syazdı|schrieb|escribió|ha\sscritto|escreveu|schreef|napisał|skrev|napsal)/iu
const QUOTED_TAIL = /^>\s?wrote\s?:$/i
const WRAPPED_HEAD = /\d|[<[]$/
// "Max <m@x.de> schrieb am So., 23." / "Juni 2024, 21:08:": a header wrapped after the day.
const WRAPPED_AT_DAY = /@.*\s\d{1,2}\.$/
const MAX_HEADER_CHARS = 400

function runRule(rule: QuoteRule, lines: readonly string[], i: number, text: string): boolean {
  return typeof rule.test === 'function' ? rule.test(lines, i) : rule.test.test(text)
}

function hinted(rule: QuoteRule, text: string): boolean {
  return rule.hint === undefined || rule.hint.some((h) => text.includes(h))
}

function firstMatch(
  rules: readonly QuoteRule[],
  lines: readonly string[],
  i: number,
  text: string,
): QuoteRule | null {
  for (const rule of rules) if (hinted(rule, text) && runRule(rule, lines, i, text)) return rule
  return null
}

/** "*-------- Original Message --------*": a divider in bold or italic marks, without them. */
function dividerText(t: string, first: number): string | null {
  if (first === 45 /* - */) return t
  if (first !== 42 /* * */ && first !== 95 /* _ */) return null
  if (t.charCodeAt(1) === 45 && t.charCodeAt(t.length - 1) === first) return t.slice(1, -1).trim()
  return first === 95 ? t : null
}

function singleLineRule(lines: readonly string[], i: number): QuoteRule | null {
  const t = lines[i] ?? ''
  if (t.length === 0 || t.length > MAX_HEADER_CHARS) return null
  const first = t.charCodeAt(0)
  const last = t.charCodeAt(t.length - 1)
  const colonEnd = last === 58 /* : */ || last === 0xff1a /* ： */
  if (colonEnd) {
    const hit = firstMatch(BY_GATE.colon, lines, i, t)
    if (hit) return hit
  }
  const divider = dividerText(t, first)
  if (divider !== null) {
    const hit = firstMatch(BY_GATE.divider, lines, i, divider)
    if (hit) return hit
  }
  if (hasLabelColon(t)) {
    const hit = firstMatch(BY_GATE.label, lines, i, t)
    if (hit) return hit
  }
  if (t.startsWith('On ')) {
    const hit = firstMatch(BY_GATE.on, lines, i, t)
    if (hit) return hit
  }
  const digitStart = first >= 48 /* 0 */ && first <= 57 /* 9 */
  if (digitStart && (colonEnd || last === 62) /* > */) return firstMatch(BY_GATE.digit, lines, i, t)
  return null
}

// Gmail breaks "… John Smith <" / "john@x.com> wrote:" right after the bracket; Polymail puts
// "> wrote:" on a line of its own.
function joinWrapped(parts: readonly string[]): string {
  let out = parts[0] ?? ''
  for (let k = 1; k < parts.length; k++) {
    const next = (parts[k] ?? '').replace(/^>\s?(?=wrote)/i, '')
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
  if (t.length === 0 || t.length > MAX_HEADER_CHARS) return null
  if (SENTENCE_END.test(t) && !WRAPPED_AT_DAY.test(t)) return null
  for (let span = 2; span <= 3; span++) {
    const j = i + span - 1
    const last = lines[j]
    if (last === undefined || last.length === 0) break
    if (last.startsWith('>') && !QUOTED_TAIL.test(last)) break
    // A header of its own on line j means line i is text above it, unless line j is only the
    // tail of a wrapped header ("<john@x.com> wrote:") and line i carries the date or the "<".
    if (single(j) && !(CONTINUATION.test(last) && WRAPPED_HEAD.test(t))) break
    if (!last.endsWith(':') && !last.endsWith('：')) continue
    const joined = joinWrapped(lines.slice(i, j + 1))
    if (joined.length > MAX_HEADER_CHARS) break
    for (const rule of WRAPPING) {
      if (hinted(rule, joined) && runRule(rule, lines, i, joined)) return { rule, span }
    }
  }
  return null
}
