// Per-thread context and the small choices of a support thread: subject prefixes, signatures,
// attachments and Gmail labels.

import type { Rng } from '../prng'
import type { Party } from './compose'
import { PACKS, type Lang, type Person, type Slots } from './content'
import type { QuoteSource } from './mail-clients'
import type { AttachmentSpec } from './mime-build'
import type { GeneratedMessage, MessageTruth } from './truth'

export const DAY = 86_400_000

export interface ThreadCtx {
  rng: Rng
  lang: Lang
  client: Person
  other: Person
  us: Party & { domain: string; tz: number }
  slots: Slots
  company: string
  out: GeneratedMessage[]
  /** Messages in this thread so far (mail.ru numbers its replies Re[n]). */
  count: number
  threadId: string
  threadKey?: string
  refs: string[]
  prev?: QuoteSource
  turn: string[]
  t: number
  now: number
  baseSubject: string
  /** The whole thread was moved to the bin: INBOX is replaced by TRASH (Gmail keeps SENT). */
  trashed?: boolean
}

export function pickLength(rng: Rng): number {
  const r = rng.next()
  return r < 0.1 ? 1 : r < 0.45 ? 2 : r < 0.65 ? 3 : r < 0.83 ? 4 : r < 0.92 ? 5 : 6
}

export function replySubject(ctx: ThreadCtx, incoming: boolean, n: number): string {
  if (!incoming) return `Re: ${ctx.baseSubject}`
  if (ctx.client.client === 'outlook') return `RE: ${ctx.baseSubject}`
  if (ctx.client.client === 'mailru' && n > 2) return `Re[${n - 1}]: ${ctx.baseSubject}`
  return `Re: ${ctx.baseSubject}`
}

export function clientSignature(rng: Rng, p: Person): string[] {
  const pack = PACKS[p.lang]
  const r = rng.next()
  if (r < 0.55) return [rng.pick(pack.signOffs), p.name]
  if (r < 0.7)
    return [
      '-- ',
      p.name,
      p.company,
      `+${p.lang === 'ru' ? '7 495' : '44 20'} ${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}`,
    ]
  if (r < 0.8 && (p.client === 'apple' || p.client === 'mailru' || p.client === 'yandex'))
    return [rng.pick(pack.mobileFooters)]
  if (r < 0.88) return [p.first]
  return []
}

export function ourSignature(ctx: ThreadCtx, agent: string): string[] {
  const team = ctx.lang === 'ru' ? `Служба поддержки ${ctx.company}` : `${ctx.company} Support Team`
  if (ctx.rng.chance(0.4)) return ['-- ', agent, team, `https://${ctx.us.domain}/help`]
  return [ctx.rng.pick(PACKS[ctx.lang].signOffs), agent, team]
}

export function attachmentFor(
  rng: Rng,
  lang: Lang,
  kind: 'screenshot' | 'invoice',
  slots: Slots,
): AttachmentSpec {
  const ru = lang === 'ru'
  const name =
    kind === 'invoice'
      ? ru
        ? `Счёт_${slots['ticket']}.pdf`
        : `invoice_${slots['ticket']}.pdf`
      : ru && rng.chance(0.5)
        ? `Скриншот ${rng.int(10, 28)}.0${rng.int(1, 9)}.png`
        : `screenshot_${rng.hex(6)}.png`
  return {
    filename: name,
    mimeType: kind === 'invoice' ? 'application/pdf' : 'image/png',
    encodedSize: rng.int(50_000, 500_000),
    nameStyle: rng.chance(0.5) ? 'rfc2231' : 'rfc2047',
  }
}

export function push(
  ctx: ThreadCtx,
  raw: Buffer,
  date: number,
  labels: string[],
  truth: Omit<MessageTruth, 'threadKey'>,
): void {
  ctx.threadKey ??= truth.key
  ctx.count++
  const incoming = truth.direction === 'incoming'
  // Gmail records internalDate when the message arrived; the Date header is the sender's clock.
  const internalDate = incoming ? date + ctx.rng.int(1_000, 9_000) : date
  ctx.out.push({
    raw,
    labelIds: ctx.trashed ? [...labels.filter((l) => l !== 'INBOX'), 'TRASH'] : labels,
    threadId: ctx.threadId,
    internalDate,
    truth: { ...truth, threadKey: ctx.threadKey },
  })
}

export function clientLabels(ctx: ThreadCtx, date: number): string[] {
  const labels = ['INBOX', ctx.rng.chance(0.8) ? 'CATEGORY_PERSONAL' : 'CATEGORY_UPDATES']
  if (ctx.rng.chance(0.3)) labels.push('IMPORTANT')
  if (ctx.now - date < 7 * DAY && ctx.rng.chance(0.5)) labels.push('UNREAD')
  if (ctx.rng.chance(0.08)) labels.push('Label_1')
  return labels
}
