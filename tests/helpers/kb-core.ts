// A core pointed at a fake OpenAI (or, for a benchmark, any provider given by its base URL and
// key), the key stored in an in-memory keychain and AI on (unless asked otherwise), so
// benchmarks and the AI tests that need no OS keychain run anywhere.
import type { KeychainBackend } from '../../src-main/core/secrets/secret-store'
import { createCore, type Core } from '../../src-main/core/core'
import { FAKE_OPENAI_KEY, type FakeOpenAI } from '../fakes/fake-openai/server'

export function memoryKeychain(): KeychainBackend {
  const entries = new Map<string, string>()
  return {
    getPassword: async (s, a) => entries.get(`${s}\n${a}`) ?? null,
    setPassword: async (s, a, p) => void entries.set(`${s}\n${a}`, p),
    deletePassword: async (s, a) => entries.delete(`${s}\n${a}`),
  }
}

/** Where the core's OpenAI requests go: the fake, or a provider's base URL and key. */
type KbProvider = FakeOpenAI | { baseUrl: string; apiKey: string }

export async function startKbCore(opts: {
  dataDir: string
  openai: KbProvider
  env?: NodeJS.ProcessEnv
  transport?: Core['transport']
  /** Off: the key is stored but AI features wait for the test to turn them on. */
  aiEnabled?: boolean
}): Promise<Core> {
  const core = createCore({
    dataDir: opts.dataDir,
    env: {
      REPLYBASE_KEYCHAIN_SERVICE: 'ReplyBase-kb',
      REPLYBASE_OPENAI_BASE_URL: opts.openai.baseUrl,
      ...opts.env,
    },
    keychain: memoryKeychain(),
    transport: opts.transport ?? 'bridge',
  })
  await core.ai.saveOpenAI({
    apiKey: 'apiKey' in opts.openai ? opts.openai.apiKey : FAKE_OPENAI_KEY,
  })
  if (opts.aiEnabled ?? true) await core.settings.update({ aiEnabled: true })
  return core
}
