// Ordered table of signature and footer rules, applied from the bottom of the text that is left
// once quoted history is gone. Each rule finds the line where the signature starts; the cleaner
// cuts there and runs the table again, so "Thanks,\nAnna\n-- \nShop" loses both parts.
import type { Removal, RuleLang } from './rule-types'
import {
  isContactLine,
  isNameLine,
  isOrgLine,
  isTailLine,
  mentionsCompanyOrRole,
} from './signature-lines'

/** The trimmed lines still in play, with the name/contact classification cached per line. */
export interface BottomLines {
  readonly lines: readonly string[]
  isTail(k: number): boolean
}

export interface SignatureRule {
  id: string
  lang: RuleLang
  kind: 'signature' | 'footer'
  /** Index of the line where the signature or footer starts, or -1. */
  find: (bottom: BottomLines) => number
}

// How far up from the last line a closing or a footer may sit: a closing followed by more than
// this many name/contact lines is not near the end, and the text is kept.
const TAIL_WINDOW = 8
const BLOCK_MAX_LINES = 6

const EN_CLOSINGS = (
  'best regards|kind regards|warm regards|warmest regards|kindest regards|many regards|' +
  'warmest|warmly|warm wishes|' +
  'regards|best wishes|all the best|best|many thanks|thanks a lot|thanks so much|' +
  'thank you so much|thanks in advance|thank you in advance|thanks again|' +
  'thank you again|thank you|thanks|thx|cheers|sincerely|yours sincerely|' +
  'sincerely yours|yours faithfully|yours truly|respectfully|take care|with thanks|br|' +
  'kr|looking forward to your reply|looking forward to hearing from you|have a great day|' +
  'have a nice day|have a good day'
).split('|')
const RU_CLOSINGS = (
  'с уважением|с наилучшими пожеланиями|с уважением и наилучшими пожеланиями|' +
  'всего доброго|всего хорошего|всего наилучшего|спасибо|спасибо большое|' +
  'большое спасибо|заранее спасибо|спасибо заранее|благодарю|заранее благодарю|' +
  'с благодарностью|хорошего дня|хорошего вечера|до свидания|искренне ваш|искренне ваша|' +
  'жду ответа|жду вашего ответа|буду благодарен за ответ|буду благодарна за ответ'
).split('|')
const FR_CLOSINGS = 'cordialement|bien à vous|bien cordialement|merci'.split('|')

/** Alternation with the longest phrase first, so "best regards" wins over "best". */
function closingHead(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length)
  const alt = sorted.map((p) => p.replace(/ /g, String.raw`\s+`)).join('|')
  return new RegExp(`^(?:${alt})(.*)$`, 'iu')
}

// What may follow the phrase on the same line: punctuation and emoji, or a first name.
const CLOSING_PUNCT = /^[\s,.!…)\p{Extended_Pictographic}\ufe0f]*$/u
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)`
const CLOSING_NAME = new RegExp(
  String.raw`^\s*[,!.–—-]?\s*(?!(?:Вам|Вас|Тебе|You)(?:[\s.!,]|$))${NAME_WORD}(?:\s${NAME_WORD}){0,2}[.!]?$`,
  'u',
)

function closingMatcher(phrases: readonly string[]): (t: string) => boolean {
  const head = closingHead(phrases)
  return (t) => {
    const rest = head.exec(t)?.[1]
    return rest !== undefined && (CLOSING_PUNCT.test(rest) || CLOSING_NAME.test(rest))
  }
}

function hasTextAbove(lines: readonly string[], index: number): boolean {
  for (let k = index - 1; k >= 0; k--) if (lines[k] !== '') return true
  return false
}

/**
 * Walks up from the bottom over name/contact lines; returns the first line that satisfies
 * `isStart`, or -1 when a line of ordinary text comes first or the window runs out.
 */
function findAboveTail(bottom: BottomLines, isStart: (t: string) => boolean): number {
  const { lines } = bottom
  let seen = 0
  for (let k = lines.length - 1; k >= 0 && seen < TAIL_WINDOW; k--) {
    const t = lines[k] ?? ''
    if (t === '') continue
    seen++
    if (isStart(t)) return k
    if (!bottom.isTail(k)) return -1
  }
  return -1
}

function isLastLine(lines: readonly string[], index: number): boolean {
  for (let k = index + 1; k < lines.length; k++) if (lines[k] !== '') return false
  return true
}

// A sentence ends it: "Thanks in advance.", "Спасибо!", "Хорошего дня!"; so does a smiley or
// an emoji, which carries the same tone ("Спасибо)", "Thank you 🙂"). A sign-off ends with a
// comma or nothing: "Best regards,", "С уважением".
const SENTENCE_END = /(?:[.!…)]|\p{Extended_Pictographic})[\s)\p{Extended_Pictographic}\ufe0f]*$/u

function closingRule(id: string, lang: RuleLang, phrases: readonly string[]): SignatureRule {
  const isClosing = closingMatcher(phrases)
  return {
    id,
    lang,
    kind: 'signature',
    find(bottom) {
      const { lines } = bottom
      const k = findAboveTail(bottom, isClosing)
      // A closing that is the whole message ("Спасибо!") is the message.
      if (k < 0 || !hasTextAbove(lines, k)) return -1
      // A courtesy close on the last line is part of the message, as its author wrote it; only
      // a sign-off, or a closing with a name or contact lines under it, is the signature.
      const t = lines[k] ?? ''
      if (isLastLine(lines, k) && SENTENCE_END.test(t)) return -1
      return k
    },
  }
}

function footerRule(id: string, lang: RuleLang, pattern: RegExp): SignatureRule {
  return {
    id,
    lang,
    kind: 'footer',
    find: (bottom) => findAboveTail(bottom, (t) => pattern.test(t)),
  }
}

/** RFC 3676 §4.3: "-- " on its own line starts the signature (many clients drop the space). */
function sigDash({ lines }: BottomLines): number {
  return lines.indexOf('--')
}

// Home-made separators ("---", "—", "__") count only when name/contact lines alone follow.
const DASH_RULE = /^(?:-{3,}|—|–|_{2,9})$/

/**
 * A trailing block with no closing: a name (person or team), then company/position/contact
 * lines, at least one of them a contact or a company/role. Text introduced by a colon ("My address:") is kept.
 */
function contactBlock(bottom: BottomLines): number {
  const { lines } = bottom
  let end = lines.length - 1
  while (end >= 0 && lines[end] === '') end--
  let top = end
  while (top - 1 >= 0 && end - top + 1 < BLOCK_MAX_LINES && bottom.isTail(top - 1)) top--
  if (end < 0 || !bottom.isTail(top)) return -1
  for (let start = top; start < end; start++) {
    const first = lines[start] ?? ''
    // The block opens with a person ("Иван Петров") or a team ("Служба поддержки Ромашка").
    if (!isNameLine(first) && !(isOrgLine(first) && mentionsCompanyOrRole(first))) continue
    let marked = false
    for (let k = start + 1; k <= end && !marked; k++) {
      const t = lines[k] ?? ''
      marked = isContactLine(t) || mentionsCompanyOrRole(t)
    }
    if (!marked) continue
    let above = start - 1
    while (above >= 0 && lines[above] === '') above--
    if (above < 0 || (lines[above] ?? '').endsWith(':')) return -1
    return start
  }
  return -1
}

// Short answers and words that are not names, though capitalised and alone on a line.
const NOT_NAMES = new Set(
  (
    'yes no ok okay done sure thanks thank thx great perfect fine right correct agreed noted ' +
    'hi hello bye cheers regards best urgent asap please help update attached ' +
    'да нет ок окей хорошо понятно спасибо согласен согласна готово отлично ясно привет ' +
    'срочно жду пожалуйста'
  ).split(' '),
)
const SENTENCE_OR_CLAUSE_END = /[.!?…,;)»"”]\s*[\p{Extended_Pictographic}\ufe0f]*$/u
// "Robert", "Anna S.", "Николай", "- Mike", "Анна Сергеевна Петрова": a first name, then up to
// two more names or initials (a middle name or patronymic, a surname).
const BARE_NAME = /^[-–—]?\s?(\p{Lu}[\p{Ll}'’-]+)(?:\s(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)){0,2}$/u

/**
 * A bare name alone on the last line, under text: the sender signing without a closing. A
 * capitalised short answer ("Yes", "Готово") is not a name and stays.
 */
function bareName({ lines }: BottomLines): number {
  let end = lines.length - 1
  while (end >= 0 && lines[end] === '') end--
  const t = lines[end] ?? ''
  if (end < 1 || t.length > 30) return -1
  const m = BARE_NAME.exec(t)
  if (!m || NOT_NAMES.has((m[1] ?? '').toLowerCase())) return -1
  // Under a sentence, not under more short capitalised lines (the last item of a list).
  let above = end - 1
  while (above >= 0 && lines[above] === '') above--
  return above >= 0 && SENTENCE_OR_CLAUSE_END.test(lines[above] ?? '') ? end : -1
}

// A sign-off the closing tables do not list ("Talk soon,", "Thanks & regards,", "До связи,"):
// a short capitalised line ending with a comma, no digits or sentence marks inside.
const SIGNOFF_SHAPE = /^\p{Lu}[^\d.!?:;@]{0,38},$/u
const SIGNOFF_MAX_WORDS = 4

/**
 * A sign-off paragraph: a sign-off-shaped line, then the writer's name (or team) on the next
 * line, and below that nothing or contact/company lines. Without it the name below would go
 * as a bare name or a contact block and leave "Talk soon," dangling as the last line.
 */
function signoffLine(bottom: BottomLines): number {
  const { lines } = bottom
  const isStart = (t: string): boolean =>
    SIGNOFF_SHAPE.test(t) && t.split(/\s+/).length <= SIGNOFF_MAX_WORDS
  const k = findAboveTail(bottom, isStart)
  // Its own paragraph, under text.
  if (k < 1 || lines[k - 1] !== '' || !hasTextAbove(lines, k)) return -1
  const name = lines[k + 1] ?? ''
  const first = (name.split(/\s/)[0] ?? '').toLowerCase()
  if (NOT_NAMES.has(first)) return -1
  if (!isNameLine(name) && !(isOrgLine(name) && mentionsCompanyOrRole(name))) return -1
  // More than the name below: it must read as a signature block, not as a list of names.
  const rest = lines.slice(k + 2).filter((t) => t !== '')
  if (rest.length > 0 && !rest.some((t) => isContactLine(t) || mentionsCompanyOrRole(t))) return -1
  return k
}

// prettier-ignore
export const SIGNATURE_RULES: readonly SignatureRule[] = [
  { id: 'sig-dash', lang: 'any', kind: 'signature', find: sigDash },
  { id: 'dash-rule', lang: 'any', kind: 'signature',
    find: (bottom) => findAboveTail(bottom, (t) => DASH_RULE.test(t)) },
  footerRule('en-sent-from-my', 'en', /^Sent from my\s.{1,120}$/i),
  footerRule('en-sent-from-app', 'en',
    /^Sent (?:from|with|via) (?:Mail|Outlook|Yahoo|Gmail|Proton|ProtonMail|Spark|AOL|Samsung|BlueMail|Windows|Yandex|Mail\.ru)\b.{0,120}$/i),
  footerRule('en-get-outlook', 'en', /^Get Outlook for (?:iOS|Android|Mac|Windows)\b.{0,120}$/i),
  footerRule('en-sent-from-mailbox', 'en', /^Sent from Mailbox(?: for (?:iPhone|iPad|Android))?\.?$/i),
  footerRule('blackberry-wireless', 'any',
    /^(?:Sent wirelessly from my BlackBerry|Envoyé sans fil par mon terminal mobile BlackBerry)\b.{0,160}$/iu),
  footerRule('en-via-mobile', 'en', /^(?:via|from) (?:mobile|my phone)\.?$/i),
  footerRule('ru-sent-from', 'ru',
    /^Отправлено (?:с|со|из|через) (?:помощью )?(?:моего |мобильного |мобильной )?(?:iPhone|iPad|Android|Samsung|Galaxy|Huawei|Honor|Xiaomi|Redmi|Outlook|Gmail|Mail\.ru|Яндекс|телефона|смартфона|планшета|устройства|мобильн|почт|приложени).{0,120}$/iu),
  footerRule('ru-get-outlook', 'ru', /^(?:Получить|Скачать|Загрузите) Outlook для (?:iOS|Android)\b.{0,120}$/iu),
  closingRule('en-closing', 'en', EN_CLOSINGS),
  closingRule('ru-closing', 'ru', RU_CLOSINGS),
  closingRule('fr-closing', 'fr', FR_CLOSINGS),
  { id: 'signoff-line', lang: 'any', kind: 'signature', find: signoffLine },
  { id: 'contact-block', lang: 'any', kind: 'signature', find: contactBlock },
  { id: 'bare-name', lang: 'any', kind: 'signature', find: bareName },
]

/**
 * Removes signatures and footers from the bottom of `lines` (trailing spaces already gone),
 * appending what was removed to `removed`. Returns the kept lines.
 */
export function stripSignatures(lines: readonly string[], removed: Removal[]): string[] {
  // Cuts only shorten the list, so a line's cached class stays valid across passes.
  const tailCache: Array<boolean | undefined> = []
  const bottom = {
    lines: lines.map((l) => l.trim()),
    isTail(k: number): boolean {
      let tail = tailCache[k]
      if (tail === undefined) tailCache[k] = tail = isTailLine(this.lines[k] ?? '')
      return tail
    },
  }
  let end = lines.length
  for (let pass = 0; pass < SIGNATURE_RULES.length * 2; pass++) {
    let cut = -1
    for (const rule of SIGNATURE_RULES) {
      cut = rule.find(bottom)
      if (cut >= 0) {
        removed.push({ rule: rule.id, kind: rule.kind })
        break
      }
    }
    if (cut < 0) break
    end = cut
    bottom.lines = bottom.lines.slice(0, cut)
  }
  return lines.slice(0, end)
}
