// Personal data in mail text (e-mail addresses, phone numbers, card numbers) replaced by
// placeholders before text leaves the knowledge base: in exported training data and in what
// is sent to an AI provider. Written for Russian and English mail: Cyrillic mailbox names and
// domains (.рф), +7 / 8 phone styles, cards with spaces or dashes.

export interface PiiCounts {
  email: number
  phone: number
  card: number
}

export interface RedactedText {
  text: string
  counts: PiiCounts
}

export const PII_PLACEHOLDERS = { email: '[email]', phone: '[phone]', card: '[card]' } as const

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu

// 13–19 digits, optionally grouped by single spaces or dashes (ISO/IEC 7812 lengths).
const CARD = /(?<![\p{N}\p{L}])\d(?:[ -]?\d){12,18}(?![\p{N}\p{L}])/gu

// A run of digits with the separators phone numbers are written with; whether it is a phone
// is decided by isPhone (digit count, a leading + or separators).
const PHONE = /(?<![\p{N}\p{L}+])\+?\(?\d[\d \u00a0().-]{5,}\d(?![\p{N}\p{L}])/gu

const DATE_LIKE = /^\d{4}[-.]\d{1,2}[-.]\d{1,2}$|^\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$/

/** Luhn checksum (ISO/IEC 7812-1): keeps order and invoice numbers that happen to be long. */
function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

function isPhone(candidate: string): boolean {
  const text = candidate.trim()
  if (DATE_LIKE.test(text)) return false
  const digits = text.replace(/\D/g, '')
  if (text.startsWith('+')) return digits.length >= 8 && digits.length <= 15
  if (digits.length < 10 || digits.length > 12) return false
  // A bare run of digits is more often an order or account number than a phone.
  return /[\s().-]/.test(text) || /^[78]\d{10}$/.test(digits)
}

export function redactPii(text: string): RedactedText {
  const counts: PiiCounts = { email: 0, phone: 0, card: 0 }
  let out = text.replace(EMAIL, () => {
    counts.email++
    return PII_PLACEHOLDERS.email
  })
  out = out.replace(CARD, (m) => {
    const digits = m.replace(/\D/g, '')
    if (!luhnValid(digits)) return m
    counts.card++
    return PII_PLACEHOLDERS.card
  })
  out = out.replace(PHONE, (m) => {
    // The match may end in separators that belong to the sentence, e.g. "(call 8 800 …)".
    const trimmed = m.replace(/[\s(.-]+$/, '')
    if (!isPhone(trimmed)) return m
    counts.phone++
    return PII_PLACEHOLDERS.phone + m.slice(trimmed.length)
  })
  return { text: out, counts }
}
