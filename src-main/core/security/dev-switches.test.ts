import { describe, expect, it } from 'vitest'
import { effectiveEnv, rendererDevServer } from './dev-switches'

const env = {
  ELECTRON_RENDERER_URL: 'http://localhost:5173',
  REPLYBASE_GMAIL_API_URL: 'http://127.0.0.1:9/',
  REPLYBASE_GOOGLE_TOKEN_URL: 'http://127.0.0.1:9/token',
  REPLYBASE_OPENAI_BASE_URL: 'http://169.254.169.254/',
  REPLYBASE_DATA_DIR: '/data',
  REPLYBASE_GOOGLE_CLIENT_ID: 'id',
  REPLYBASE_LOG_LEVEL: 'debug',
}

describe('development switches', () => {
  it('an installed app ignores the dev server and the test endpoints', () => {
    const seen = effectiveEnv(env, true)
    expect(rendererDevServer(env, true)).toBeNull()
    expect(seen.REPLYBASE_GMAIL_API_URL).toBeUndefined()
    expect(seen.REPLYBASE_GOOGLE_TOKEN_URL).toBeUndefined()
    expect(seen.REPLYBASE_OPENAI_BASE_URL).toBeUndefined()
    // The user's own settings stay.
    expect(seen).toMatchObject({
      REPLYBASE_DATA_DIR: '/data',
      REPLYBASE_GOOGLE_CLIENT_ID: 'id',
      REPLYBASE_LOG_LEVEL: 'debug',
    })
  })

  it('development keeps every switch', () => {
    expect(effectiveEnv(env, false)).toBe(env)
    expect(rendererDevServer(env, false)).toBe('http://localhost:5173')
  })
})
