import { z } from 'zod'
import { method, noInput, type NoInput } from './define'

export interface AppStatus {
  version: string
  platform: string
  dataDir: string
  dbPath: string
  schemaVersion: number
  latestMigration: string | null
  counts: {
    accounts: number
    messages: number
    pairs: number
    pairsByStatus: { new: number; approved: number; rejected: number }
  }
  keychain: { ok: boolean; service: string; message: string | null }
  /** Whether sqlite-vec (vector search) loads on this installation, and its version. */
  vectorSearch: { ok: boolean; version: string | null; message: string | null }
  /** How this core is reached: the desktop app, the browser dev mode and tests, or the CLI. */
  transport: 'electron' | 'bridge' | 'cli'
}

export const appContract = {
  'app.status': method<NoInput, AppStatus>(noInput),
  'app.openExternal': method<z.ZodObject<{ url: z.ZodString }>, { opened: boolean }>(
    z.object({ url: z.string().max(4096) }).strict(),
  ),
}
