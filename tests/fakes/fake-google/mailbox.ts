// One Gmail mailbox: raw messages (stored byte for byte), labels, threads and the history log.
// Every change bumps historyId and appends a record, as users.history.list describes.
// https://developers.google.com/gmail/api/guides/sync

import { parseMessage, decodeWords, type ParsedMessage } from './mime-tree'
import type { AddMessageInput, AliasInput, SendAs } from './types'

export interface StoredMessage {
  id: string
  threadId: string
  raw: Buffer
  labels: Set<string>
  internalDate: number
  historyId: number
  /** Cached; the parsed tree is not kept, so 20k stored messages cost their raw bytes only. */
  snippet?: string
}

export type ChangeType = 'messageAdded' | 'messageDeleted' | 'labelAdded' | 'labelRemoved'

export interface HistoryRecord {
  id: number
  type: ChangeType
  message: { id: string; threadId: string; labelIds: string[] }
  changed?: string[]
}

let idCounter = 0

/** Gmail ids are hex and grow with time; ours are (internalDate << 20 | counter). */
function newMessageId(internalDate: number, taken: (id: string) => boolean): string {
  for (;;) {
    idCounter = (idCounter + 1) & 0xfffff
    const id = (BigInt(Math.max(0, internalDate)) * 1048576n + BigInt(idCounter)).toString(16)
    if (!taken(id)) return id
  }
}

const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|sv|vs|ответ|отв|на|пересл)\s*(\[\d+\])?\s*:\s*)+/i

function threadingHeaders(raw: Buffer): { messageId?: string; refs: string[]; subject: string } {
  let end = raw.indexOf('\r\n\r\n')
  if (end < 0) end = raw.indexOf('\n\n')
  const head = raw
    .subarray(0, end < 0 ? Math.min(raw.length, 65536) : end)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ')
  const get = (name: string): string | undefined =>
    new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim()
  const ids = (v: string | undefined): string[] => v?.match(/<[^<>\s]+>/g) ?? []
  const subjectRaw = Buffer.from(get('Subject') ?? '', 'latin1').toString('utf8')
  return {
    messageId: ids(get('Message-ID'))[0],
    refs: [...ids(get('In-Reply-To')), ...ids(get('References'))],
    subject: decodeWords(subjectRaw).replace(REPLY_PREFIX, '').trim().toLowerCase(),
  }
}

export class Mailbox {
  readonly messages = new Map<string, StoredMessage>()
  readonly threads = new Map<string, Set<string>>()
  readonly history: HistoryRecord[] = []
  readonly sendAs: SendAs[]
  readonly userLabels = new Set<string>()
  historyId: number
  historyFloor: number
  private sortedCache: StoredMessage[] | null = null
  private readonly byMessageId = new Map<string, { threadId: string; subject: string }>()

  constructor(
    readonly email: string,
    private readonly nextStep: () => number,
    aliases: AliasInput[] = [],
  ) {
    this.historyId = 1000 + nextStep() * 100
    this.historyFloor = 0
    this.sendAs = [
      {
        sendAsEmail: email,
        displayName: '',
        replyToAddress: '',
        signature: '',
        isPrimary: true,
        isDefault: !aliases.some((a) => a.isDefault),
        treatAsAlias: false,
      },
    ]
    for (const a of aliases) this.addAlias(a)
  }

  addAlias(a: AliasInput): void {
    if (a.isDefault) for (const s of this.sendAs) s.isDefault = false
    this.sendAs.push({
      sendAsEmail: a.sendAsEmail,
      displayName: a.displayName ?? '',
      replyToAddress: '',
      signature: '',
      isDefault: a.isDefault ?? false,
      treatAsAlias: true,
      verificationStatus: 'accepted',
    })
  }

  private record(type: ChangeType, m: StoredMessage, changed?: string[]): void {
    this.historyId += this.nextStep()
    m.historyId = this.historyId
    const message = { id: m.id, threadId: m.threadId, labelIds: [...m.labels] }
    this.history.push({ id: this.historyId, type, message, changed })
  }

  add(input: AddMessageInput, now: number): StoredMessage {
    const raw = typeof input.raw === 'string' ? Buffer.from(input.raw, 'utf8') : input.raw
    const internalDate = input.internalDate ?? now
    const id = newMessageId(internalDate, (x) => this.messages.has(x))
    const hdr = threadingHeaders(raw)
    let threadId = input.threadId
    if (!threadId) {
      // Gmail joins a thread when a referenced message is in it and the subject still matches.
      for (const ref of hdr.refs) {
        const known = this.byMessageId.get(ref)
        if (known && known.subject === hdr.subject && this.threads.has(known.threadId)) {
          threadId = known.threadId
          break
        }
      }
    }
    threadId ??= id
    const labels = new Set(input.labelIds ?? ['INBOX', 'UNREAD'])
    for (const l of labels) if (!/^[A-Z_]+$/.test(l)) this.userLabels.add(l)
    const m: StoredMessage = { id, threadId, raw, labels, internalDate, historyId: 0 }
    this.messages.set(id, m)
    let members = this.threads.get(threadId)
    if (!members) this.threads.set(threadId, (members = new Set()))
    members.add(id)
    // The first message with a Message-ID owns it; a re-delivered copy does not move the thread.
    if (hdr.messageId && !this.byMessageId.has(hdr.messageId)) {
      this.byMessageId.set(hdr.messageId, { threadId, subject: hdr.subject })
    }
    this.sortedCache = null
    this.record('messageAdded', m)
    return m
  }

  delete(id: string): boolean {
    const m = this.messages.get(id)
    if (!m) return false
    this.messages.delete(id)
    const members = this.threads.get(m.threadId)
    members?.delete(id)
    if (members?.size === 0) this.threads.delete(m.threadId)
    this.sortedCache = null
    this.record('messageDeleted', m)
    return true
  }

  modify(id: string, add: string[], remove: string[]): boolean {
    const m = this.messages.get(id)
    if (!m) return false
    const added = add.filter((l) => !m.labels.has(l))
    const removed = remove.filter((l) => m.labels.has(l))
    for (const l of added) m.labels.add(l)
    for (const l of removed) m.labels.delete(l)
    if (added.length) this.record('labelAdded', m, added)
    if (removed.length) this.record('labelRemoved', m, removed)
    return true
  }

  /** Makes every earlier startHistoryId fall outside the retained window (-> 404). */
  expireHistory(): void {
    this.historyFloor = this.historyId
  }

  /** Newest first, like Gmail's list order. */
  sorted(): StoredMessage[] {
    this.sortedCache ??= [...this.messages.values()].sort(
      (a, b) =>
        b.internalDate - a.internalDate || b.id.length - a.id.length || (b.id < a.id ? -1 : 1),
    )
    return this.sortedCache
  }

  parsed(m: StoredMessage): ParsedMessage {
    const p = parseMessage(m.raw, m.id)
    m.snippet = p.snippet
    return p
  }

  snippet(m: StoredMessage): string {
    return m.snippet ?? this.parsed(m).snippet
  }
}
