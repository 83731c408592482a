// What the CLI prints on failure goes through the same redactor as the log: an error message
// that quotes a path, a server's words or a library's text never carries a secret out.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './main'
import { createCore } from '../core/core'
import { createLogger, flushLogs } from '../core/logging/logger'
import { tempDir } from '../../tests/helpers/temp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('secrets in CLI errors and from the environment', () => {
  it('scrubs an error message before printing it', async () => {
    const lines: string[] = []
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }
    // mkdir fails and the error quotes the path, which carries a key-shaped string.
    const code = await runCli(['status'], io, {
      REPLYBASE_DATA_DIR: '/dev/null/sk-proj-CLICANARY0123456789abcdefghij',
    })
    expect(code).toBe(1)
    expect(lines.join('\n')).toMatch(/^error: /m)
    expect(lines.join('\n')).not.toContain('CLICANARY')
  })

  it('an OAuth client secret from the environment never reaches the log', async () => {
    const secret = 'plain-env-client-secret-7788'
    const core = createCore({
      dataDir: tmp.dir,
      env: { REPLYBASE_GOOGLE_CLIENT_SECRET: secret },
      transport: 'cli',
    })
    try {
      createLogger('test').warn({ detail: `token request with ${secret}` }, 'env secret')
      flushLogs()
      await new Promise((r) => setTimeout(r, 200))
      const text = fs.readFileSync(path.join(tmp.dir, 'logs', 'replybase.log'), 'utf8')
      expect(text).toContain('env secret')
      expect(text).not.toContain(secret)
    } finally {
      await core.close()
    }
  })
})
