// One conversation of a generated mailbox: alternating client and our messages, with the
// occasional auto-reply, bounce, draft, second client message or unanswered last turn.

import { compose, personParty, type Composed, type Party } from './compose'
import { PACKS, fill, ownWords } from './content'
import { autoReply, bounce, type Simple } from './special'
import {
  DAY,
  attachmentFor,
  clientLabels,
  clientSignature,
  ourSignature,
  pickLength,
  push,
  replySubject,
  type ThreadCtx,
} from './thread-parts'
import type { MessageKind } from './truth'

function human(
  ctx: ThreadCtx,
  who: 'client' | 'ours' | 'draft',
  paragraphs: string[],
  greet: boolean,
  attach?: 'screenshot' | 'invoice',
): Composed {
  const { rng, lang } = ctx
  const pack = PACKS[lang]
  const incoming = who === 'client'
  const agent = rng.pick(pack.agents)
  const greeting = greet ? rng.pick(incoming ? pack.clientGreetings : pack.ourGreetings) : ''
  const closing = greet ? rng.pick(incoming ? pack.clientClosings : pack.ourClosings) : ''
  const own = ownWords(greeting, paragraphs, closing, { ...ctx.slots, agent })
  const n = ctx.count + 1
  const subject = ctx.prev ? replySubject(ctx, incoming, n) : ctx.baseSubject
  const from = incoming ? personParty(ctx.client) : ctx.us
  const to: Party = incoming ? ctx.us : { name: ctx.client.name, email: ctx.client.email }
  const c = compose({
    rng,
    lang,
    client: ctx.client.client,
    from,
    to,
    subject,
    date: ctx.t,
    own,
    signature: incoming ? clientSignature(rng, ctx.client) : ourSignature(ctx, agent),
    quote: ctx.prev,
    inReplyTo: ctx.refs[ctx.refs.length - 1],
    references: ctx.refs.slice(-10),
    incoming,
    attachments: attach ? [attachmentFor(rng, lang, attach, ctx.slots)] : [],
  })
  const key = c.messageId.slice(1, -1)
  const labels = who === 'draft' ? ['DRAFT'] : incoming ? clientLabels(ctx, ctx.t) : ['SENT']
  push(ctx, c.raw, ctx.t, labels, {
    key,
    direction: incoming ? 'incoming' : 'outgoing',
    kind: who === 'client' ? 'client' : who,
    language: lang,
    cleanText: c.own,
    subject: c.subject,
    from: from.email,
    charset: c.format.charset,
    transferEncoding: c.format.cte,
    structure: attach ? 'mixed' : c.format.structure,
    client: incoming ? ctx.client.client : 'gmail-web',
    quoteStyle: c.quoteStyle,
    hasAttachment: attach !== undefined,
    answers: who === 'ours' && ctx.turn.length ? [...ctx.turn] : undefined,
  })
  if (who === 'client') ctx.turn.push(key)
  else if (who === 'ours') ctx.turn = []
  ctx.refs.push(c.messageId)
  ctx.prev = {
    name: from.name,
    email: from.email,
    date: ctx.t,
    subject: c.subject,
    toName: to.name,
    toEmail: to.email,
    messageId: c.messageId.slice(1, -1),
    text: c.text,
    html: c.htmlInner,
  }
  return c
}

export function special(
  ctx: ThreadCtx,
  s: Simple,
  kind: MessageKind,
  labels: string[],
  from: string,
): void {
  push(ctx, s.raw, ctx.t, labels, {
    key: s.messageId.slice(1, -1),
    direction: 'incoming',
    kind,
    language: ctx.lang,
    cleanText: s.text,
    subject: s.subject,
    from,
    charset: 'utf-8',
    transferEncoding: kind === 'bounce' ? 'quoted-printable' : 'mixed',
    structure: kind === 'bounce' ? 'report' : 'text',
    client: kind,
    hasAttachment: false,
  })
}

/** One support conversation; stops early at `limit` messages or at `now`. */
export function conversation(ctx: ThreadCtx, limit: number): void {
  const { rng } = ctx
  const pack = PACKS[ctx.lang]
  const topic = rng.pick(pack.topics)
  const v = rng.int(0, 7)
  const at = <T>(xs: T[]): T => xs[v % xs.length] as T
  ctx.baseSubject = fill(at(topic.subject), ctx.slots)
  const ourFirst = rng.chance(0.05)
  const length = ourFirst ? rng.int(1, 4) : pickLength(rng)
  const doubleTurn = rng.chance(0.05)
  const typo = ourFirst && rng.chance(0.25)
  const step = (minMs: number, maxMs: number): boolean => {
    ctx.t += rng.int(minMs, maxMs)
    return ctx.t < ctx.now && ctx.out.length < limit
  }
  if (typo) ctx.client = { ...ctx.client, email: ctx.client.email.replace('@', '@x') }
  for (let i = 0; i < length; i++) {
    const ours = ourFirst ? i % 2 === 0 : i % 2 === 1
    // We answer within minutes to a day; clients come back within an hour to a few days.
    if (i > 0 && !(ours ? step(600_000, 30 * 3_600_000) : step(3_600_000, 4 * DAY))) return
    const last = i === length - 1
    if (ours) {
      const paras = i === 0 ? at(pack.outreach) : i <= 2 ? at(topic.reply) : at(topic.answer2)
      const invoice = /invoice|Акт|счёт/i.test(ctx.baseSubject) && i <= 2 && rng.chance(0.6)
      const sent = human(ctx, 'ours', paras, true, invoice ? 'invoice' : undefined)
      if (typo && i === 0) {
        if (!step(5_000, 60_000)) return
        special(
          ctx,
          bounce({
            rng,
            lang: ctx.lang,
            date: ctx.t,
            to: ctx.us.email,
            original: sent.raw,
            badAddress: ctx.client.email,
            inReplyTo: sent.messageId,
          }),
          'bounce',
          ['INBOX'],
          'mailer-daemon@googlemail.com',
        )
        return
      }
      if (rng.chance(0.04) && step(60_000, 180_000)) {
        const lines = at(pack.autoReply).map((l) => fill(l, ctx.slots))
        special(
          ctx,
          autoReply({
            rng,
            lang: ctx.lang,
            date: ctx.t,
            to: ctx.us.email,
            from: personParty(ctx.client),
            subject: `Re: ${ctx.baseSubject}`,
            inReplyTo: sent.messageId,
            lines,
          }),
          'auto-reply',
          ['INBOX', 'CATEGORY_UPDATES'],
          ctx.client.email,
        )
      }
    } else {
      const first = ourFirst ? i === 1 : i === 0
      const paras = first
        ? ourFirst
          ? at(topic.followUp)
          : at(topic.open)
        : last && rng.chance(0.6)
          ? [at(topic.thanks)]
          : at(topic.followUp)
      human(
        ctx,
        'client',
        paras,
        first || rng.chance(0.3),
        rng.chance(0.045) ? 'screenshot' : undefined,
      )
      if (first && doubleTurn && step(120_000, 3 * 3_600_000))
        human(ctx, 'client', [fill(rng.pick(pack.addOns), ctx.slots)], false)
      if (last && rng.chance(0.06) && step(300_000, 3_600_000))
        human(ctx, 'draft', [at(pack.draftNote)], true)
    }
  }
}
