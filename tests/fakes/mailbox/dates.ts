// Date text the way mail headers (RFC 5322 §3.3) and mail clients' quote lines print it.

import {
  EN_DAYS,
  EN_DAYS_LONG,
  EN_MONTHS,
  EN_MONTHS_LONG,
  RU_DAYS,
  RU_DAYS_LONG,
  RU_MONTHS_GENITIVE,
  RU_MONTHS_GMAIL,
} from '../date-names'

export interface Local {
  y: number
  mo: number
  d: number
  h: number
  mi: number
  s: number
  wd: number
}

export function local(ms: number, tz: number): Local {
  const t = new Date(ms + tz * 60_000)
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth(),
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    wd: t.getUTCDay(),
  }
}

const p2 = (n: number): string => String(n).padStart(2, '0')
const offset = (tz: number): string =>
  `${tz < 0 ? '-' : '+'}${p2(Math.floor(Math.abs(tz) / 60))}${p2(Math.abs(tz) % 60)}`
const ampm = (l: Local): string => `${l.h % 12 || 12}:${p2(l.mi)} ${l.h < 12 ? 'AM' : 'PM'}`
const hm = (l: Local): string => `${p2(l.h)}:${p2(l.mi)}`

/** RFC 5322 date-time, e.g. "Mon, 3 Mar 2025 10:02:13 +0300". */
export function rfc5322(ms: number, tz: number): string {
  const l = local(ms, tz)
  return `${EN_DAYS[l.wd]}, ${l.d} ${EN_MONTHS[l.mo]} ${l.y} ${hm(l)}:${p2(l.s)} ${offset(tz)}`
}

export const fmt = {
  gmailEn: (l: Local): string =>
    `${EN_DAYS[l.wd]}, ${EN_MONTHS[l.mo]} ${l.d}, ${l.y} at ${ampm(l)}`,
  gmailRu: (l: Local): string =>
    `${RU_DAYS[l.wd]}, ${l.d} ${RU_MONTHS_GMAIL[l.mo]} ${l.y} г. в ${hm(l)}`,
  appleEn: (l: Local): string => `${EN_MONTHS[l.mo]} ${l.d}, ${l.y}, at ${ampm(l)}`,
  appleRu: (l: Local): string => `${l.d} ${RU_MONTHS_GMAIL[l.mo]} ${l.y} г., в ${hm(l)}`,
  outlookEn: (l: Local): string =>
    `${EN_DAYS_LONG[l.wd]}, ${EN_MONTHS_LONG[l.mo]} ${l.d}, ${l.y} ${ampm(l)}`,
  outlookRu: (l: Local): string =>
    `${RU_DAYS_LONG[l.wd]}, ${l.d} ${RU_MONTHS_GENITIVE[l.mo]} ${l.y} г. ${hm(l)}`,
  numericRu: (l: Local): string => `${p2(l.d)}.${p2(l.mo + 1)}.${l.y} ${hm(l)}`,
  numericEn: (l: Local): string => `${l.mo + 1}/${l.d}/${String(l.y).slice(2)} ${hm(l)}`,
  mailruRu: (l: Local, tz: number): string => {
    const day = RU_DAYS_LONG[l.wd] ?? ''
    const sign = tz < 0 ? '-' : '+'
    const off = `${sign}${p2(Math.floor(Math.abs(tz) / 60))}:${p2(Math.abs(tz) % 60)}`
    return `${day.charAt(0).toUpperCase()}${day.slice(1)}, ${l.d} ${RU_MONTHS_GENITIVE[l.mo]} ${l.y}, ${hm(l)} ${off}`
  },
  longRu: (l: Local): string => `${l.d} ${RU_MONTHS_GENITIVE[l.mo]} ${l.y} г., ${hm(l)}`,
  longEn: (l: Local): string => `${l.d} ${EN_MONTHS_LONG[l.mo]} ${l.y}, ${hm(l)}`,
}
