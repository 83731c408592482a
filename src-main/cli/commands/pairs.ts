import { PAIR_STATUSES, type PairStatus } from '@contract/pairs'
import type { PairRecord, PairRecordsPage } from '@contract/pairs'
import { preview } from '../../core/review/review-service'
import { CliUsageError, parseRowId, parseCommandArgs, resolveAccount } from '../arguments'
import { REBUILD_USAGE, runPairsRebuild } from './pairs-rebuild'
import type { CliCommand, CliContext, CliIo } from '../cli-types'
import { localDayOf } from '@contract/local-days'
import { FILTER_OPTIONS, FILTER_USAGE, dayRange, hasFilter, reviewFilter } from '../review-filters'

const ACTIONS: Record<string, PairStatus> = {
  approve: 'approved',
  reject: 'rejected',
  reset: 'new',
}

/** Issue 4 §10 field names: texts as cleaned, the reviewer's edits in separate fields. */
function toJson(r: PairRecord): Record<string, unknown> {
  return {
    id: r.id,
    account_id: r.accountId,
    thread_id: r.threadId,
    client_external_id: r.clientExternalId,
    reply_external_id: r.replyExternalId,
    client_text: r.clientText,
    reply_text: r.replyText,
    client_text_edited: r.clientTextEdited,
    reply_text_edited: r.replyTextEdited,
    status: r.status,
    language: r.language,
    labels: r.labels,
    sent_at: r.sentAt,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  }
}

function line(r: PairRecord): string {
  const edited = r.clientTextEdited !== null || r.replyTextEdited !== null ? ' edited' : ''
  const client = preview(r.clientTextEdited ?? r.clientText, 60)
  const reply = preview(r.replyTextEdited ?? r.replyText, 60)
  // The day the client wrote, in local time like the days --since and --until take.
  const day = localDayOf(r.sentAt)
  return `${String(r.id).padStart(6)}  ${day}  ${r.status.padEnd(8)} ${r.language.padEnd(7)} acct ${r.accountId}${edited}  ${client}  →  ${reply}`
}

/** Streams the list: a JSON array written element by element, so 100,000 pairs never sit
 * in memory as one string. */
/** Every record of the filter, a page per API call. */
async function* allRecords(
  cli: CliContext,
  filter: { status?: PairStatus; accountId?: number; from?: string; to?: string },
): AsyncGenerator<PairRecord> {
  let afterId: number | null = 0
  while (afterId !== null) {
    const page: PairRecordsPage = await cli.call('pairs.records', { ...filter, afterId })
    yield* page.records
    afterId = page.nextAfterId
  }
}

async function printList(
  rows: AsyncIterable<PairRecord>,
  json: boolean,
  io: CliIo,
): Promise<number> {
  let n = 0
  if (json) {
    io.out('[')
    let prev: string | null = null
    for await (const r of rows) {
      if (prev !== null) io.out(`${prev},`)
      prev = JSON.stringify(toJson(r))
      n++
    }
    if (prev !== null) io.out(prev)
    io.out(']')
    return n
  }
  for await (const r of rows) {
    io.out(line(r))
    n++
  }
  if (n === 0) io.out('No pairs.')
  return n
}

const plural = (k: number): string => `${k.toLocaleString('en-US')} pair${k === 1 ? '' : 's'}`

/** Bulk review by filter: says how many pairs it would change; changes them with --yes. */
async function byFilter(
  cli: CliContext,
  io: CliIo,
  values: Parameters<typeof reviewFilter>[1],
  to: PairStatus,
  yes: boolean,
  json: boolean,
): Promise<number> {
  const filter = await reviewFilter(cli, values)
  const result = await cli.call('pairs.setStatusMatching', {
    ...filter,
    newStatus: to,
    dryRun: !yes,
  })
  if (json) {
    io.out(
      JSON.stringify(
        { status: to, matched: result.matched, updated: result.updated, dryRun: !yes },
        null,
        2,
      ),
    )
  } else if (yes) {
    io.out(`${plural(result.updated)} set to ${to}.`)
  } else {
    io.out(`${plural(result.matched)} of this filter would be set to ${to}; nothing changed yet.`)
    if (result.matched > 0) io.out('Run the same command with --yes to change them.')
  }
  return 0
}

export const pairsCommand: CliCommand = {
  name: 'pairs',
  usage: `pairs list [--status new|approved|rejected] [--account <id|email>] [--since <date>] [--until <date>] [--json] | pairs approve|reject|reset <id>... | pairs approve|reject|reset ${FILTER_USAGE} [--yes] | ${REBUILD_USAGE}`,
  summary:
    'List training pairs; approve, reject or reset (to new) pairs by id or by review filter; rebuild them from the stored mail',
  async run(args, cli, io) {
    if (args[0] === 'rebuild') return runPairsRebuild(args.slice(1), cli, io)
    const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        ...FILTER_OPTIONS,
        yes: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    })
    const [action, ...rest] = parsed.positionals
    const json = Boolean(parsed.values.json)
    if (action === 'list') {
      if (rest.length > 0) throw new CliUsageError('pairs list takes no positional arguments.')
      for (const o of ['language', 'search', 'yes'] as const) {
        if (parsed.values[o] !== undefined) throw new CliUsageError(`pairs list takes no --${o}.`)
      }
      const status = parsed.values.status
      if (status !== undefined && !(PAIR_STATUSES as readonly string[]).includes(status)) {
        throw new CliUsageError(`--status must be one of ${PAIR_STATUSES.join(', ')}.`)
      }
      const account = parsed.values.account
      const accountId = account === undefined ? undefined : (await resolveAccount(cli, account)).id
      const { from, to } = dayRange(parsed.values.since, parsed.values.until)
      await printList(
        allRecords(cli, { status: status as PairStatus | undefined, accountId, from, to }),
        json,
        io,
      )
      return 0
    }
    const target = action === undefined ? undefined : ACTIONS[action]
    if (!target) throw new CliUsageError(`Unknown action: ${action ?? '(none)'}`)
    if (hasFilter(parsed.values)) {
      if (rest.length > 0)
        throw new CliUsageError(`pairs ${action} takes ids or filters, not both.`)
      return byFilter(cli, io, parsed.values, target, Boolean(parsed.values.yes), json)
    }
    if (rest.length === 0) {
      throw new CliUsageError(`pairs ${action} takes pair ids, or review filters and --yes.`)
    }
    const ids = rest.map((x) => parseRowId(x, 'pair'))
    const result = await cli.call('pairs.setStatus', { ids, status: target })
    const found = new Set(result.previous.map((p) => p.id))
    const missing = ids.filter((id) => !found.has(id))
    if (json) {
      io.out(JSON.stringify({ status: target, updated: result.updated, missing }, null, 2))
    } else {
      const unchanged = found.size - result.updated
      io.out(
        `${result.updated} pair${result.updated === 1 ? '' : 's'} set to ${target}` +
          (unchanged > 0 ? ` (${unchanged} already ${target})` : '') +
          '.',
      )
    }
    if (missing.length > 0) {
      io.err(`error: not_found: no pair with id ${missing.join(', ')}.`)
      return 1
    }
    return 0
  },
}
