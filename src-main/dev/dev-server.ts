// The real core behind the loopback bridge, in plain Node: used by `npm run dev:web` and
// by the end-to-end tests.
import path from 'node:path'
import { createCore, type Core, type CoreOptions } from '../core/core'
import { buildHandlers } from '../api/handlers'
import { createDispatcher, type Dispatch } from '../api/dispatcher'
import { startBridge, type Bridge } from './bridge-server'

export interface DevServer {
  core: Core
  dispatch: Dispatch
  bridge: Bridge
  close(): Promise<void>
}

export async function startDevServer(
  options: Omit<CoreOptions, 'transport'> & { staticDir?: string; port?: number },
): Promise<DevServer> {
  const core = createCore({ ...options, transport: 'bridge' })
  const opened: string[] = []
  const dispatch = createDispatcher(
    buildHandlers(core, {
      // No browser to hand links to here: record them so tests can see what would open.
      openExternal: (url) => void opened.push(url),
    }),
  )
  const bridge = await startBridge({
    dispatch,
    events: core.events,
    staticDir: options.staticDir ?? path.resolve(__dirname, '..', '..', 'out', 'renderer'),
    port: options.port,
  })
  return {
    core,
    dispatch,
    bridge,
    async close() {
      await bridge.close()
      await core.close()
    },
  }
}
