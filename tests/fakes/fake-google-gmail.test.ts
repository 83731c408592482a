// Gmail API v1 shapes against the fake, through the real @googleapis/gmail 18 client.

import type { gmail_v1 } from '@googleapis/gmail'
import { gaxios } from 'google-auth-library'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectAccount, startFakeGoogle, type FakeGoogle } from './fake-google'
import { generateMailbox, type GeneratedMessage } from './mailbox-generator'

const EMAIL = 'support@acme.example'
const NOW = Date.UTC(2026, 10, 25)
let fake: FakeGoogle
let api: gmail_v1.Gmail
let generated: GeneratedMessage[]
let ids: string[]

beforeAll(async () => {
  fake = await startFakeGoogle({
    mailboxes: [
      { email: EMAIL, aliases: [{ sendAsEmail: 'help@acme.example', displayName: 'Acme Help' }] },
    ],
  })
  generated = generateMailbox({ seed: 7, messages: 400, ownAddress: EMAIL, now: NOW })
  ids = fake.addMessages(EMAIL, generated)
  api = (await connectAccount(fake)).gmail
})
afterAll(() => fake.close())

type ApiError = InstanceType<typeof gaxios.GaxiosError>
async function failure(
  p: Promise<unknown>,
): Promise<{ status?: number; reason?: string; body: unknown }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(gaxios.GaxiosError)
  const e = err as ApiError
  // gaxios puts the AIP-193 error object (with the legacy errors[]) on `cause`.
  const cause = e.cause as { errors?: Array<{ reason?: string }> } | undefined
  return { status: e.status, reason: cause?.errors?.[0]?.reason, body: e.response?.data }
}

async function listAll(params: gmail_v1.Params$Resource$Users$Messages$List): Promise<string[]> {
  const out: string[] = []
  let pageToken: string | undefined
  do {
    const res = await api.users.messages.list({ userId: 'me', ...params, pageToken })
    for (const m of res.data.messages ?? []) out.push(m.id ?? '')
    pageToken = res.data.nextPageToken ?? undefined
  } while (pageToken)
  return out
}

describe('profile and settings', () => {
  it('getProfile counts messages and threads and gives a historyId', async () => {
    const { data } = await api.users.getProfile({ userId: 'me' })
    expect(data.emailAddress).toBe(EMAIL)
    expect(data.messagesTotal).toBe(400)
    expect(data.threadsTotal).toBe(new Set(generated.map((m) => m.threadId)).size)
    expect(data.historyId).toMatch(/^\d+$/)
  })

  it('sendAs lists the primary address and aliases', async () => {
    const { data } = await api.users.settings.sendAs.list({ userId: 'me' })
    expect(data.sendAs?.map((s) => [s.sendAsEmail, s.isPrimary ?? false])).toEqual([
      [EMAIL, true],
      ['help@acme.example', false],
    ])
  })
})

describe('messages.list', () => {
  it('pages newest first without duplicates and hides SPAM/TRASH by default', async () => {
    const all = await listAll({ maxResults: 37 })
    expect(all).toEqual(fake.messageIds(EMAIL))
    expect(new Set(all).size).toBe(all.length)
    const hidden = generated.filter(
      (m) => m.labelIds.includes('SPAM') || m.labelIds.includes('TRASH'),
    )
    expect(hidden.length).toBeGreaterThan(0)
    expect(all.length).toBe(400 - hidden.length)
    expect(await listAll({ maxResults: 500, includeSpamTrash: true })).toHaveLength(400)
  })

  it('applies after:/before: (midnight PST), -in: terms, labelIds and ignores unknown terms', async () => {
    const after = Date.UTC(2026, 7, 1) + 8 * 3_600_000
    const before = Date.UTC(2026, 9, 1) + 8 * 3_600_000
    const visible = generated.filter(
      (m) => !m.labelIds.some((l) => ['SPAM', 'TRASH', 'DRAFT'].includes(l)),
    )
    const expected = visible.filter((m) => m.internalDate >= after && m.internalDate < before)
    const q =
      'after:2026/08/01 before:2026/10/01 -in:spam -in:trash -in:drafts -in:chats has:nouserlabels'
    const got = await listAll({ q, maxResults: 500 })
    expect(got.length).toBe(expected.length)
    const sent = await listAll({ labelIds: ['SENT'], maxResults: 500 })
    const isSent = (m: GeneratedMessage): boolean =>
      m.labelIds.includes('SENT') && !m.labelIds.includes('TRASH')
    expect(sent.length).toBe(generated.filter(isSent).length)
  })

  it('reports an estimate and omits `messages` when nothing matches', async () => {
    const { data } = await api.users.messages.list({ userId: 'me', q: 'before:2001/01/01' })
    expect(data).toEqual({ resultSizeEstimate: 0 })
    expect((await failure(api.users.messages.list({ userId: 'me', pageToken: '!!' }))).status).toBe(
      400,
    )
  })
})

describe('messages.get', () => {
  it('returns the stored RFC 822 bytes unchanged for format=raw', async () => {
    const picks = [
      generated.findIndex(
        (m) => m.truth.charset === 'windows-1251' && m.truth.transferEncoding === '8bit',
      ),
      generated.findIndex((m) => m.truth.charset === 'koi8-r'),
      generated.findIndex((m) => m.truth.hasAttachment),
      0,
    ].filter((i) => i >= 0)
    expect(picks.length).toBeGreaterThanOrEqual(3)
    for (const i of picks) {
      const { data } = await api.users.messages.get({
        userId: 'me',
        id: ids[i] ?? '',
        format: 'raw',
      })
      const src = generated[i] as GeneratedMessage
      expect(Buffer.from(data.raw ?? '', 'base64url').equals(src.raw)).toBe(true)
      expect(data.internalDate).toBe(String(src.internalDate))
      expect(data.threadId).toBe(src.threadId)
      expect(data.labelIds).toEqual(src.labelIds)
      expect(data.sizeEstimate).toBe(src.raw.length)
      expect(data.historyId).toMatch(/^\d+$/)
    }
  })

  it('answers 404 notFound for an unknown id and 400 for a malformed one', async () => {
    const missing = await failure(api.users.messages.get({ userId: 'me', id: 'ffffffffffffffff' }))
    expect(missing.status).toBe(404)
    expect(missing.reason).toBe('notFound')
    expect(missing.body).toEqual({
      error: {
        code: 404,
        message: 'Requested entity was not found.',
        errors: [
          { message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' },
        ],
        status: 'NOT_FOUND',
      },
    })
    expect((await failure(api.users.messages.get({ userId: 'me', id: 'not-an-id' }))).status).toBe(
      400,
    )
  })

  it('gives full and metadata payloads; attachments need attachments.get', async () => {
    const i = generated.findIndex((m) => m.truth.hasAttachment)
    const id = ids[i] ?? ''
    const full = await api.users.messages.get({ userId: 'me', id, format: 'full' })
    const parts = full.data.payload?.parts ?? []
    expect(full.data.payload?.mimeType).toBe('multipart/mixed')
    const att = parts.find((p) => p.filename)
    expect(att?.body?.attachmentId).toBeTruthy()
    expect(att?.body?.data).toBeUndefined()
    fake.resetStats()
    const got = await api.users.messages.attachments.get({
      userId: 'me',
      messageId: id,
      id: att?.body?.attachmentId ?? '',
    })
    expect(Buffer.from(got.data.data ?? '', 'base64url').length).toBe(att?.body?.size)
    expect(fake.stats().byEndpoint['messages.attachments.get']).toBe(1)
    const meta = await api.users.messages.get({
      userId: 'me',
      id,
      format: 'metadata',
      metadataHeaders: ['Subject', 'From'],
    })
    expect(meta.data.payload?.headers?.map((h) => h.name)).toEqual(['From', 'Subject'])
    expect(meta.data.payload?.headers?.[1]?.value).toBe(generated[i]?.truth.subject)
    expect(meta.data.raw).toBeUndefined()
  })

  it('threads.get returns the thread oldest first', async () => {
    const threadId =
      generated.find((m, _i, all) => all.filter((x) => x.threadId === m.threadId).length >= 3)
        ?.threadId ?? ''
    const { data } = await api.users.threads.get({ userId: 'me', id: threadId, format: 'minimal' })
    const dates = (data.messages ?? []).map((m) => Number(m.internalDate))
    expect(dates.length).toBeGreaterThanOrEqual(3)
    expect([...dates].sort((a, b) => a - b)).toEqual(dates)
  })
})

describe('history', () => {
  it('records adds, label changes and deletes after a baseline, with paging', async () => {
    const start = (await api.users.getProfile({ userId: 'me' })).data.historyId ?? ''
    const raw = generated[0]?.raw ?? Buffer.alloc(0)
    const added = fake.addMessage(EMAIL, { raw, labelIds: ['INBOX', 'UNREAD'] })
    fake.modifyLabels(EMAIL, added, [], ['UNREAD'])
    fake.deleteMessage(EMAIL, ids[5] ?? '')
    const all: gmail_v1.Schema$History[] = []
    let pageToken: string | undefined
    let pages = 0
    do {
      const res = await api.users.history.list({
        userId: 'me',
        startHistoryId: start,
        maxResults: 1,
        pageToken,
      })
      all.push(...(res.data.history ?? []))
      expect(res.data.historyId).toBe(fake.historyId(EMAIL))
      pageToken = res.data.nextPageToken ?? undefined
      pages++
    } while (pageToken)
    expect(pages).toBe(3)
    expect(all[0]?.messagesAdded?.[0]?.message?.id).toBe(added)
    expect(all[1]?.labelsRemoved?.[0]?.labelIds).toEqual(['UNREAD'])
    expect(all[2]?.messagesDeleted?.[0]?.message?.id).toBe(ids[5])
    const onlyAdds = await api.users.history.list({
      userId: 'me',
      startHistoryId: start,
      historyTypes: ['messageAdded'],
    })
    expect(onlyAdds.data.history).toHaveLength(1)
    const none = await api.users.history.list({
      userId: 'me',
      startHistoryId: fake.historyId(EMAIL),
    })
    expect(none.data.history).toBeUndefined()
  })

  it('answers 404 for a startHistoryId outside the retained window', async () => {
    const old = (await api.users.getProfile({ userId: 'me' })).data.historyId ?? ''
    fake.addMessage(EMAIL, { raw: generated[1]?.raw ?? '' })
    fake.expireHistory(EMAIL)
    const res = await failure(api.users.history.list({ userId: 'me', startHistoryId: old }))
    expect(res.status).toBe(404)
    expect(res.reason).toBe('notFound')
  })

  it('threads a message by References and Subject when no threadId is given', async () => {
    const parent = generated.find((m) => m.truth.kind === 'client') as GeneratedMessage
    const msgId = `<${parent.truth.key}>`
    const reply = `From: a@b.example\r\nTo: ${EMAIL}\r\nSubject: Re: ${parent.truth.subject}\r\nMessage-ID: <r1@b.example>\r\nIn-Reply-To: ${msgId}\r\nReferences: ${msgId}\r\n\r\nok\r\n`
    const id = fake.addMessage(EMAIL, { raw: reply })
    const { data } = await api.users.messages.get({ userId: 'me', id, format: 'minimal' })
    expect(data.threadId).toBe(parent.threadId)
  })
})
