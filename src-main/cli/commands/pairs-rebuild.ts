// `pairs rebuild [--account <id|email>] [--json]`: redoes the texts and pairs of the stored
// mail with the current rules, without downloading it again. Ctrl+C stops between commits;
// what was rebuilt stays and a second run finishes the rest.
import type { RebuildPairsResult } from '@contract/rebuild'
import { parseCommandArgs, resolveAccount } from '../arguments'
import type { CliContext, CliIo } from '../cli-types'

export const REBUILD_USAGE = 'pairs rebuild [--account <id|email>] [--json]'

function describe(r: RebuildPairsResult): string[] {
  return [
    `Rebuilt ${r.threads} threads: ${r.messageTextsChanged} message texts changed.`,
    `Pairs: ${r.pairsUpdated} unreviewed updated, ${r.reviewedUpdated} reviewed given new texts ` +
      `(status and edits kept), ${r.pairsCreated} created, ${r.pairsDeleted} removed.`,
  ]
}

export async function runPairsRebuild(args: string[], cli: CliContext, io: CliIo): Promise<number> {
  const { values } = parseCommandArgs({
    args,
    options: { account: { type: 'string' }, json: { type: 'boolean' } },
  })
  const accountId =
    values.account === undefined ? undefined : (await resolveAccount(cli, values.account)).id
  let shown = -1
  const off = cli.on('pairs.rebuild.progress', (p) => {
    const percent = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100)
    if (percent === shown) return
    shown = percent
    io.err(`rebuilding: ${p.done} of ${p.total} threads (${percent}%)`)
  })
  const onSignal = (): void => void cli.call('pairs.rebuildCancel', {})
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const result = await cli.call('pairs.rebuild', { accountId })
    if (values.json) io.out(JSON.stringify(result, null, 2))
    else for (const line of describe(result)) io.out(line)
    return 0
  } finally {
    off()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
