// The fake OpenAI's embeddings as the real openai SDK meets them: both encodings decode to the
// same vectors at the asked size, and the tokens-per-minute limit refuses with OpenAI's body
// and headers, then admits the same request once the window has room.
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_OPENAI_KEY, startFakeOpenAI, type FakeOpenAI } from './fake-openai'
import { fakeEmbedding } from './fake-openai/embeddings'
import { openAIDuration } from './fake-openai/openai-errors'
import { inputTokens, windowUtilisation } from './fake-openai/token-rate-limit'

let fake: FakeOpenAI
let sdk: OpenAI
const texts = ['Where is my parcel?', 'Верните деньги за заказ 1042, пожалуйста']

interface Answer {
  status: number
  headers: Headers
  json: { error: { message: string; type: string; code: string | null } }
}

async function post(body: unknown): Promise<Answer> {
  const res = await fetch(`${fake.baseUrl}/embeddings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${FAKE_OPENAI_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, json: (await res.json()) as Answer['json'] }
}

beforeAll(async () => {
  fake = await startFakeOpenAI()
  sdk = new OpenAI({ apiKey: FAKE_OPENAI_KEY, baseURL: fake.baseUrl, maxRetries: 0 })
})
afterAll(() => fake.close())

describe('fake OpenAI embeddings', () => {
  it('answers base64 (the SDK default) and float with the same vectors, at the asked size', async () => {
    fake.requests.length = 0
    const byDefault = await sdk.embeddings.create({
      model: 'text-embedding-3-small',
      input: texts,
      dimensions: 256,
    })
    const asFloat = await sdk.embeddings.create({
      model: 'text-embedding-3-small',
      input: texts,
      dimensions: 256,
      encoding_format: 'float',
    })
    const asBase64 = await sdk.embeddings.create({
      model: 'text-embedding-3-small',
      input: texts,
      dimensions: 256,
      encoding_format: 'base64',
    })
    // Without a format the SDK asks for base64 and decodes it itself.
    const sent = fake.requests.map((r) => (r.body as { encoding_format: string }).encoding_format)
    expect(sent).toEqual(['base64', 'float', 'base64'])
    expect(typeof asBase64.data[0]!.embedding).toBe('string')
    for (let i = 0; i < texts.length; i++) {
      const floats = asFloat.data[i]!.embedding
      const decoded = byDefault.data[i]!.embedding
      expect(floats).toHaveLength(256)
      expect(decoded).toHaveLength(256)
      // Base64 carries float32: the same vector to float32 precision, byte for byte.
      expect(Array.from(new Float32Array(floats))).toEqual(decoded)
      const raw = Buffer.from(asBase64.data[i]!.embedding as unknown as string, 'base64')
      expect(Array.from(new Float32Array(raw.buffer, raw.byteOffset, 256))).toEqual(decoded)
      expect(floats).toEqual(fakeEmbedding(texts[i]!, 256))
    }
    expect(byDefault.usage.prompt_tokens).toBe(inputTokens(texts))
    const bad = await post({ model: 'text-embedding-3-small', input: 'x', encoding_format: 'hex' })
    expect(bad.status).toBe(400)
    expect(bad.json.error.message).toBe(
      "'hex' is not one of ['float', 'base64'] - 'encoding_format'",
    )
  })

  it('limits tokens per window with OpenAI’s 429 body and headers, then admits after retry-after', async () => {
    const one = inputTokens(texts)
    fake.set({ tpmLimit: one * 2 + 1, tpmWindowMs: 1500 })
    try {
      const body = { model: 'text-embedding-3-small', input: texts, dimensions: 8 }
      const first = await post(body)
      expect(first.status).toBe(200)
      expect(first.headers.get('x-ratelimit-limit-tokens')).toBe(String(one * 2 + 1))
      expect(first.headers.get('x-ratelimit-remaining-tokens')).toBe(String(one + 1))
      expect(first.headers.get('x-ratelimit-reset-tokens')).toBe('1.5s')
      expect((await post(body)).headers.get('x-ratelimit-remaining-tokens')).toBe('1')
      const refused = await post(body)
      expect(refused.status).toBe(429)
      expect(refused.json.error).toMatchObject({ type: 'tokens', code: 'rate_limit_exceeded' })
      expect(refused.json.error.message).toMatch(
        new RegExp(
          `^Rate limit reached for text-embedding-3-small in organization org-fake on tokens per min \\(TPM\\): Limit ${one * 2 + 1}, Used ${one * 2}, Requested ${one}\\. Please try again in \\d+(\\.\\d+)?m?s\\. Visit https://platform\\.openai\\.com/account/rate-limits to learn more\\.$`,
        ),
      )
      const waitMs = Number(refused.headers.get('retry-after-ms'))
      expect(waitMs).toBeGreaterThan(1000)
      expect(waitMs).toBeLessThanOrEqual(1500)
      expect(refused.headers.get('retry-after')).toBe('2')
      expect(refused.headers.get('x-ratelimit-remaining-tokens')).toBe('1')
      // Refused requests are not charged; after the asked wait the same request passes.
      await new Promise((r) => setTimeout(r, waitMs))
      expect((await post(body)).status).toBe(200)
      // A request larger than the whole limit can never pass: no retry-after.
      const huge = await post({ ...body, input: Array(3).fill(texts).flat() })
      expect(huge.status).toBe(429)
      expect(huge.json.error.message).toMatch(/^Request too large for text-embedding-3-small/)
      expect(huge.headers.get('retry-after')).toBeNull()
      // The limit is on embeddings only.
      expect(
        (
          await fetch(`${fake.baseUrl}/models`, {
            headers: { authorization: `Bearer ${FAKE_OPENAI_KEY}` },
          })
        ).status,
      ).toBe(200)
    } finally {
      fake.set({ tpmLimit: 0 })
    }
  })

  it('measures the share of the limit a client used over whole windows', () => {
    const config = { limit: 100, windowMs: 1000 }
    const at = (t: number, tokens: number) => ({ at: t, tokens })
    expect(windowUtilisation([at(0, 100), at(1000, 100), at(2000, 90)], config)).toBe(1)
    expect(windowUtilisation([at(0, 60), at(500, 30), at(1200, 90), at(2100, 5)], config)).toBe(0.9)
    expect(windowUtilisation([at(0, 100), at(999, 1)], config)).toBeNull()
  })

  it('words durations as OpenAI does', () => {
    expect([5.2, 999, 1234, 60_000, 372_500].map(openAIDuration)).toEqual([
      '6ms',
      '999ms',
      '1.234s',
      '1m0s',
      '6m12.5s',
    ])
  })
})
