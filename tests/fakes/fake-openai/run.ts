// Runs the fake OpenAI server on its own for manual checks and the browser dev mode:
//   npx tsx tests/fakes/fake-openai/run.ts
//   REPLYBASE_OPENAI_BASE_URL=<printed URL> npm run dev:web   (key: FAKE_OPENAI_KEY)
// FAKE_OPENAI_MODE=rate_limited|insufficient_quota|server_error|offline and
// FAKE_OPENAI_LATENCY_MS=<ms> force the failure screens.
import { FAKE_OPENAI_KEY, startFakeOpenAI, type FakeOpenAIMode } from './server'

void (async () => {
  const fake = await startFakeOpenAI({
    mode: (process.env.FAKE_OPENAI_MODE as FakeOpenAIMode | undefined) ?? 'ok',
    latencyMs: Number(process.env.FAKE_OPENAI_LATENCY_MS ?? 0),
  })
  process.stdout.write(`REPLYBASE_OPENAI_BASE_URL=${fake.baseUrl}\nkey: ${FAKE_OPENAI_KEY}\n`)
  const stop = (): void => void fake.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
})()
