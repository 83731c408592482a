// Runs the fake OpenAI server on its own for manual checks and the browser dev mode:
//   npx tsx tests/fakes/fake-openai/run.ts
//   REPLYBASE_OPENAI_BASE_URL=<printed URL> npm run dev:web   (key: FAKE_OPENAI_KEY)
// FAKE_OPENAI_MODE=rate_limited|insufficient_quota|server_error|offline and
// FAKE_OPENAI_LATENCY_MS=<ms> force the failure screens; FAKE_OPENAI_TPM=<tokens> limits
// embeddings to that many tokens a minute (FAKE_OPENAI_TPM_WINDOW_MS shortens the minute).
import { FAKE_OPENAI_KEY, startFakeOpenAI, type FakeOpenAIMode } from './server'

void (async () => {
  const fake = await startFakeOpenAI({
    mode: (process.env.FAKE_OPENAI_MODE as FakeOpenAIMode | undefined) ?? 'ok',
    latencyMs: Number(process.env.FAKE_OPENAI_LATENCY_MS ?? 0),
    tpmLimit: Number(process.env.FAKE_OPENAI_TPM ?? 0),
    tpmWindowMs: Number(process.env.FAKE_OPENAI_TPM_WINDOW_MS ?? 60_000),
  })
  process.stdout.write(`REPLYBASE_OPENAI_BASE_URL=${fake.baseUrl}\nkey: ${FAKE_OPENAI_KEY}\n`)
  const stop = (): void => void fake.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
})()
