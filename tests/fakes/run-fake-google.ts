// Runs the fake Google server by hand (for `npm run dev:web` or the CLI):
//   npx tsx tests/fakes/run-fake-google.ts [--messages N] [--port P] [--seed S] [--email E]
//     [--aliases a@x,b@x] [--quota UNITS_PER_S] [--max-concurrent N] [--latency MS]
// Prints one JSON line with its URLs and OAuth client, then serves until killed.

import { parseArgs } from 'node:util'
import { startFakeGoogle } from './fake-google'
import { generateMailbox } from './mailbox-generator'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '200' },
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      email: { type: 'string', default: 'support@acme.example' },
      aliases: { type: 'string', default: '' },
      quota: { type: 'string' },
      'max-concurrent': { type: 'string' },
      latency: { type: 'string' },
    },
  })
  const num = (v: string | undefined): number | undefined => {
    if (v === undefined) return undefined
    const n = Number(v)
    if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${v}`)
    return n
  }
  const aliases = values.aliases.split(',').filter(Boolean)
  const latencyMs = num(values.latency)
  const fake = await startFakeGoogle({
    port: num(values.port),
    quotaUnitsPerSecond: num(values.quota),
    maxConcurrent: num(values['max-concurrent']),
    faults: latencyMs ? { latencyMs } : {},
    mailboxes: [{ email: values.email, aliases: aliases.map((a) => ({ sendAsEmail: a })) }],
  })
  const count = num(values.messages) ?? 0
  if (count > 0) {
    const seed = num(values.seed) ?? 1
    fake.addMessages(
      values.email,
      generateMailbox({ seed, messages: count, ownAddress: values.email, aliases }),
    )
  }
  const client = fake.clients[0]
  process.stdout.write(
    JSON.stringify({
      baseUrl: fake.baseUrl,
      authUrl: fake.authUrl,
      tokenUrl: fake.tokenUrl,
      revokeUrl: fake.revokeUrl,
      apiRoot: fake.apiRoot,
      batchUrl: fake.batchUrl,
      controlUrl: fake.controlUrl,
      clientId: client?.clientId,
      clientSecret: client?.clientSecret,
      email: values.email,
      messages: count,
    }) + '\n',
  )
  // Stay up even while `offline: 'refuse'` has closed the listening socket.
  const keepAlive = setInterval(() => undefined, 1 << 30)
  const stop = (): void => {
    clearInterval(keepAlive)
    void fake.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`run-fake-google: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
