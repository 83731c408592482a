import { parseCommandArgs } from '../arguments'
import type { CliCommand } from '../cli-types'

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status [--json]',
  summary: 'Data folder, database, schema version, row counts, keychain',
  async run(args, { call }, io) {
    const json = Boolean(
      parseCommandArgs({ args, options: { json: { type: 'boolean' } } }).values.json,
    )
    const s = await call('app.status', {})
    if (json) {
      io.out(JSON.stringify(s, null, 2))
      return 0
    }
    const p = s.counts.pairsByStatus
    io.out(
      [
        `ReplyBase ${s.version} (${s.platform})`,
        `Data folder:    ${s.dataDir}`,
        `Database:       ${s.dbPath}`,
        `Schema version: ${s.schemaVersion} (${s.latestMigration ?? 'none'})`,
        `Accounts:       ${s.counts.accounts}`,
        `Messages:       ${s.counts.messages}`,
        `Pairs:          ${s.counts.pairs} (new ${p.new}, approved ${p.approved}, rejected ${p.rejected})`,
        `Keychain:       ${s.keychain.ok ? `available (service "${s.keychain.service}")` : `UNAVAILABLE: ${s.keychain.message}`}`,
        `Vector search:  ${s.vectorSearch.ok ? `sqlite-vec ${s.vectorSearch.version}` : `UNAVAILABLE: ${s.vectorSearch.message}`}`,
      ].join('\n'),
    )
    return 0
  },
}
