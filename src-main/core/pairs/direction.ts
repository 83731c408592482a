// Which way a message went. Outgoing when it carries Gmail's SENT label or its From is the
// mailbox itself or one of its send-as aliases (stored by the connect flow in accounts.meta
// as `send_as`); everything else is incoming.
// https://developers.google.com/gmail/api/reference/rest/v1/users.settings.sendAs

export type Direction = 'incoming' | 'outgoing'

/** The account address and its send-as aliases, lower-cased. */
export function ownAddresses(accountEmail: string, meta: Record<string, unknown>): Set<string> {
  const own = new Set<string>([accountEmail.trim().toLowerCase()])
  const sendAs = meta['send_as']
  if (Array.isArray(sendAs)) {
    for (const alias of sendAs) {
      const email = (alias as { email?: unknown } | null)?.email
      if (typeof email === 'string' && email.trim()) own.add(email.trim().toLowerCase())
    }
  }
  return own
}

export function directionOf(
  fromAddress: string | null | undefined,
  labels: readonly string[],
  own: ReadonlySet<string>,
): Direction {
  if (labels.includes('SENT')) return 'outgoing'
  if (fromAddress && own.has(fromAddress.trim().toLowerCase())) return 'outgoing'
  return 'incoming'
}
