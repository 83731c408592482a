import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Core } from '../core/core'
import { rowId } from '@contract/define'

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

/** A row id typed on the command line, checked by the same schema the API uses: digits only,
 * and refused (not rounded) past 2^53. */
export function parseRowId(raw: string, what: string): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!rowId.safeParse(value).success) throw new CliUsageError(`${raw} is not a valid ${what} id.`)
  return value
}
