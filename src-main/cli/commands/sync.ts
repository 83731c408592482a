import type { SyncRunResult, SyncRunSummary } from '@contract/sync'
import { CliUsageError, parseCommandArgs, resolveAccount } from '../arguments'
import type { CliCommand, CliIo } from '../cli-types'

/** Non-TTY stderr gets a progress line at most this often (TTY: one line, updated in place). */
const LINE_EVERY_MS = 2_000

/** --since as the API takes it; a wrong date is a usage error, not a failed call. */
export function parseSince(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new CliUsageError('--since takes a date as YYYY-MM-DD.')
  }
  return value
}

function skips(s: SyncRunSummary): string {
  const parts = Object.entries(s.pairs_skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${n}`)
  return parts.length ? parts.join(', ') : 'none'
}

export function describeResult(r: SyncRunResult): string[] {
  const s = r.summary
  const mode = s ? `${s.mode} sync` : 'sync'
  const head =
    r.status === 'ok'
      ? `${r.email}: ${mode} ok in ${((s?.duration_ms ?? 0) / 1000).toFixed(1)} s`
      : `${r.email}: ${mode} ${r.status.toUpperCase()}${r.error ? ` (${r.error.code}): ${r.error.message}` : ''}`
  if (!s) return [head]
  const lines = [
    head,
    `  messages: ${s.messages_fetched} fetched, ${s.messages_upserted} stored or updated, ${s.messages_deleted} removed` +
      (s.messages_parse_failed ? `, ${s.messages_parse_failed} undecodable` : '') +
      (s.messages_vanished ? `, ${s.messages_vanished} gone before fetch` : ''),
    `  pairs:    ${s.pairs_created} created, ${s.pairs_updated} updated, ${s.pairs_deleted} removed, ${s.pairs_orphaned} orphaned; skipped: ${skips(s)}`,
  ]
  if (s.full_reason)
    lines.push(`  full sync because: ${s.full_reason}${s.resumed ? ' (resumed)' : ''}`)
  if (s.retries) lines.push(`  retries:  ${s.retries} (${s.rate_limited} rate-limited)`)
  const errors =
    r.status === 'ok'
      ? s.errors
      : s.errors.filter((e) => !r.error || !e.startsWith(`${r.error.code}:`))
  for (const e of errors) lines.push(`  note:     ${e}`)
  return lines
}

function progressReporter(io: CliIo, emails: Map<number, string>) {
  const tty = Boolean(process.stderr.isTTY)
  let last = 0
  let open = false
  return {
    update(accountId: number, phase: string, done: number, total: number): void {
      const text = `${emails.get(accountId) ?? `account ${accountId}`}: ${phase} ${done}/${total}`
      if (tty) {
        process.stderr.write(`\r\x1b[2K${text}`)
        open = true
        return
      }
      const now = Date.now()
      if (now - last < LINE_EVERY_MS) return
      last = now
      io.err(text)
    },
    end(): void {
      if (open) process.stderr.write('\r\x1b[2K')
      open = false
    },
  }
}

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'sync [--account <id|email>] [--full] [--since YYYY-MM-DD] [--json]',
  summary: 'Sync Gmail into the knowledge base (progress on stderr, summary on stdout)',
  async run(args, cli, io) {
    const values = parseCommandArgs({
      args,
      options: {
        account: { type: 'string' },
        full: { type: 'boolean' },
        since: { type: 'string' },
        json: { type: 'boolean' },
      },
    }).values
    const since = parseSince(values.since)
    const account =
      values.account === undefined ? undefined : await resolveAccount(cli, values.account)
    const emails = new Map((await cli.call('accounts.list', {})).map((a) => [a.id, a.email]))
    const progress = progressReporter(io, emails)
    const off = cli.on('sync.progress', (p) =>
      progress.update(p.accountId, p.phase, p.done, p.total),
    )
    // Ctrl+C stops between Gmail calls; what was committed stays and the next run continues.
    const onSignal = (): void => void cli.call('sync.cancel', { accountId: account?.id })
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    let results: SyncRunResult[]
    try {
      results = await cli.call('sync.now', {
        accountId: account?.id,
        full: Boolean(values.full),
        since,
      })
    } finally {
      off()
      progress.end()
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
    if (values.json) io.out(JSON.stringify(results, null, 2))
    else if (results.length === 0)
      io.out('No active accounts to sync. Connect one with: replybase connect gmail')
    else for (const r of results) for (const line of describeResult(r)) io.out(line)
    return results.every((r) => r.status === 'ok') ? 0 : 1
  },
}
