// `ReplyBase --cli <command>`: the command line inside the installed app, before any window,
// tray or single-instance lock (the app may be running; the sync lock keeps the two apart).
// Same data folder, migrations and keychain entries as the desktop app; development switches
// are dropped in a packaged app exactly as for the window.
import path from 'node:path'
import { app } from 'electron'
import { runCli } from '../cli/main'
import { effectiveEnv } from '../core/security/dev-switches'

/** Writes the last output, then exits: pipes are asynchronous on macOS and Windows. */
function exitAfterOutput(code: number): void {
  let pending = 2
  const done = (): void => {
    if (--pending === 0) app.exit(code)
  }
  process.stdout.write('', done)
  process.stderr.write('', done)
}

export function runCliMode(args: string[]): void {
  app.dock?.hide()
  const io = {
    out: (line: string) => void process.stdout.write(`${line}\n`),
    err: (line: string) => void process.stderr.write(`${line}\n`),
  }
  const migrationsFolder = app.isPackaged
    ? path.join(process.resourcesPath, 'drizzle')
    : path.join(app.getAppPath(), 'drizzle')
  runCli(args, io, effectiveEnv(process.env, app.isPackaged), {
    dataDir: app.getPath('userData'),
    migrationsFolder,
    version: app.getVersion(),
  }).then(exitAfterOutput, (e: unknown) => {
    io.err(`error: internal: ${e instanceof Error ? e.message : String(e)}`)
    exitAfterOutput(1)
  })
}
