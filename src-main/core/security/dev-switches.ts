// Development and test switches: a dev server for the renderer, fake Google and OpenAI
// endpoints, pipeline tuning. An installed app ignores them, so nothing in a user's
// environment can point the window at another page or send tokens to another host.
// User settings (data folder, keychain service, log level, OAuth client, quota budget) stay.

export const DEV_ONLY_ENV = [
  'ELECTRON_RENDERER_URL',
  'REPLYBASE_GOOGLE_AUTH_URL',
  'REPLYBASE_GOOGLE_TOKEN_URL',
  'REPLYBASE_GOOGLE_REVOKE_URL',
  'REPLYBASE_GMAIL_API_URL',
  'REPLYBASE_GMAIL_BATCH',
  'REPLYBASE_GMAIL_TIMEOUT_MS',
  'REPLYBASE_OPENAI_BASE_URL',
  'REPLYBASE_OPENAI_TIMEOUT_MS',
  'REPLYBASE_OPENAI_RATE_WINDOW_MS',
  'REPLYBASE_SYNC_CONCURRENCY',
  'REPLYBASE_SYNC_DECODE_WORKERS',
  'REPLYBASE_BRIDGE_PORT',
] as const

/** The environment the core sees: without the development switches in an installed app. */
export function effectiveEnv(env: NodeJS.ProcessEnv, isPackaged: boolean): NodeJS.ProcessEnv {
  if (!isPackaged) return env
  const kept: NodeJS.ProcessEnv = { ...env }
  for (const name of DEV_ONLY_ENV) delete kept[name]
  return kept
}

/** Where the window's page comes from: Vite's dev server only in development. */
export function rendererDevServer(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  return effectiveEnv(env, isPackaged).ELECTRON_RENDERER_URL || null
}
