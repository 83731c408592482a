// The real core behind the loopback bridge, in plain Node: used by `npm run dev:web` and
// by the end-to-end tests.
import fs from 'node:fs'
import path from 'node:path'
import { createCore, type Core, type CoreOptions } from '../core/core'
import { buildHandlers } from '../api/handlers'
import { createDispatcher, type Dispatch } from '../api/dispatcher'
import { startBridge, type Bridge } from './bridge-server'

export interface DevServer {
  core: Core
  /** Files the app asked to show in the file manager (none opens here). */
  revealed: string[]
  dispatch: Dispatch
  bridge: Bridge
  close(): Promise<void>
}

export async function startDevServer(
  options: Omit<CoreOptions, 'transport'> & { staticDir?: string; port?: number },
): Promise<DevServer> {
  const core = createCore({ ...options, transport: 'bridge' })
  const opened: string[] = []
  const revealed: string[] = []
  const exportsDir = path.join(options.dataDir, 'exports')
  const dispatch = createDispatcher(
    buildHandlers(core, {
      // No browser to hand links to here: record them so tests can see what would open.
      openExternal: (url) => void opened.push(url),
      // No save dialog either: exports go to <data>/exports under the suggested name.
      chooseExportFile: async (name) => {
        await fs.promises.mkdir(exportsDir, { recursive: true })
        return path.join(exportsDir, name)
      },
      showItemInFolder: (file) => void revealed.push(file),
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
    revealed,
    dispatch,
    bridge,
    async close() {
      await bridge.close()
      await core.close()
    },
  }
}
