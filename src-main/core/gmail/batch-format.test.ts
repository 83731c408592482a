import { describe, expect, it } from 'vitest'
import { batchSizeFor, parseBatchResponse, partFailure, toRaw } from './batch-format'

const B = 'batch_abc'
const part = (id: number, status: string, body: string, headers = '') =>
  `--${B}\r\nContent-Type: application/http\r\nContent-ID: <response-item-${id}>\r\n\r\nHTTP/1.1 ${status}\r\nContent-Type: application/json; charset=UTF-8\r\n${headers}\r\n${body}\r\n`

describe('parseBatchResponse', () => {
  it("reads each part's status, headers and body, and maps it back by Content-ID", () => {
    const raw = Buffer.from('Subject: hi\r\n\r\nbody').toString('base64url')
    const text =
      part(
        1,
        '429 Too Many Requests',
        '{"error":{"code":429,"message":"User-rate limit exceeded.  Retry after 2026-11-25T12:00:01.000Z","errors":[{"reason":"rateLimitExceeded"}]}}',
        'Retry-After: 1\r\n',
      ) +
      part(
        0,
        '200 OK',
        `{"id":"a1","threadId":"t1","labelIds":["INBOX"],"internalDate":"1700000000000","raw":"${raw}"}`,
      ) +
      part(2, '404 Not Found', '{"error":{"code":404,"errors":[{"reason":"notFound"}]}}') +
      `--${B}--\r\n`
    const parts = parseBatchResponse(`multipart/mixed; boundary=${B}`, text)
    expect(parts.map((p) => [p.index, p.status])).toEqual([
      [1, 429],
      [0, 200],
      [2, 404],
    ])
    const ok = toRaw('a1', parts[1]!.body)
    expect(ok).toMatchObject({
      id: 'a1',
      threadId: 't1',
      labelIds: ['INBOX'],
      internalDate: 1700000000000,
    })
    expect(ok.raw.toString()).toBe('Subject: hi\r\n\r\nbody')
    const now = Date.parse('2026-11-25T12:00:00.000Z')
    expect(partFailure(parts[0]!, now)).toMatchObject({ kind: 'rate_limit', retryAt: now + 1000 })
    expect(partFailure(parts[2]!, now).kind).toBe('not_found')
  })
  it('reads bytes: pretty-printed JSON, UTF-8 beside the raw field, bare LF line ends', () => {
    const raw = Buffer.from('Subject: =?utf-8?B?0J/RgNC40LLQtdGC?=\r\n\r\nТекст').toString(
      'base64url',
    )
    const json = `{\n  "id": "r1",\n  "snippet": "Привет, «мир»",\n  "labelIds": ["INBOX"],\n  "raw": "${raw}",\n  "threadId": "t9"\n}`
    const text =
      `--${B}\nContent-Type: application/http\nContent-ID: <response-item-0>\n\n` +
      `HTTP/1.1 200 OK\nContent-Type: application/json; charset=UTF-8\n\n${json}\n` +
      `--${B}\nContent-Type: application/http\nContent-ID: <response-item-1>\n\n` +
      `HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{"error":{"code":400,"message":"Недопустимо"}}\n` +
      `--${B}--\n`
    const parts = parseBatchResponse(`multipart/mixed; boundary="${B}"`, Buffer.from(text))
    expect(parts.map((p) => [p.index, p.status])).toEqual([
      [0, 200],
      [1, 400],
    ])
    const ok = toRaw('r1', parts[0]!.body)
    expect(ok).toMatchObject({ id: 'r1', threadId: 't9', labelIds: ['INBOX'] })
    expect(ok.raw.toString('utf8')).toContain('Текст')
    expect(JSON.parse(parts[1]!.body.toString('utf8')).error.message).toBe('Недопустимо')
  })

  it('no boundary, no parts', () => {
    expect(parseBatchResponse('application/json', '{}')).toEqual([])
  })
})

describe('batchSizeFor', () => {
  it('fits a batch (5 units per message) in one pacing window, at most 50', () => {
    expect(batchSizeFor(Infinity)).toBe(50)
    expect(batchSizeFor(60)).toBe(12)
    expect(batchSizeFor(3)).toBe(1)
    expect(batchSizeFor(100_000)).toBe(50)
  })
})
