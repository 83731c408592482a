import { describe, expect, it } from 'vitest'
import { withRetries } from './with-retries'

const gmailError = (status: number, reason: string) => ({
  response: { status, headers: {}, data: { error: { code: status, errors: [{ reason }] } } },
})

describe('withRetries', () => {
  const noWait = { sleep: async () => undefined }

  it('retries 5xx and rate limits until the call succeeds', async () => {
    const answers = [gmailError(503, 'backendError'), gmailError(429, 'rateLimitExceeded')]
    let calls = 0
    const value = await withRetries(async () => {
      calls++
      const next = answers.shift()
      if (next) throw next
      return 'profile'
    }, noWait)
    expect(value).toBe('profile')
    expect(calls).toBe(3)
  })

  it('does not retry what no retry fixes', async () => {
    let calls = 0
    const denied = gmailError(403, 'insufficientPermissions')
    await expect(
      withRetries(async () => {
        calls++
        throw denied
      }, noWait),
    ).rejects.toBe(denied)
    expect(calls).toBe(1)
  })

  it('gives up once waiting would pass the ceiling', async () => {
    const waits: number[] = []
    let calls = 0
    await expect(
      withRetries(
        async () => {
          calls++
          throw gmailError(500, 'backendError')
        },
        { maxWaitMs: 2_000, sleep: async (ms) => void waits.push(ms) },
      ),
    ).rejects.toBeTruthy()
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2_000)
    expect(calls).toBe(waits.length + 1)
  })
})
