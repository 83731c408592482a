import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Core } from '../core/core'

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

export interface CliCommand {
  name: string
  usage: string
  summary: string
  run(args: string[], core: Core, io: CliIo): Promise<number>
}

export class CliUsageError extends Error {}

/** node:util's parseArgs, its refusals turned into usage errors (exit 2 with the usage line). */
export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (e) {
    throw new CliUsageError((e as Error).message)
  }
}
