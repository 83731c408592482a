// users.history.list, users.getProfile, users.settings.sendAs.list and users.labels.list.
// https://developers.google.com/gmail/api/reference/rest/v1/users.history/list

import { badRequest, notFound, type ApiReply } from './google-errors'
import type { ChangeType, HistoryRecord, Mailbox } from './mailbox'

const CHANGE_TYPES: ChangeType[] = ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved']

export interface HistoryParams {
  startHistoryId: string | null
  historyTypes: string[]
  labelId: string | null
  maxResults: number
  pageToken: string | null
}

function firstAfter(records: HistoryRecord[], id: number): number {
  let lo = 0
  let hi = records.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((records[mid] as HistoryRecord).id > id) hi = mid
    else lo = mid + 1
  }
  return lo
}

function recordJson(r: HistoryRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: String(r.id),
    messages: [{ id: r.message.id, threadId: r.message.threadId }],
  }
  const message = { ...r.message, labelIds: [...r.message.labelIds] }
  if (r.type === 'messageAdded') out['messagesAdded'] = [{ message }]
  if (r.type === 'messageDeleted') out['messagesDeleted'] = [{ message }]
  if (r.type === 'labelAdded') out['labelsAdded'] = [{ message, labelIds: r.changed ?? [] }]
  if (r.type === 'labelRemoved') out['labelsRemoved'] = [{ message, labelIds: r.changed ?? [] }]
  return out
}

export function listHistory(box: Mailbox, p: HistoryParams): ApiReply {
  if (p.startHistoryId === null) return badRequest('Missing required parameter: startHistoryId')
  if (!/^\d+$/.test(p.startHistoryId)) return badRequest('Invalid startHistoryId')
  const start = Number(p.startHistoryId)
  // Gmail keeps history for a limited time; an id from before that answers 404 and the
  // client must do a full sync (guides/sync, "Limitations").
  if (start < box.historyFloor) return notFound()
  const types = p.historyTypes.length ? p.historyTypes : CHANGE_TYPES
  const unknown = types.find((t) => !(CHANGE_TYPES as string[]).includes(t))
  if (unknown) return badRequest(`Invalid value at 'history_types', "${unknown}"`)
  let from = start
  if (p.pageToken) {
    const m = /^H([0-9a-z]+)$/.exec(p.pageToken)
    if (!m?.[1]) return badRequest('Invalid pageToken')
    from = parseInt(m[1], 36)
  }
  const records = box.history
  const picked: HistoryRecord[] = []
  let i = firstAfter(records, from)
  let more = false
  for (; i < records.length; i++) {
    const r = records[i] as HistoryRecord
    if (!types.includes(r.type)) continue
    if (p.labelId && !r.message.labelIds.includes(p.labelId) && !r.changed?.includes(p.labelId)) {
      continue
    }
    if (picked.length === p.maxResults) {
      more = true
      break
    }
    picked.push(r)
  }
  const body: Record<string, unknown> = {}
  if (picked.length) body['history'] = picked.map(recordJson)
  const last = picked[picked.length - 1]
  if (more && last) body['nextPageToken'] = `H${last.id.toString(36)}`
  body['historyId'] = String(box.historyId)
  return { status: 200, body }
}

export function profile(box: Mailbox): ApiReply {
  return {
    status: 200,
    body: {
      emailAddress: box.email,
      messagesTotal: box.messages.size,
      threadsTotal: box.threads.size,
      historyId: String(box.historyId),
    },
  }
}

export function sendAsList(box: Mailbox): ApiReply {
  return { status: 200, body: { sendAs: box.sendAs.map((s) => ({ ...s })) } }
}

const SYSTEM_LABELS = [
  'CHAT',
  'SENT',
  'INBOX',
  'IMPORTANT',
  'TRASH',
  'DRAFT',
  'SPAM',
  'CATEGORY_FORUMS',
  'CATEGORY_UPDATES',
  'CATEGORY_PERSONAL',
  'CATEGORY_PROMOTIONS',
  'CATEGORY_SOCIAL',
  'STARRED',
  'UNREAD',
]

export function labelsList(box: Mailbox): ApiReply {
  const labels: Array<Record<string, unknown>> = SYSTEM_LABELS.map((id) => ({
    id,
    name: id,
    type: 'system',
  }))
  for (const id of box.userLabels) {
    labels.push({
      id,
      name: id,
      type: 'user',
      messageListVisibility: 'show',
      labelListVisibility: 'labelShow',
    })
  }
  return { status: 200, body: { labels } }
}
