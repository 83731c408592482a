// Dates, durations and numbers in the user's language (Intl; no locale data of our own).
const dateTimes = new Map<string, Intl.DateTimeFormat>()

function dateTimeFormat(lng: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lng}|${withTime}`
  let f = dateTimes.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lng, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    })
    dateTimes.set(key, f)
  }
  return f
}

export function formatDateTime(iso: string | null, lng: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat(lng, true).format(d)
}

export function formatDate(iso: string | null, lng: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat(lng, false).format(d)
}

export function formatDuration(ms: number, lng: string): string {
  if (ms < 60_000) {
    return new Intl.NumberFormat(lng, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(ms / 1000)
  }
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  const unit = (value: number, u: 'minute' | 'second'): string =>
    new Intl.NumberFormat(lng, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value)
  return `${unit(minutes, 'minute')} ${unit(seconds, 'second')}`
}

export function formatNumber(n: number, lng: string): string {
  return new Intl.NumberFormat(lng).format(n)
}

/** A compact numeric date for list columns (11/25/26, 25.11.26). */
export function formatShortDate(iso: string | null, lng: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  let f = dateTimes.get(`${lng}|short`)
  if (!f) {
    f = new Intl.DateTimeFormat(lng, { year: '2-digit', month: '2-digit', day: '2-digit' })
    dateTimes.set(`${lng}|short`, f)
  }
  return f.format(d)
}

const languageNames = new Map<string, Intl.DisplayNames>()

/** An ISO 639-1 code as a language name in the UI's language ("German", "Немецкий"); the code
 * itself when the browser has no name for it. */
export function languageName(code: string, lng: string): string {
  let names = languageNames.get(lng)
  if (!names) {
    names = new Intl.DisplayNames([lng], { type: 'language', fallback: 'code' })
    languageNames.set(lng, names)
  }
  const name = names.of(code) ?? code
  return name.charAt(0).toLocaleUpperCase(lng) + name.slice(1)
}
