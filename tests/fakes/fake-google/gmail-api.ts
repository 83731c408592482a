// One Gmail API call through the same gates as the real service, in its order: route, access
// token (401), scope (403), account, concurrency (429), quota (429/403), latency, faults, handler.
// Used for plain HTTP calls and for each part of a batch.

import {
  apiError,
  badRequest,
  delegationDenied,
  domainPolicy,
  insufficientScopes,
  notFound,
  unauthenticated,
  type ApiReply,
} from './google-errors'
import { listHistory, labelsList, profile, sendAsList } from './gmail-history'
import {
  getAttachment,
  getMessage,
  getThread,
  listMessages,
  parseFormat,
  parseMaxResults,
} from './gmail-messages'
import { sleep } from './http-util'
import type { Mailbox } from './mailbox'
import { METADATA_SCOPE, READ_SCOPES, type OAuthState } from './oauth-state'
import type { Traffic } from './traffic'

export interface GmailContext {
  oauth: OAuthState
  traffic: Traffic
  mailboxes: Map<string, Mailbox>
  now(): number
}

export interface GmailCall {
  method: string
  /** Path from the host, e.g. /gmail/v1/users/me/messages/abc */
  path: string
  query: URLSearchParams
  authorization?: string
}

interface Route {
  endpoint: string
  userId: string
  args: string[]
}

const ROUTES: Array<[RegExp, string]> = [
  [/^users\/([^/]+)\/profile$/, 'getProfile'],
  [/^users\/([^/]+)\/settings\/sendAs$/, 'settings.sendAs.list'],
  [/^users\/([^/]+)\/labels$/, 'labels.list'],
  [/^users\/([^/]+)\/messages$/, 'messages.list'],
  [/^users\/([^/]+)\/messages\/([^/]+)$/, 'messages.get'],
  [/^users\/([^/]+)\/messages\/([^/]+)\/attachments\/([^/]+)$/, 'messages.attachments.get'],
  [/^users\/([^/]+)\/history$/, 'history.list'],
  [/^users\/([^/]+)\/threads\/([^/]+)$/, 'threads.get'],
]

function route(path: string): Route | undefined {
  const rest = path.replace(/^\/gmail\/v1\//, '')
  for (const [re, endpoint] of ROUTES) {
    const m = re.exec(rest)
    if (m) {
      try {
        const [, userId = '', ...args] = m.map((x) => decodeURIComponent(x))
        return { endpoint, userId, args }
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

const RPC_METHOD: Record<string, string> = {
  getProfile: 'caribou.api.proto.MailboxService.GetProfile',
  'messages.list': 'caribou.api.proto.MailboxService.ListMessages',
  'messages.get': 'caribou.api.proto.MailboxService.GetMessage',
  'history.list': 'caribou.api.proto.MailboxService.ListHistory',
}

function handle(ctx: GmailContext, r: Route, box: Mailbox, q: URLSearchParams): ApiReply {
  const metadataHeaders = q.getAll('metadataHeaders')
  switch (r.endpoint) {
    case 'getProfile':
      return profile(box)
    case 'settings.sendAs.list':
      return sendAsList(box)
    case 'labels.list':
      return labelsList(box)
    case 'messages.get':
    case 'threads.get': {
      const format = parseFormat(q.get('format'))
      if (typeof format !== 'string') return format
      const get = r.endpoint === 'messages.get' ? getMessage : getThread
      return get(box, r.args[0] ?? '', format, metadataHeaders)
    }
    case 'messages.attachments.get':
      return getAttachment(box, r.args[0] ?? '', r.args[1] ?? '')
    case 'messages.list': {
      const maxResults = parseMaxResults(q.get('maxResults'), 100, 500)
      if (typeof maxResults !== 'number') return maxResults
      const reply = listMessages(box, {
        q: q.get('q'),
        labelIds: q.getAll('labelIds'),
        includeSpamTrash: q.get('includeSpamTrash') === 'true',
        maxResults,
        pageToken: q.get('pageToken'),
        now: ctx.now(),
      })
      // Fault: messages vanish between list and get (the user deleted them meanwhile).
      let toDelete = ctx.traffic.faults.deleteAfterList ?? 0
      for (const id of [...reply.listed].reverse()) {
        if (toDelete <= 0) break
        if (box.delete(id)) toDelete--
      }
      if (ctx.traffic.faults.deleteAfterList !== undefined)
        ctx.traffic.faults.deleteAfterList = toDelete
      return { status: reply.status, body: reply.body }
    }
    case 'history.list': {
      const maxResults = parseMaxResults(q.get('maxResults'), 100, 500)
      if (typeof maxResults !== 'number') return maxResults
      return listHistory(box, {
        startHistoryId: q.get('startHistoryId'),
        historyTypes: q.getAll('historyTypes'),
        labelId: q.get('labelId'),
        maxResults,
        pageToken: q.get('pageToken'),
      })
    }
    default:
      return notFound()
  }
}

/** Runs one call and records it in the stats; returns the endpoint name with the reply. */
export async function callGmail(
  ctx: GmailContext,
  call: GmailCall,
): Promise<{ endpoint: string; reply: ApiReply }> {
  const r = route(call.path.split('?')[0] ?? '')
  const endpoint = call.method === 'GET' ? (r?.endpoint ?? 'unknown') : 'write.attempt'
  const reply = await gated(ctx, call, r)
  ctx.traffic.count(endpoint, reply.status)
  return { endpoint, reply }
}

async function gated(ctx: GmailContext, call: GmailCall, r: Route | undefined): Promise<ApiReply> {
  const method = RPC_METHOD[r?.endpoint ?? ''] ?? 'caribou.api.proto.MailboxService.Unknown'
  const bearer =
    /^Bearer\s+(\S+)$/i.exec(call.authorization ?? '')?.[1] ?? call.query.get('access_token')
  const token = bearer ? ctx.oauth.checkAccess(bearer, ctx.now()) : undefined
  if (!token) return unauthenticated(method)
  const canRead = token.scopes.some((s) => READ_SCOPES.includes(s))
  const metadataOnly = !canRead && token.scopes.includes(METADATA_SCOPE)
  if (!canRead && !metadataOnly) return insufficientScopes(method)
  // This app is read-only: any write is refused as Google refuses it for a read-only token.
  if (call.method !== 'GET' || !r) {
    return call.method !== 'GET' ? insufficientScopes(method) : notFound()
  }
  const email = token.grant.email
  if (r.userId !== 'me' && r.userId.toLowerCase() !== email.toLowerCase()) {
    return delegationDenied(r.userId)
  }
  if (metadataOnly) {
    const format = (call.query.get('format') ?? 'full').toLowerCase()
    if (
      (r.endpoint === 'messages.get' || r.endpoint === 'threads.get') &&
      format !== 'minimal' &&
      format !== 'metadata'
    ) {
      return apiError(403, `Metadata scope doesn't allow format ${format.toUpperCase()}`, {
        reason: 'forbidden',
      })
    }
    if (r.endpoint === 'messages.list' && call.query.get('q')) {
      return apiError(403, "Metadata scope does not support 'q' parameter", { reason: 'forbidden' })
    }
  }
  if (ctx.traffic.faults.domainPolicy) return domainPolicy()
  const box = ctx.mailboxes.get(email.toLowerCase())
  if (!box) return apiError(400, 'Mail service not enabled', { reason: 'failedPrecondition' })
  const busy = ctx.traffic.enter(email)
  if (busy) return busy
  try {
    const overQuota = ctx.traffic.spend(email, r.endpoint)
    if (overQuota) return overQuota
    const delay = ctx.traffic.latencyMs()
    if (delay > 0) await sleep(delay)
    const fault = ctx.traffic.injectError()
    if (fault) return fault
    const reply = handle(ctx, r, box, call.query)
    if (ctx.traffic.tickRevoke()) ctx.oauth.revokeAccount(email)
    return reply
  } catch (err) {
    return badRequest(err instanceof Error ? err.message : String(err))
  } finally {
    ctx.traffic.leave(email)
  }
}
