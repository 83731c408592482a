// Quota, concurrency, injected faults and the batch endpoint, through the real clients.

import type { gmail_v1 } from '@googleapis/gmail'
import { gaxios } from 'google-auth-library'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectAccount, startFakeGoogle, type FakeGoogle } from './fake-google'
import { generateMailbox } from './mailbox-generator'

let fake: FakeGoogle
let seq = 0

beforeAll(async () => {
  fake = await startFakeGoogle({ seed: 3 })
})
afterAll(() => fake.close())

/** A fresh account per test, so quota buckets and stats do not leak between tests. */
async function account(
  messages = 40,
): Promise<{ email: string; api: gmail_v1.Gmail; ids: string[]; token: string }> {
  const email = `agent${++seq}@acme.example`
  fake.addMailbox(email)
  const ids = fake.addMessages(email, generateMailbox({ seed: seq, messages, ownAddress: email }))
  fake.setNextAuth({ mode: 'approve', account: email })
  const { gmail, tokens } = await connectAccount(fake)
  return { email, api: gmail, ids, token: tokens.access_token ?? '' }
}

type ApiError = InstanceType<typeof gaxios.GaxiosError>
interface Cause {
  status?: string
  message?: string
  errors?: Array<{ reason?: string; domain?: string; message?: string }>
}
const settle = <T>(p: Promise<T>): Promise<T | ApiError> => p.catch((e: unknown) => e as ApiError)
const isError = (x: unknown): x is ApiError => x instanceof gaxios.GaxiosError
const causeOf = (e: ApiError): Cause => (e.cause ?? {}) as Cause
const get = (api: gmail_v1.Gmail, id: string): Promise<unknown> =>
  api.users.messages.get({ userId: 'me', id, format: 'raw' })

describe('per-user quota', () => {
  it('answers a burst over budget with 429 rateLimitExceeded and a Retry after time', async () => {
    const { api, ids, email } = await account()
    fake.setQuota({ quotaUnitsPerSecond: 20 })
    fake.resetStats()
    const results = await Promise.all(ids.slice(0, 10).map((id) => settle(get(api, id))))
    fake.setQuota({ quotaUnitsPerSecond: 0 })
    const errors = results.filter(isError)
    expect(errors.length).toBeGreaterThanOrEqual(5)
    const e = errors[0] as ApiError
    expect(e.status).toBe(429)
    expect(causeOf(e).status).toBe('RESOURCE_EXHAUSTED')
    expect(causeOf(e).errors?.[0]).toMatchObject({
      reason: 'rateLimitExceeded',
      domain: 'usageLimits',
    })
    expect(causeOf(e).message).toMatch(
      /^User-rate limit exceeded\. {2}Retry after \d{4}-\d\d-\d\dT[\d:.]+Z$/,
    )
    const s = fake.stats()
    expect(s.sent429).toBe(errors.length)
    expect(s.unitsByUser[email]).toBe(5 * (10 - errors.length))
  })

  it('can answer in the older 403 userRateLimitExceeded style', async () => {
    const { api, ids } = await account()
    fake.setQuota({ quotaUnitsPerSecond: 5, quotaStyle: '403' })
    const results = await Promise.all(ids.slice(0, 3).map((id) => settle(get(api, id))))
    fake.setQuota({ quotaUnitsPerSecond: 0, quotaStyle: '429' })
    const e = results.find(isError) as ApiError
    expect(e.status).toBe(403)
    expect(causeOf(e).errors?.[0]?.reason).toBe('userRateLimitExceeded')
  })

  it('lets a client paced under the budget through with zero 429s', async () => {
    const { api, ids, email } = await account()
    fake.setQuota({ quotaUnitsPerSecond: 100 })
    fake.resetStats()
    const started = Date.now()
    // 5 units per get at 90 units/s: one get every 55.6 ms after the 1-second burst allowance.
    for (const [i, id] of ids.slice(0, 30).entries()) {
      const due = started + Math.max(0, i - 18) * (5000 / 90)
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())))
      await get(api, id)
    }
    fake.setQuota({ quotaUnitsPerSecond: 0 })
    const s = fake.stats()
    expect(s.sent429).toBe(0)
    expect(s.byEndpointStatus['messages.get']).toEqual({ '200': 30 })
    expect(s.unitsByUser[email]).toBe(150)
  })

  it('refuses more than maxConcurrent in-flight calls with "Too many concurrent requests"', async () => {
    const { api, ids, email } = await account()
    fake.setQuota({ maxConcurrent: 3 })
    fake.setFaults({ latencyMs: 80 })
    fake.resetStats()
    const results = await Promise.all(ids.slice(0, 8).map((id) => settle(get(api, id))))
    fake.setQuota({ maxConcurrent: 0 })
    fake.setFaults({ latencyMs: undefined })
    const errors = results.filter(isError)
    expect(errors).toHaveLength(5)
    expect(causeOf(errors[0] as ApiError).message).toBe('Too many concurrent requests for user')
    expect(fake.stats().peakConcurrencyByUser[email]).toBe(3)
    expect(fake.stats().concurrencyRejected).toBe(5)
  })
})

describe('faults', () => {
  it('injects backendError 500/503 at errorRate', async () => {
    const { api, ids } = await account()
    fake.setFaults({ errorRate: 1 })
    const e = await settle(get(api, ids[0] ?? ''))
    fake.setFaults({ errorRate: 0.3 })
    const mixed = await Promise.all(ids.slice(0, 30).map((id) => settle(get(api, id))))
    fake.setFaults({ errorRate: undefined })
    expect(isError(e) && [500, 503].includes(e.status ?? 0)).toBe(true)
    expect(causeOf(e as ApiError).errors?.[0]?.reason).toBe('backendError')
    const failed = mixed.filter(isError).length
    expect(failed).toBeGreaterThan(2)
    expect(failed).toBeLessThan(20)
  })

  it('domainPolicy answers 403 domainPolicy', async () => {
    const { api } = await account(2)
    fake.setFaults({ domainPolicy: true })
    const e = await settle(api.users.getProfile({ userId: 'me' }))
    fake.setFaults({ domainPolicy: undefined })
    expect(isError(e) && e.status).toBe(403)
    expect(causeOf(e as ApiError).errors?.[0]?.reason).toBe('domainPolicy')
  })

  it('deleteAfterList makes listed messages vanish before the get', async () => {
    const { api, email } = await account()
    fake.setFaults({ deleteAfterList: 2 })
    const listed =
      (await api.users.messages.list({ userId: 'me', maxResults: 10 })).data.messages ?? []
    const results = await Promise.all(listed.map((m) => settle(get(api, m.id ?? ''))))
    const missing = results.filter(isError)
    expect(missing.map((e) => e.status)).toEqual([404, 404])
    expect(fake.messageIds(email)).not.toContain(listed[9]?.id)
  })

  it('read-only tokens cannot write', async () => {
    const { api, ids } = await account(2)
    const e = await settle(api.users.messages.trash({ userId: 'me', id: ids[0] ?? '' }))
    expect(isError(e) && e.status).toBe(403)
    expect(causeOf(e as ApiError).errors?.[0]?.reason).toBe('insufficientPermissions')
  })

  it('offline: refuse, reset and hang, then recover', async () => {
    const { api } = await account(2)
    fake.setFaults({ offline: 'refuse' })
    // Let the client see its pooled keep-alive sockets close, so it opens a new connection.
    await new Promise((r) => setTimeout(r, 50))
    const refused = await settle(api.users.getProfile({ userId: 'me' }))
    fake.setFaults({ offline: 'reset' })
    const reset = await settle(api.users.getProfile({ userId: 'me' }))
    fake.setFaults({ offline: 'hang' })
    const hung = await settle(api.users.getProfile({ userId: 'me' }, { timeout: 300 }))
    const control = await fetch(`${fake.controlUrl}/stats`, { method: 'POST' })
    fake.setFaults({ offline: false })
    const back = await api.users.getProfile({ userId: 'me' })
    expect(isError(refused) && refused.code).toBe('ECONNREFUSED')
    expect(isError(reset)).toBe(true)
    expect(isError(hung)).toBe(true)
    expect(control.status).toBe(200)
    expect(back.data.emailAddress).toMatch(/@acme\.example$/)
  })
})

function batchBody(boundary: string, paths: string[]): string {
  return (
    paths
      .map(
        (p, i) =>
          `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <item${i}>\r\n\r\nGET ${p}\r\n\r\n`,
      )
      .join('') + `--${boundary}--\r\n`
  )
}

async function postBatch(
  token: string,
  paths: string[],
): Promise<{ status: number; parts: Array<{ id: string; status: number; body: string }> }> {
  const res = await fetch(fake.batchUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'multipart/mixed; boundary=batch_x1',
    },
    body: batchBody('batch_x1', paths),
  })
  const text = await res.text()
  const boundary = /boundary=(\S+)/.exec(res.headers.get('content-type') ?? '')?.[1]
  if (!boundary) return { status: res.status, parts: [{ id: '', status: res.status, body: text }] }
  const parts = text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => ({
      id: /Content-ID: <([^>]+)>/.exec(part)?.[1] ?? '',
      status: Number(/HTTP\/1\.1 (\d{3})/.exec(part)?.[1]),
      body: part.slice(part.indexOf('{')),
    }))
  return { status: res.status, parts }
}

describe('batch endpoint', () => {
  it('answers each inner call as its own part inside a 200', async () => {
    const { ids, token, email } = await account()
    fake.resetStats()
    const paths = [ids[0], 'ffffffffffffffff', ids[1]].map(
      (id) => `/gmail/v1/users/me/messages/${id}?format=raw`,
    )
    const res = await postBatch(token, paths)
    expect(res.status).toBe(200)
    expect(res.parts.map((p) => [p.id, p.status])).toEqual([
      ['response-item0', 200],
      ['response-item1', 404],
      ['response-item2', 200],
    ])
    const first = JSON.parse(res.parts[0]?.body ?? '{}') as { id: string; raw: string }
    expect(first.id).toBe(ids[0])
    expect(JSON.parse(res.parts[1]?.body ?? '{}')).toMatchObject({
      error: { code: 404, status: 'NOT_FOUND' },
    })
    const s = fake.stats()
    expect(s.byEndpointStatus['messages.get']).toEqual({ '200': 2, '404': 1 })
    expect(s.batchParts).toBe(3)
    expect(s.unitsByUser[email]).toBe(15)
  })

  it('charges quota per inner call and refuses more than 100 parts', async () => {
    const { ids, token } = await account()
    fake.setQuota({ quotaUnitsPerSecond: 20 })
    const paths = ids.slice(0, 10).map((id) => `/gmail/v1/users/me/messages/${id}?format=minimal`)
    const limited = await postBatch(token, paths)
    fake.setQuota({ quotaUnitsPerSecond: 0 })
    expect(limited.parts.filter((p) => p.status === 429).length).toBeGreaterThanOrEqual(5)
    const tooMany = await postBatch(
      token,
      Array.from({ length: 101 }, () => paths[0] ?? ''),
    )
    expect(tooMany.status).toBe(400)
    expect(tooMany.parts[0]?.body).toContain(
      'Inner request count exceeds the limit. Received: 101, Limit: 100',
    )
  })
})
