import type { AccountDto } from '@contract/accounts'
import { CliUsageError, parseCommandArgs, resolveAccount } from '../arguments'
import type { CliCommand, CliIo } from '../cli-types'

function describe(a: AccountDto): string {
  const status = a.statusReason ? `${a.status} (${a.statusReason})` : a.status
  const last = a.lastSyncAt ?? 'never'
  const s = a.lastSyncSummary
  const summary = s
    ? `; last ${s.mode} sync: ${s.messages_upserted} messages, ${s.pairs_created} pairs, ${s.errors.length} errors`
    : ''
  const resync = a.manualResyncRequestedAt ? '; full rescan requested' : ''
  return `${String(a.id).padStart(3)}  ${a.email.padEnd(32)} ${status.padEnd(28)} synced: ${last}${summary}${resync}`
}

function printList(list: AccountDto[], io: CliIo): void {
  if (list.length === 0) {
    io.out('No accounts. Connect one with: replybase connect gmail')
    return
  }
  for (const a of list) io.out(describe(a))
}

export const accountsCommand: CliCommand = {
  name: 'accounts',
  usage: 'accounts [--json] | accounts enable|disable|resync <id|email>',
  summary: 'List accounts, enable or disable one, or request a full rescan',
  async run(args, cli, io) {
    const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' } },
    })
    const json = Boolean(parsed.values.json)
    const [action, ref, ...extra] = parsed.positionals
    if (action === undefined) {
      const list = await cli.call('accounts.list', {})
      if (json) io.out(JSON.stringify(list, null, 2))
      else printList(list, io)
      return 0
    }
    if (!['enable', 'disable', 'resync'].includes(action))
      throw new CliUsageError(`Unknown action: ${action}`)
    if (!ref || extra.length > 0)
      throw new CliUsageError(`accounts ${action} takes one account id or address.`)
    const { id } = await resolveAccount(cli, ref)
    const updated =
      action === 'resync'
        ? await cli.call('accounts.requestResync', { id })
        : await cli.call('accounts.setEnabled', { id, enabled: action === 'enable' })
    if (json) io.out(JSON.stringify(updated, null, 2))
    else io.out(describe(updated))
    return 0
  },
}
