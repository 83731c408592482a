import type { gmail_v1 } from '@googleapis/gmail'

/** A send-as address of the mailbox: mail From one of these is ours, not a client's. */
export interface SendAsAlias {
  email: string
  displayName: string | null
  isPrimary: boolean
  isDefault: boolean
}

export function sendAsAliases(list: gmail_v1.Schema$SendAs[] | null | undefined): SendAsAlias[] {
  return (list ?? [])
    .filter((a): a is gmail_v1.Schema$SendAs & { sendAsEmail: string } => Boolean(a.sendAsEmail))
    .map((a) => ({
      email: a.sendAsEmail.toLowerCase(),
      displayName: a.displayName || null,
      isPrimary: Boolean(a.isPrimary),
      isDefault: Boolean(a.isDefault),
    }))
}
