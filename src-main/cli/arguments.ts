// Turning what was typed into API input: refusals become usage errors (exit 2 with the usage
// line), and values are checked by the same rules the API applies.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { AccountDto } from '@contract/accounts'
import { AppError } from '@contract/errors'
import { rowId } from '@contract/define'
import type { CliContext } from './cli-types'

export class CliUsageError extends Error {}

/** node:util's parseArgs, its refusals turned into usage errors. */
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

/** An account given as its id or its address (any case). */
export async function resolveAccount(cli: CliContext, ref: string): Promise<AccountDto> {
  const trimmed = ref.trim()
  const id = /^\d+$/.test(trimmed) ? parseRowId(trimmed, 'account') : null
  const wanted = trimmed.toLowerCase()
  const accounts = await cli.call('accounts.list', {})
  const found = accounts.find((a) => (id === null ? a.email.toLowerCase() === wanted : a.id === id))
  if (!found) throw new AppError('not_found', `No account "${trimmed}".`)
  return found
}
