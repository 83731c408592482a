// The headless ReplyBase: the same services, database and keychain as the app.
// Each command parses its arguments into API input and calls the app's dispatcher.
import { createCore, type Core } from '../core/core'
import { resolveDataDir } from '../core/paths'
import { scrub } from '../core/logging/redact'
import { isAppError } from '@contract/errors'
import { commands } from './commands'
import { createCliContext } from './cli-context'
import { CliUsageError } from './arguments'
import type { CliIo } from './cli-types'

const USAGE = `Usage: replybase <command> [options]

Commands:
${commands.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`).join('\n')}

Environment: REPLYBASE_DATA_DIR (data folder), REPLYBASE_KEYCHAIN_SERVICE (keychain service name).`

/** Where the installed app keeps its data and migrations (the CLI from source finds both). */
export interface CliPlace {
  /** The app's data folder when REPLYBASE_DATA_DIR does not say otherwise. */
  dataDir?: string
  migrationsFolder?: string
  version?: string
}

export async function runCli(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  place: CliPlace = {},
): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE)
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.err(`Unknown command: ${name}\n\n${USAGE}`)
    return 2
  }
  let core: Core | null = null
  try {
    core = createCore({
      dataDir: resolveDataDir(env, place.dataDir),
      migrationsFolder: place.migrationsFolder,
      version: place.version,
      env,
      transport: 'cli',
    })
    return await command.run(rest, createCliContext(core), io)
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.err(`${e.message}\nUsage: replybase ${command.usage}`)
      return 2
    }
    // Error text can quote what a server or library said: it goes through the log redactor.
    if (isAppError(e)) {
      io.err(scrub(`error: ${e.code}: ${e.message}`))
      return 1
    }
    io.err(scrub(`error: internal: ${(e as Error).message}`))
    return 1
  } finally {
    await core?.close()
  }
}

/** Runs the command in argv on this process's stdout and stderr; sets the exit code. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    write: (text) => process.stdout.write(text),
  }
  const code = await runCli(argv, io)
  process.exitCode = code
  return code
}

if (require.main === module) void main()
