// What a day in a date filter means: the user's local calendar day. The API bounds pairs by
// instants; the app and the command line both turn a day (YYYY-MM-DD) into the instants where it
// begins and ends in this machine's time zone, so the same dates find the same pairs in the
// window and in a terminal. Pure code the renderer may import too (eslint.config.mjs).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** The instants that bound a local day (YYYY-MM-DD): its first millisecond and its last (ISO
 * 8601); null when the value is not a calendar day (2026-02-30 is none). */
export function localDayBounds(value: string): { start: string; end: string } | null {
  const m = DAY.exec(value)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
  const start = new Date(y, mo, d)
  if (start.getFullYear() !== y || start.getMonth() !== mo || start.getDate() !== d) return null
  // The next midnight, not 24 hours later: a day with a clock change is 23 or 25 hours long.
  const next = new Date(y, mo, d + 1)
  return { start: start.toISOString(), end: new Date(next.getTime() - 1).toISOString() }
}

/** The local calendar day (YYYY-MM-DD) an instant falls on. */
export function localDayOf(instant: string | Date): string {
  const t = new Date(instant)
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`
}
