// npm run dev:web: the renderer in any browser against the real core. Prints the address
// to open (with its per-run token) alone on one line of stdout.
import { resolveDataDir } from '../core/paths'
import { startDevServer } from './dev-server'

async function main(): Promise<void> {
  const port = process.env.REPLYBASE_BRIDGE_PORT ? Number(process.env.REPLYBASE_BRIDGE_PORT) : 0
  const server = await startDevServer({ dataDir: resolveDataDir(), port })
  process.stderr.write(
    `ReplyBase dev bridge; data folder ${server.core.dataDir}. Ctrl+C stops it.\n`,
  )
  process.stdout.write(`${server.bridge.url}\n`)
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`)
  process.exit(1)
})
