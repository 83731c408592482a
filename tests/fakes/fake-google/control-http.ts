// The control API over HTTP: POST <base>/__control/<op> with a JSON body, so a CLI subprocess
// or a browser test can drive the fake. Not part of Google's API; loopback only.

import { z } from 'zod'
import { generateMailbox } from '../mailbox-generator'
import type { ApiReply } from './google-errors'
import type { ControlApi } from './types'

const alias = z.object({
  sendAsEmail: z.string(),
  displayName: z.string().optional(),
  isDefault: z.boolean().optional(),
})
const email = z.object({ email: z.string() })
const message = z.object({
  raw: z.string().optional(),
  rawBase64: z.string().optional(),
  rfc822: z.string().optional(),
  labelIds: z.array(z.string()).optional(),
  threadId: z.string().optional(),
  internalDate: z.number().optional(),
})
const faults = z.object({
  errorRate: z.number().min(0).max(1).nullish(),
  latencyMs: z.number().min(0).nullish(),
  latencyJitterMs: z.number().min(0).nullish(),
  domainPolicy: z.boolean().nullish(),
  offline: z.union([z.literal(false), z.enum(['refuse', 'reset', 'hang'])]).nullish(),
  offlineForMs: z.number().min(0).nullish(),
  revokeAfterRequests: z.number().int().min(1).nullish(),
  deleteAfterList: z.number().int().min(0).nullish(),
  failNextCalls: z.number().int().min(0).nullish(),
})
const nextAuth = z.object({
  mode: z.enum(['approve', 'deny', 'wrong_state', 'no_code', 'no_state']),
  account: z.string().optional(),
  grantedScopes: z.array(z.string()).optional(),
  omitRefreshToken: z.boolean().optional(),
  times: z.number().int().min(1).optional(),
})

function toRaw(m: z.infer<typeof message>): Buffer {
  if (m.rawBase64 !== undefined) return Buffer.from(m.rawBase64, 'base64')
  return Buffer.from(m.raw ?? m.rfc822 ?? '', 'utf8')
}

const dropNulls = <T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v ?? undefined])) as {
    [K in keyof T]: Exclude<T[K], null>
  }

type Op = (api: ControlApi, body: unknown) => unknown

const OPS: Record<string, Op> = {
  addMailbox: (api, b) => {
    const p = email
      .extend({ aliases: z.array(alias).optional(), displayName: z.string().optional() })
      .parse(b)
    api.addMailbox(p.email, { aliases: p.aliases, displayName: p.displayName })
    return {}
  },
  addAlias: (api, b) => {
    const p = email.extend({ alias }).parse(b)
    api.addAlias(p.email, p.alias)
    return {}
  },
  addMessage: (api, b) => {
    const p = email.and(message).parse(b)
    return { id: api.addMessage(p.email, { ...p, raw: toRaw(p) }) }
  },
  addMessages: (api, b) => {
    const p = email.extend({ messages: z.array(message) }).parse(b)
    return {
      ids: api.addMessages(
        p.email,
        p.messages.map((m) => ({ ...m, raw: toRaw(m) })),
      ),
    }
  },
  generate: (api, b) => {
    const p = email
      .extend({
        seed: z.number().int().default(1),
        messages: z.number().int().min(1).max(200_000),
        days: z.number().int().min(1).optional(),
        aliases: z.array(z.string()).optional(),
      })
      .parse(b)
    const generated = generateMailbox({
      seed: p.seed,
      messages: p.messages,
      ownAddress: p.email,
      aliases: p.aliases,
      days: p.days,
    })
    api.addMailbox(p.email, { aliases: p.aliases?.map((a) => ({ sendAsEmail: a })) })
    return { ids: api.addMessages(p.email, generated) }
  },
  deleteMessage: (api, b) => {
    const p = email.extend({ id: z.string() }).parse(b)
    return { deleted: api.deleteMessage(p.email, p.id) }
  },
  modifyLabels: (api, b) => {
    const p = email
      .extend({
        id: z.string(),
        add: z.array(z.string()).default([]),
        remove: z.array(z.string()).default([]),
      })
      .parse(b)
    return { modified: api.modifyLabels(p.email, p.id, p.add, p.remove) }
  },
  expireHistory: (api, b) => {
    api.expireHistory(email.parse(b).email)
    return {}
  },
  expireTokens: (api, b) => {
    api.expireTokens(z.object({ email: z.string().optional() }).parse(b ?? {}).email)
    return {}
  },
  revokeAll: (api, b) => {
    api.revokeAll(email.parse(b).email)
    return {}
  },
  setNextAuth: (api, b) => {
    api.setNextAuth(b === null ? null : nextAuth.parse(b))
    return {}
  },
  setFaults: (api, b) => {
    api.setFaults(dropNulls(faults.parse(b)))
    return {}
  },
  setQuota: (api, b) => {
    const p = z
      .object({
        quotaUnitsPerSecond: z.number().min(0).optional(),
        quotaStyle: z.enum(['429', '403']).optional(),
        maxConcurrent: z.number().int().min(0).optional(),
      })
      .parse(b)
    api.setQuota(p)
    return {}
  },
  stats: (api) => api.stats(),
  resetStats: (api) => {
    api.resetStats()
    return {}
  },
  messageIds: (api, b) => {
    const p = email.extend({ includeSpamTrash: z.boolean().optional() }).parse(b)
    return { ids: api.messageIds(p.email, p) }
  },
  historyId: (api, b) => ({ historyId: api.historyId(email.parse(b).email) }),
}

// Path-style aliases, as the security test plan (shared/reference/security.md §7) names them.
const ALIASES: Record<string, string> = {
  'tokens/expire': 'expireTokens',
  'tokens/revoke-all': 'revokeAll',
  'history/expire': 'expireHistory',
  'messages/delete': 'deleteMessage',
  messages: 'addMessage',
  faults: 'setFaults',
  auth: 'setNextAuth',
}

export function handleControl(api: ControlApi, op: string, bodyText: string): ApiReply {
  const fn = OPS[ALIASES[op] ?? op]
  if (!fn)
    return { status: 404, body: { error: `unknown control op: ${op}`, ops: Object.keys(OPS) } }
  try {
    const body: unknown = bodyText.trim() ? JSON.parse(bodyText) : {}
    return { status: 200, body: fn(api, body) ?? {} }
  } catch (err) {
    const message = err instanceof z.ZodError ? z.prettifyError(err) : String(err)
    return { status: 400, body: { error: message } }
  }
}
