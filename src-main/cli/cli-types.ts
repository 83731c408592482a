import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Core } from '../core/core'
import type { MethodInput, MethodName, MethodOutput } from '@contract'
import { rowId } from '@contract/define'

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

/** What a command works with: the API the app uses (same validation, errors and results),
 * and the core for what only the command line does (resolving an address, streaming). */
export interface CliContext {
  core: Core
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

export interface CliCommand {
  name: string
  usage: string
  summary: string
  run(args: string[], cli: CliContext, io: CliIo): Promise<number>
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
