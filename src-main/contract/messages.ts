import { z } from 'zod'
import { method, rowId } from './define'

export interface MailAddressDto {
  name: string
  address: string
}

export interface AttachmentDto {
  filename: string | null
  mimeType: string
  size: number
  disposition: string | null
  contentId: string | null
}

/** One stored message as received, for the review pane's "original" view. */
export interface MessageDto {
  id: number
  accountId: number
  externalId: string
  threadId: string
  direction: 'incoming' | 'outgoing'
  fromAddress: string | null
  fromName: string | null
  to: MailAddressDto[]
  cc: MailAddressDto[]
  /** `Name <address>` (or the bare address), ready to show. */
  toAddresses: string[]
  ccAddresses: string[]
  subject: string
  sentAt: string
  bodyText: string
  /** The message had an HTML part. Its markup never leaves main: mail HTML is untrusted and
   * the UI shows the text, which is what pairs are built from. */
  hasHtml: boolean
  attachments: AttachmentDto[]
  labels: string[]
  /** Selected headers (auto-submitted, precedence, list-id, ...), lower-case keys. */
  headers: Record<string, string>
  parseStatus: 'ok' | 'failed'
  parseError: string | null
  charsetFallback: boolean
  truncated: boolean
  /** Set when Gmail no longer has it but a reviewed pair still refers to it. */
  deletedAt: string | null
}

const getInput = z.object({ id: rowId }).strict()
const listInput = z
  .object({
    accountId: rowId.optional(),
    threadId: z.string().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()

export const messagesContract = {
  'messages.get': method<typeof getInput, MessageDto>(getInput),
  /** Stored messages in sent order (oldest first), optionally of one account or thread. */
  'messages.list': method<typeof listInput, MessageDto[]>(listInput),
}
