// Typed dates in the app's language, not the browser's: the order and separators of a numeric
// date come from Intl for the UI language (en: 12/31/2026, ru: 31.12.2026), and the same
// pattern reads what was typed. Values travel as local calendar days (YYYY-MM-DD), bounded
// for the API by @contract/local-days as the command line bounds them.
import { localDayOf } from '@contract/local-days'

export type DatePart = 'day' | 'month' | 'year'

export interface DatePattern {
  /** The fields in the language's order. */
  order: DatePart[]
  /** The separator between fields ('/', '.', …). */
  separator: string
}

const patterns = new Map<string, DatePattern>()

export function datePattern(lng: string): DatePattern {
  let p = patterns.get(lng)
  if (!p) {
    const parts = new Intl.DateTimeFormat(lng, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(2026, 11, 31))
    const order = parts
      .map((x) => x.type)
      .filter((x): x is DatePart => x === 'day' || x === 'month' || x === 'year')
    const separator = parts.find((x) => x.type === 'literal')?.value.trim() || '/'
    p = { order, separator }
    patterns.set(lng, p)
  }
  return p
}

/** The format a person types, with the language's letters: 'MM/DD/YYYY', 'ДД.ММ.ГГГГ'. */
export function dateHint(lng: string, letters: Record<DatePart, string>): string {
  const { order, separator } = datePattern(lng)
  return order.map((part) => letters[part]).join(separator)
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function day(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null
  const date = new Date(y, m - 1, d)
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return null
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

/**
 * What was typed → a day (YYYY-MM-DD), '' for nothing typed, or null when it is not a date.
 * Any non-digit separates fields; an ISO date (2026-12-31) is read in every language.
 */
export function parseTypedDate(text: string, lng: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  const nums = trimmed.split(/\D+/).filter(Boolean)
  if (nums.length !== 3) return null
  if (nums[0]!.length === 4) return day(Number(nums[0]), Number(nums[1]), Number(nums[2]))
  const { order } = datePattern(lng)
  const field = (part: DatePart): string => nums[order.indexOf(part)]!
  if (field('year').length !== 4) return null
  return day(Number(field('year')), Number(field('month')), Number(field('day')))
}

/** A day (YYYY-MM-DD) as the language writes it: 12/31/2026, 31.12.2026. */
export function formatTypedDate(value: string, lng: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return ''
  const { order, separator } = datePattern(lng)
  const fields: Record<DatePart, string> = { year: m[1]!, month: m[2]!, day: m[3]! }
  return order.map((part) => fields[part]).join(separator)
}

/** A day moved by `days` (for the arrow keys). */
export function shiftDay(value: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const base = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date()
  base.setDate(base.getDate() + (m ? days : 0))
  return localDayOf(base)
}
