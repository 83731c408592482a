// The fake OpenAI for tests that keep its key in the real OS keychain: command-line children
// (an in-memory keychain cannot reach them) and the tests of the keychain itself.
import { keytarBackend } from '../../src-main/core/secrets/keytar-backend'
import { requireKeychain } from './keychain'
import {
  startFakeOpenAI,
  type FakeOpenAI,
  type FakeOpenAIOptions,
} from '../fakes/fake-openai/server'

export interface KeychainOpenAI {
  fake: FakeOpenAI
  /** Points the app at the fake, with its secrets under `service`. */
  env: Record<string, string>
  /** Removes the stored key and stops the fake. */
  stop(): Promise<void>
}

/** Fails when no OS keychain answers (never a skip), then starts the fake. */
export async function startKeychainOpenAI(
  service: string,
  options: FakeOpenAIOptions = {},
): Promise<KeychainOpenAI> {
  await requireKeychain()
  const fake = await startFakeOpenAI(options)
  return {
    fake,
    env: { REPLYBASE_KEYCHAIN_SERVICE: service, REPLYBASE_OPENAI_BASE_URL: fake.baseUrl },
    async stop() {
      await keytarBackend.deletePassword(service, 'openai-api-key')
      await fake.close()
    },
  }
}
