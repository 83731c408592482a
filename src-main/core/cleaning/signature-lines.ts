// Line classifiers for the bottom of a message: what may follow a closing ("Best regards,")
// or form a signature block on its own. Each works on one trimmed line.

const EMAIL = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.\p{L}{2,}/u
const URL =
  /(?:https?:\/\/|www\.)\S+|^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|ru|рф|net|org|io|co|uk|de|su|by|kz|info|biz|shop|store|pro)(?:\/\S*)?$/iu
// Longest labels first: the first alternative that matches wins ("mobile" before "mob").
const PHONE_LABEL =
  /^(?:telephone|telegram|whatsapp|mobile|phone|viber|cell|fax|tel|mob|t|m|телефон|мобильный|факс|тел|моб|т)\.?\s?:?\s?/iu
// "+7 (495) 123-45-67", "8 (800) 555-35-35", "+44 20 7946 0958", "(555) 123-4567".
const PHONE = /^(?:\+\d|8\s?\(|\()[\d\s().-]{6,}\d(?:\s?(?:ext|доб)\.?\s?\d+)?$/iu
const HANDLE = /^(?:telegram|tg|skype|whatsapp|viber)\s?:?\s?@?[\w.]+$|^@[\w.]{3,}$/iu
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)`
const NAME = new RegExp(String.raw`^[-–—]?\s?${NAME_WORD}(?:\s${NAME_WORD}){0,3}$`, 'u')
// Company and position lines start with a capital, a digit or an opening quote, or name a
// company form or a role ("коллектив ООО «Вектор»").
const ORG_START = /^[\p{Lu}\d«"'(]/u
const ORG_ABBREVIATION = /(?:^|\s)(?:Ltd|Inc|Corp|Co|LLC|GmbH|Jr|Sr|г|ул|д|оф|стр|пр)\.$/u
// "ИП Орлова Ю.А.", "Smith J.R.": initials after a surname.
const INITIALS_END = /\s\p{Lu}\.\s?(?:\p{Lu}\.)?$/u
const POSTSCRIPT = /^(?:P\.?\s?S|П\.?\s?С|UPD|N\.?B)(?=[\s.:,]|$)/iu
const COMPANY_OR_ROLE =
  /\b(?:Ltd|LLC|Inc|GmbH|Corp|Company|Team|Support|Manager|Director|Officer|Specialist|Lead|Head|CEO|CTO|Founder|Department|Desk|Service)\b|(?:^|[\s«"])(?:ООО|ОАО|ЗАО|АО|ИП|ПАО)(?=[\s«"]|$)|менеджер|специалист|директор|руководител|отдел|служб|поддержк|команд|бухгалтер/iu
const MAX_TAIL_CHARS = 70
const MAX_ORG_WORDS = 8

const HAS_DIGIT = /\d/

export function isContactLine(t: string): boolean {
  if (t.length > MAX_TAIL_CHARS) return false
  // Cheap character checks first: this runs on the last lines of every message.
  if (HANDLE.test(t) || (t.includes('@') && EMAIL.test(t))) return true
  if ((t.includes('.') || t.includes('/')) && URL.test(t)) return true
  if (!HAS_DIGIT.test(t)) return false
  const bare = t.replace(PHONE_LABEL, '')
  return PHONE.test(bare) || (bare !== t && /^[\d\s().+-]{7,}$/.test(bare))
}

export function isNameLine(t: string): boolean {
  return t.length <= 40 && NAME.test(t)
}

/** A company or position line: short, capitalised, no sentence punctuation. */
export function isOrgLine(t: string): boolean {
  if (t.length > MAX_TAIL_CHARS || POSTSCRIPT.test(t)) return false
  if (!ORG_START.test(t) && !COMPANY_OR_ROLE.test(t)) return false
  if (/[?!:;]$|[?!]/.test(t)) return false
  if (t.endsWith('.') && !ORG_ABBREVIATION.test(t) && !INITIALS_END.test(t)) return false
  if (t.endsWith(',')) return false
  return t.split(/\s+/).length <= MAX_ORG_WORDS
}

/** Words that mark a line as a company or a position rather than ordinary text. */
export function mentionsCompanyOrRole(t: string): boolean {
  return COMPANY_OR_ROLE.test(t)
}

/** Anything that may sit under a closing: a name, a position, a company, a contact. */
export function isTailLine(t: string): boolean {
  return isContactLine(t) || isNameLine(t) || isOrgLine(t)
}
