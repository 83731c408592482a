// The generated mailbox is deterministic, fast, varied, and its truth survives a real MIME parser.

import { createHash } from 'node:crypto'
import PostalMime from 'postal-mime'
import { describe, expect, it } from 'vitest'
import { expectedPairs, generateMailbox, type GeneratedMessage } from './mailbox-generator'

const NOW = Date.UTC(2026, 10, 25)
const OWN = 'support@acme.example'
const gen = (seed: number, messages: number): GeneratedMessage[] =>
  generateMailbox({ seed, messages, ownAddress: OWN, aliases: ['help@acme.example'], now: NOW })

const digest = (ms: GeneratedMessage[]): string => {
  const h = createHash('sha256')
  for (const m of ms)
    h.update(m.raw).update(m.labelIds.join()).update(m.threadId).update(String(m.internalDate))
  return h.digest('hex')
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()

function htmlText(html: string): string {
  return html
    .replace(/<(style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

const QUOTE_MARKERS: Record<string, RegExp> = {
  'gmail-en': /On \w{3}, \w{3} \d+, \d{4} at \d+:\d\d [AP]M .+ <.+> wrote:/,
  'gmail-ru': /[а-я]{2}, \d+ [а-я]+\.? \d{4} г\. в \d\d:\d\d, .+ <.+>:/,
  'outlook-en': /From: .+\nSent: .+\nTo: .+\nSubject: /,
  'outlook-ru': /От: .+\nОтправлено: .+\nКому: .+\nТема: /,
  'apple-en': /On .+, at .+, .+ wrote:/,
  'apple-ru': /г\., в \d\d:\d\d, .+ написал\(а\):/,
  'thunderbird-en': /On \d+\/\d+\/\d\d \d\d:\d\d, .+ wrote:/,
  'thunderbird-ru': /\d\d\.\d\d\.\d{4} \d\d:\d\d, .+ пишет:/,
  'mailru-ru': /[А-Я][а-я]+, \d+ [а-я]+ \d{4}, \d\d:\d\d [+-]\d\d:\d\d от .+:/,
  'yandex-ru': /\d\d\.\d\d\.\d{4}, \d\d:\d\d, ".+" <.+>:/,
  'thebat-ru': /Вы писали \d+ [а-я]+ \d{4} г\., \d\d:\d\d:/,
}

describe('mailbox generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(digest(gen(11, 300))).toBe(digest(gen(11, 300)))
    expect(digest(gen(12, 300))).not.toBe(digest(gen(11, 300)))
  })

  it('makes 20,000 varied messages', () => {
    // How fast is the sync benchmark's business (npm run bench:sync generates its mailboxes).
    const all = gen(5, 20_000)
    expect(all).toHaveLength(20_000)
    const share = (p: (m: GeneratedMessage) => boolean): number => all.filter(p).length / all.length
    expect(share((m) => m.truth.language === 'ru')).toBeGreaterThan(0.4)
    expect(share((m) => m.truth.language === 'ru')).toBeLessThan(0.6)
    const charsets = new Set(all.map((m) => `${m.truth.charset}/${m.truth.transferEncoding}`))
    for (const c of [
      'utf-8/quoted-printable',
      'utf-8/base64',
      'windows-1251/8bit',
      'windows-1251/base64',
      'koi8-r/8bit',
      'iso-8859-5/quoted-printable',
    ]) {
      expect(charsets).toContain(c)
    }
    const structures = new Set(all.map((m) => m.truth.structure))
    for (const s of ['text', 'html', 'alternative', 'related', 'mixed', 'report'])
      expect(structures).toContain(s)
    const kinds = new Set(all.map((m) => m.truth.kind))
    for (const k of ['client', 'ours', 'auto-reply', 'newsletter', 'bounce', 'spam', 'draft'])
      expect(kinds).toContain(k)
    expect(new Set(all.map((m) => m.truth.quoteStyle).filter(Boolean))).toEqual(
      new Set(Object.keys(QUOTE_MARKERS)),
    )
    const attach = all.filter((m) => m.truth.hasAttachment)
    expect(attach.length / all.length).toBeGreaterThan(0.03)
    expect(attach.length / all.length).toBeLessThan(0.07)
    for (const m of attach) expect(m.raw.length).toBeGreaterThan(50_000)
    const plain = all
      .filter((m) => !m.truth.hasAttachment && m.truth.structure !== 'related')
      .map((m) => m.raw.length)
      .sort((a, b) => a - b)
    const pct = (p: number): number => plain[Math.floor(plain.length * p)] ?? 0
    expect(pct(0.05)).toBeGreaterThan(1_500)
    expect(pct(0.5)).toBeGreaterThan(2_000)
    expect(pct(0.95)).toBeLessThan(30_000)
    const ts = all.map((m) => m.internalDate)
    expect(Math.min(...ts)).toBeGreaterThan(NOW - 181 * 86_400_000)
    expect(Math.max(...ts)).toBeLessThan(NOW)
  })

  it('writes truth a real MIME parser recovers: subjects, own words, quote styles', async () => {
    const all = gen(21, 2_500)
    const sample = all.filter(
      (m, i) => i % 4 === 0 || (m.truth.charset !== 'utf-8' && m.truth.kind === 'client'),
    )
    for (const m of sample) {
      const email = await PostalMime.parse(m.raw)
      expect(email.subject, m.truth.key).toBe(m.truth.subject)
      const text = email.text ?? htmlText(email.html ?? '')
      expect(squash(text), `${m.truth.key} ${m.truth.charset}`).toContain(squash(m.truth.cleanText))
      const marker = m.truth.quoteStyle ? QUOTE_MARKERS[m.truth.quoteStyle] : undefined
      if (marker)
        expect(text.replace(/\r/g, ''), `${m.truth.key} ${m.truth.quoteStyle}`).toMatch(marker)
      if (m.truth.hasAttachment) expect(email.attachments.length).toBe(1)
    }
  })

  it('marks machine mail the way real senders do', () => {
    const all = gen(8, 3_000)
    const head = (m: GeneratedMessage): string =>
      m.raw.subarray(0, m.raw.indexOf('\r\n\r\n')).toString('latin1')
    for (const m of all) {
      if (m.truth.kind === 'auto-reply') expect(head(m)).toContain('Auto-Submitted: auto-replied')
      if (m.truth.kind === 'newsletter')
        expect(head(m)).toMatch(/List-Unsubscribe: [\s\S]*Precedence: bulk/)
      if (m.truth.kind === 'bounce')
        expect(head(m)).toMatch(
          /From: Mail Delivery Subsystem <mailer-daemon@googlemail\.com>[\s\S]*multipart\/report/,
        )
      if (m.truth.kind === 'ours') expect(m.labelIds.filter((l) => l !== 'TRASH')).toEqual(['SENT'])
      if (m.truth.kind === 'client')
        expect(m.labelIds).toContain(m.labelIds.includes('TRASH') ? 'TRASH' : 'INBOX')
    }
  })

  it('implies client->reply pairs, including two-message turns and unanswered turns', () => {
    const all = gen(9, 3_000)
    const pairs = expectedPairs(all)
    const byKey = new Map(all.map((m) => [m.truth.key, m]))
    expect(pairs.length).toBeGreaterThan(800)
    for (const p of pairs) {
      const reply = byKey.get(p.replyKey) as GeneratedMessage
      expect(reply.truth.kind).toBe('ours')
      for (const k of p.clientKeys) {
        const c = byKey.get(k) as GeneratedMessage
        expect(c.truth.kind).toBe('client')
        expect(c.threadId).toBe(reply.threadId)
        expect(c.internalDate).toBeLessThan(reply.internalDate)
      }
    }
    expect(pairs.some((p) => p.clientKeys.length === 2)).toBe(true)
    const answered = new Set(pairs.flatMap((p) => p.clientKeys))
    expect(
      all.filter((m) => m.truth.kind === 'client' && !answered.has(m.truth.key)).length,
    ).toBeGreaterThan(50)
    const firstOfThread = new Map<string, GeneratedMessage>()
    for (const m of all) if (!firstOfThread.has(m.threadId)) firstOfThread.set(m.threadId, m)
    expect(
      [...firstOfThread.values()].filter((m) => m.truth.kind === 'ours').length,
    ).toBeGreaterThan(5)
  })
})
