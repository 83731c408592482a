import type { MessageDto } from '@contract/messages'
import { CliUsageError, parseCommandArgs, resolveAccount } from '../arguments'
import type { CliCommand } from '../cli-types'

const PREVIEW_CHARS = 160

/** The fields `messages list --json` prints (README), snake_case like the table. */
function toJson(m: MessageDto): Record<string, unknown> {
  return {
    external_id: m.externalId,
    thread_id: m.threadId,
    direction: m.direction,
    from_address: m.fromAddress,
    to_addresses: m.to.map((a) => a.address),
    subject: m.subject,
    sent_at: m.sentAt,
    labels: m.labels,
    body_text: m.bodyText,
  }
}

function toLines(m: MessageDto): string[] {
  const arrow = m.direction === 'incoming' ? '<-' : '->'
  const preview = m.bodyText.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_CHARS)
  return [
    `${m.sentAt}  ${m.externalId}  thread ${m.threadId}  ${arrow} ${m.direction}  [${m.labels.join(',')}]`,
    `  from ${m.fromAddress ?? '?'} to ${m.to.map((a) => a.address).join(', ') || '?'}: ${m.subject}`,
    `  ${preview}${m.parseStatus === 'failed' ? `  (not decoded: ${m.parseError ?? 'unknown'})` : ''}`,
  ]
}

export const messagesCommand: CliCommand = {
  name: 'messages',
  usage: 'messages list [--account <id|email>] [--thread <id>] [--limit <n>] [--json]',
  summary: 'List stored messages in sent order',
  async run(args, cli, io) {
    const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        account: { type: 'string' },
        thread: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
    })
    const [action, ...extra] = parsed.positionals
    if (action !== 'list' || extra.length > 0)
      throw new CliUsageError('Only "messages list" is supported.')
    const { values } = parsed
    const limit = values.limit === undefined ? undefined : Number(values.limit)
    if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) {
      throw new CliUsageError('--limit takes a positive whole number.')
    }
    const accountId =
      values.account === undefined ? undefined : (await resolveAccount(cli, values.account)).id
    const list = await cli.call('messages.list', { accountId, threadId: values.thread, limit })
    if (values.json) {
      io.out(JSON.stringify(list.map(toJson), null, 2))
      return 0
    }
    if (list.length === 0) io.out('No messages.')
    for (const m of list) for (const line of toLines(m)) io.out(line)
    return 0
  },
}
