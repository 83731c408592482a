// Ground truth the generator records for every message, and the pairs it implies.

import type { Lang } from './content'

export type MessageKind =
  'client' | 'ours' | 'auto-reply' | 'newsletter' | 'bounce' | 'spam' | 'draft'

export interface MessageTruth {
  /** Message-ID without angle brackets: stable across fake servers and Gmail ids. */
  key: string
  /** key of the thread's first message. */
  threadKey: string
  direction: 'incoming' | 'outgoing'
  kind: MessageKind
  language: Lang
  /** The author's own words: no quoted history, no sign-off or signature; paragraphs joined by a
   *  blank line. Plain text may be wrapped at 72 columns, so compare with whitespace collapsed. */
  cleanText: string
  subject: string
  from: string
  charset: string
  transferEncoding: string
  structure: string
  client: string
  quoteStyle?: string
  hasAttachment: boolean
  /** For our replies: keys of the client messages (one client turn) this message answers. */
  answers?: string[]
}

export interface GeneratedMessage {
  raw: Buffer
  labelIds: string[]
  threadId: string
  internalDate: number
  truth: MessageTruth
}

export interface ExpectedPair {
  threadKey: string
  clientKeys: string[]
  replyKey: string
  clientText: string
  replyText: string
  language: Lang
}
