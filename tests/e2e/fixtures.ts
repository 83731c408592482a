// What the end-to-end tests run against besides the core: the fake Google server with one
// generated support mailbox, and the environment that points the core at it.
import { startFakeGoogle, type FakeGoogle } from '../fakes/fake-google'
import { generateMailbox } from '../fakes/mailbox-generator'

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
