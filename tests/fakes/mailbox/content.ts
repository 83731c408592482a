// People, slot values and text assembly for generated support threads.

import type { Rng } from '../prng'
import { EN_MONTHS_LONG, RU_MONTHS, RU_MONTHS_GENITIVE } from '../date-names'
import { EN } from './content-en'
import { RU } from './content-ru'

export type Lang = 'en' | 'ru'
export type ClientId =
  'gmail' | 'outlook' | 'apple' | 'thunderbird' | 'mailru' | 'yandex' | 'thebat'

export interface Topic {
  subject: string[]
  open: string[][]
  reply: string[][]
  followUp: string[][]
  answer2: string[][]
  thanks: string[]
}

export interface LangPack {
  firstNames: string[]
  lastNames: string[]
  /** Russian surnames agree in gender; empty for English. */
  femaleLastNames: string[]
  agents: string[]
  clientGreetings: string[]
  ourGreetings: string[]
  clientClosings: string[]
  ourClosings: string[]
  signOffs: string[]
  mobileFooters: string[]
  addOns: string[]
  topics: Topic[]
  outreach: string[][]
  autoReply: string[][]
  newsletter: string[][]
  spam: string[][]
  draftNote: string[]
}

export const PACKS: Record<Lang, LangPack> = { en: EN, ru: RU }

export interface Person {
  name: string
  first: string
  email: string
  domain: string
  lang: Lang
  client: ClientId
  /** UTC offset in minutes, used for Date headers and quote lines. */
  tz: number
  company: string
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
}
const translit = (s: string): string =>
  [...s.toLowerCase()].map((c) => TRANSLIT[c] ?? (/[a-z0-9]/.test(c) ? c : '')).join('')

// Female first names end in -а/-я in this list (Russian), which picks the surname form.
const FEMALE_RU = /[ая]$/

const DOMAINS: Record<Lang, Array<[string, ClientId[]]>> = {
  en: [
    ['gmail.com', ['gmail']],
    ['outlook.com', ['outlook']],
    ['yahoo.com', ['gmail', 'apple']],
    ['icloud.com', ['apple']],
    ['northwind.example', ['outlook', 'thunderbird']],
    ['brightlane.example', ['outlook', 'apple']],
    ['fabrikam.example', ['outlook']],
  ],
  ru: [
    ['mail.ru', ['mailru', 'apple']],
    ['yandex.ru', ['yandex']],
    ['gmail.com', ['gmail']],
    ['bk.ru', ['mailru']],
    ['list.ru', ['mailru']],
    ['rambler.ru', ['thebat', 'thunderbird']],
    ['stroymontazh.example', ['outlook', 'thebat']],
    ['tehnoservis.example', ['outlook', 'thunderbird']],
  ],
}

const COMPANIES: Record<Lang, string[]> = {
  en: [
    'Northwind Traders Ltd',
    'Brightlane Inc.',
    'Fabrikam LLC',
    'Oakridge Dental',
    'Blue Harbor Logistics',
  ],
  ru: [
    'ООО «Строймонтаж»',
    'ООО «Техносервис»',
    'ИП Кузнецов А. В.',
    'АО «Северный ветер»',
    'ООО «Ромашка»',
  ],
}

export function makePerson(rng: Rng, lang: Lang): Person {
  const pack = PACKS[lang]
  const first = rng.pick(pack.firstNames)
  const female = lang === 'ru' && FEMALE_RU.test(first)
  const last = female ? rng.pick(pack.femaleLastNames) : rng.pick(pack.lastNames)
  const [domain, clients] = rng.pick(DOMAINS[lang])
  const local = rng.chance(0.5)
    ? `${translit(first)}.${translit(last)}`
    : `${translit(first)[0] ?? 'x'}${translit(last)}${rng.chance(0.3) ? rng.int(1, 99) : ''}`
  const tz = lang === 'ru' ? rng.pick([180, 180, 180, 300, 420]) : rng.pick([-480, -300, 0, 60, 0])
  return {
    name: `${first} ${last}`,
    first,
    email: `${local}@${domain}`,
    domain,
    lang,
    client: rng.pick(clients),
    tz,
    company: rng.pick(COMPANIES[lang]),
  }
}

const MONTHS: Record<Lang, string[]> = { en: EN_MONTHS_LONG, ru: RU_MONTHS }
const ERRORS = [
  'Session expired (code 419)',
  'Error 500: Internal Server Error',
  'ERR_CONNECTION_RESET',
  'Transaction declined: 05 Do not honor',
  'Invalid token',
  'Timeout while generating file',
  'Tracking number not found',
]
const PLANS: Record<Lang, string[]> = {
  en: ['Business', 'Pro', 'Enterprise'],
  ru: ['Бизнес', 'Профи', 'Корпоративный'],
}

export type Slots = Record<string, string>

export function makeSlots(
  rng: Rng,
  lang: Lang,
  at: number,
  company: string,
  client: Person,
  other: Person,
): Slots {
  const d = new Date(at + rng.int(-20, 20) * 86_400_000)
  const month = MONTHS[lang][d.getUTCMonth()] ?? ''
  const date =
    lang === 'en'
      ? `${MONTHS.en[d.getUTCMonth()]} ${d.getUTCDate()}`
      : `${d.getUTCDate()} ${RU_MONTHS_GENITIVE[d.getUTCMonth()]}`
  const amount =
    lang === 'en'
      ? `$${rng.int(9, 1999)}.${rng.int(10, 99)}`
      : `${rng.int(490, 89_900).toLocaleString('ru-RU')} ₽`
  return {
    order: `${rng.pick(['A', 'R', 'N'])}-${rng.int(100_000, 999_999)}`,
    ticket: `${rng.pick(['TK', 'RT', 'CS'])}${rng.int(10_000, 99_999)}`,
    amount: amount.replace(/\u00a0/g, ' '),
    error: rng.pick(ERRORS),
    plan: rng.pick(PLANS[lang]),
    month: `${month} ${d.getUTCFullYear()}`,
    date,
    product: `${company} ${lang === 'en' ? 'Cloud' : 'Онлайн'}`,
    company,
    client: client.first,
    client2: other.name,
    clientCompany: client.company,
    clientDomain: client.domain,
    vat: String(rng.int(1000, 9999)),
    qty: String(rng.int(3, 60)),
    vendor: rng.pick(['Helpdeskly', 'Mailora', 'Statboard']),
  }
}

export const fill = (template: string, slots: Slots): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => slots[k] ?? m)

/** The author's own words: greeting, paragraphs and closing line, blank-line separated. */
export function ownWords(
  greeting: string,
  paragraphs: string[],
  closing: string,
  slots: Slots,
): string {
  return [greeting, ...paragraphs, closing]
    .filter((p) => p !== '')
    .map((p) => fill(p, slots))
    .join('\n\n')
}
