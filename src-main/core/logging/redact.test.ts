import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { registerSecret, scrub, scrubValue, TOO_DEEP } from './redact'
import { createLogger, flushLogs, initLogging } from './logger'
import { tempDir } from '../../../tests/helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('log redaction', () => {
  it('removes token-shaped strings it has never seen', () => {
    const line = scrub(
      'refresh failed for ya29.a0AfB_CANARYxyz and 1//0gCANARYrefresh-token_123 using ' +
        'GOCSPX-CANARYsecret and sk-proj-CANARY0123456789abcdefghij; Authorization: Bearer abc.def',
    )
    expect(line).not.toMatch(/CANARY/)
    expect(line).not.toContain('abc.def')
  })

  it('removes secrets passed as URL parameters', () => {
    const line = scrub('POST /token code=4/0AcanaryCode&code_verifier=verif123&client_secret=zzz')
    expect(line).not.toMatch(/canaryCode|verif123|zzz/)
  })

  it('removes an exact registered value that has no recognisable shape', () => {
    registerSecret('plain-looking-secret-value')
    expect(scrub('the key is plain-looking-secret-value.')).toBe('the key is [REDACTED].')
  })

  it('never writes a secret to the log file, whether in the message, fields or errors', async () => {
    const dir = path.join(tmp.dir, 'logs')
    initLogging(dir, 'debug')
    registerSecret('opaque-canary-4242-abcd')
    const log = createLogger('test')
    log.info('token ya29.LOGCANARY1 arrived')
    log.warn(
      { access_token: 'anything', nested: { note: 'sk-LOGCANARY2aaaaaaaaaaaaaaaaaaaaaa' } },
      'fields',
    )
    log.error({ err: new Error('failed with opaque-canary-4242-abcd') }, 'error object')
    log.info({ url: 'http://127.0.0.1:5555/oauth2/callback?code=4/0ALOGCANARY3&state=x' }, 'url')
    flushLogs()
    await new Promise((r) => setTimeout(r, 200))
    const text = fs.readFileSync(path.join(dir, 'replybase.log'), 'utf8')
    expect(text).toContain('"module":"test"')
    expect(text).toContain('error object')
    for (const canary of [
      'LOGCANARY1',
      'LOGCANARY2',
      'LOGCANARY3',
      'opaque-canary-4242-abcd',
      'anything',
    ]) {
      expect(text).not.toContain(canary)
    }
  })

  it('scrubs at any depth, and does not log structures nested past its limit', () => {
    let deep: Record<string, unknown> = { note: 'sk-DEEPCANARY0123456789abcdefghij' }
    for (let i = 0; i < 8; i++) deep = { level: deep }
    expect(JSON.stringify(scrubValue(deep))).not.toContain('DEEPCANARY')
    let deeper: Record<string, unknown> = { note: 'opaque but secret' }
    for (let i = 0; i < 30; i++) deeper = { level: deeper }
    const out = JSON.stringify(scrubValue(deeper))
    expect(out).not.toContain('opaque but secret')
    expect(out).toContain(TOO_DEEP)
    const cycle: Record<string, unknown> = { a: 'ya29.CYCLECANARY' }
    cycle.self = cycle
    expect(JSON.stringify(scrubValue(cycle))).not.toContain('CYCLECANARY')
  })
})
