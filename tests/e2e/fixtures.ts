// What the end-to-end tests run against besides the core: the fake Google server with one
// generated support mailbox, the environment that points the core at it, and the fake OpenAI
// with its key stored.
import { startFakeGoogle, type FakeGoogle } from '../fakes/fake-google'
import { generateMailbox } from '../fakes/mailbox-generator'
import {
  FAKE_OPENAI_KEY,
  startFakeOpenAI,
  type FakeOpenAI,
  type FakeOpenAIOptions,
} from '../fakes/fake-openai/server'
import { startHarness, type Harness, type HarnessOptions } from './harness'

export const MAILBOX = 'support@acme.example'

export async function startGoogle(messages = 120, latencyMs = 0): Promise<FakeGoogle> {
  const fake = await startFakeGoogle({
    mailboxes: [{ email: MAILBOX }],
    faults: latencyMs ? { latencyMs } : {},
  })
  if (messages > 0) {
    fake.addMessages(MAILBOX, generateMailbox({ seed: 7, messages, ownAddress: MAILBOX, days: 60 }))
  }
  return fake
}

export { googleEnv } from '../helpers/connect-test-kit'

export interface AiHarness extends Harness {
  openai: FakeOpenAI
}

/** The app pointed at a fake OpenAI whose key is stored after the test's own `before` (and AI
 * turned on when asked), before the page opens; close() stops both. */
export async function startAiHarness(
  options: Omit<HarnessOptions, 'env'> & { openai?: FakeOpenAIOptions; aiEnabled?: boolean },
): Promise<AiHarness> {
  const { openai: fakeOptions, aiEnabled, before, ...rest } = options
  const openai = await startFakeOpenAI(fakeOptions)
  try {
    const h = await startHarness({
      ...rest,
      env: { REPLYBASE_OPENAI_BASE_URL: openai.baseUrl },
      before: async (server) => {
        await before?.(server)
        const steps: Array<[string, unknown]> = [['ai.saveOpenAI', { apiKey: FAKE_OPENAI_KEY }]]
        if (aiEnabled) steps.push(['settings.update', { aiEnabled: true }])
        for (const [method, input] of steps) {
          const r = await server.dispatch(method, input)
          if (!r.ok) throw new Error(r.error.message)
        }
      },
    })
    return {
      ...h,
      openai,
      async close() {
        await h.close()
        await openai.close()
      },
    }
  } catch (e) {
    await openai.close()
    throw e
  }
}

interface HttpAnswer {
  status: number
  location: string | null
  body: string
}

async function get(url: string): Promise<HttpAnswer> {
  const res = await fetch(url, { redirect: 'manual' })
  return { status: res.status, location: res.headers.get('location'), body: await res.text() }
}

/** What the user's browser does: open the consent URL and follow Google's redirect to the
 * app's loopback listener. */
export async function completeConsent(authUrl: string): Promise<HttpAnswer> {
  const first = await get(authUrl)
  if (first.status !== 302 || !first.location) return first
  return get(first.location)
}
