import { CliUsageError, parseCommandArgs, resolveAccount } from '../arguments'
import type { CliCommand } from '../cli-types'

export const disconnectCommand: CliCommand = {
  name: 'disconnect',
  usage: 'disconnect <id|email> [--purge] [--json]',
  summary: 'Revoke access and remove the stored authorization (--purge: delete its mail and pairs)',
  async run(args, cli, io) {
    const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: { purge: { type: 'boolean' }, json: { type: 'boolean' } },
    })
    const [ref, ...extra] = parsed.positionals
    if (!ref || extra.length > 0)
      throw new CliUsageError('disconnect takes one account id or address.')
    const { id } = await resolveAccount(cli, ref)
    const r = await cli.call('accounts.disconnect', { id, purge: Boolean(parsed.values.purge) })
    if (parsed.values.json) {
      io.out(JSON.stringify(r, null, 2))
      return 0
    }
    io.out(
      r.purged
        ? `Disconnected ${r.email}; deleted ${r.messagesDeleted} messages and ${r.pairsDeleted} pairs.`
        : `Disconnected ${r.email}; its messages and pairs are kept.`,
    )
    if (!r.revoked)
      io.err(
        'Google did not confirm the revocation; you can remove ReplyBase at https://myaccount.google.com/permissions.',
      )
    return 0
  },
}
