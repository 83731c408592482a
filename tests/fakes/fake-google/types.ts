// Public types of the fake Google server (OAuth 2.0 + Gmail API v1) used by tests.

export const GMAIL_READONLY = 'https://www.googleapis.com/auth/gmail.readonly'

export interface FakeOAuthClient {
  clientId: string
  /** Desktop clients still send a secret to Google's token endpoint; absent = public client. */
  clientSecret?: string
}

export interface FakeGoogleOptions {
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number
  /** OAuth clients the fake accepts; defaults to one desktop client (see DEFAULT_CLIENT). */
  clients?: FakeOAuthClient[]
  /** Per-user quota in units per second (token bucket, 1 s burst); default unlimited. */
  quotaUnitsPerSecond?: number
  /** '429' (rateLimitExceeded, RESOURCE_EXHAUSTED) or '403' (userRateLimitExceeded). */
  quotaStyle?: '429' | '403'
  /** More Gmail calls than this in flight for one user -> 429 "Too many concurrent requests". */
  maxConcurrent?: number
  /** Access token lifetime in seconds (Google: 3599). */
  accessTokenTtlSec?: number
  /** Inserted after the token prefixes (ya29., 1//, 4/0A) so secret scanners can find tokens. */
  tokenMarker?: string
  /** Seed for fault injection and history id steps (deterministic runs). */
  seed?: number
  /** Clock in ms since epoch (quota buckets, token expiry); default Date.now. */
  now?: () => number
  /** gzip JSON responses when the client accepts it, as Google does; default true. */
  gzip?: boolean
  /** Also send a Retry-After header (seconds) with quota errors; default false. */
  retryAfterHeader?: boolean
  /** Require PKCE S256 and a `state` on the authorization request; default true. */
  strictAuthRequest?: boolean
  faults?: FakeFaults
  /** Mailboxes created at start-up. */
  mailboxes?: Array<{ email: string; aliases?: AliasInput[] }>
}

export interface FakeFaults {
  /** Fraction (0..1) of Gmail calls answered 500/503 backendError. */
  errorRate?: number
  latencyMs?: number
  latencyJitterMs?: number
  /** Every Gmail call answers 403 domainPolicy (Workspace admin disabled API access). */
  domainPolicy?: boolean
  /**
   * 'refuse': stop listening (ECONNREFUSED); 'reset': destroy sockets of API calls;
   * 'hang': never answer API calls. The /__control paths keep working in reset/hang.
   */
  offline?: false | 'refuse' | 'reset' | 'hang'
  /** With offline 'refuse' set over HTTP, come back after this many ms. */
  offlineForMs?: number
  /** After this many more Gmail calls, revoke the grant of the account that made the last one. */
  revokeAfterRequests?: number
  /** Delete this many listed messages right after messages.list answers (list/get race). */
  deleteAfterList?: number
  /** The next this-many Gmail calls answer 503 backendError, then calls succeed again. */
  failNextCalls?: number
}

export type AuthMode = 'approve' | 'deny' | 'wrong_state' | 'no_code' | 'no_state'

export interface NextAuth {
  mode: AuthMode
  /** Account that "signs in"; default the first mailbox. */
  account?: string
  /** Granular consent: the scopes the user left ticked (default: all requested). */
  grantedScopes?: string[]
  /** Force a token response without refresh_token (Google omits it on re-consent). */
  omitRefreshToken?: boolean
  /** Apply to this many authorizations, then fall back to approve (default 1). */
  times?: number
}

export interface AliasInput {
  sendAsEmail: string
  displayName?: string
  isDefault?: boolean
}

export interface SendAs {
  sendAsEmail: string
  displayName: string
  replyToAddress: string
  signature: string
  isPrimary?: boolean
  isDefault?: boolean
  treatAsAlias: boolean
  verificationStatus?: 'accepted' | 'pending'
}

export interface AddMessageInput {
  raw: Buffer | string
  labelIds?: string[]
  threadId?: string
  internalDate?: number
}

export interface FakeStats {
  requests: number
  byEndpoint: Record<string, number>
  byStatus: Record<string, number>
  byEndpointStatus: Record<string, Record<string, number>>
  /** 429s sent (quota, concurrency), inner batch parts included. */
  sent429: number
  /** Quota refusals in either style (429 rateLimitExceeded or 403 userRateLimitExceeded). */
  rateLimited: number
  concurrencyRejected: number
  peakConcurrency: number
  peakConcurrencyByUser: Record<string, number>
  unitsByUser: Record<string, number>
  batchParts: number
  faultsInjected: number
}

export interface ControlApi {
  /** `displayName`: the name on the primary address, as the Google account shows it. */
  addMailbox(email: string, opts?: { aliases?: AliasInput[]; displayName?: string }): void
  addAlias(email: string, alias: AliasInput): void
  addMessage(email: string, msg: AddMessageInput): string
  addMessages(email: string, msgs: AddMessageInput[]): string[]
  deleteMessage(email: string, id: string): boolean
  modifyLabels(email: string, id: string, add: string[], remove: string[]): boolean
  expireHistory(email: string): void
  expireTokens(email?: string): void
  revokeAll(email: string): void
  setNextAuth(next: NextAuth | null): void
  setFaults(faults: FakeFaults): void
  setQuota(q: {
    quotaUnitsPerSecond?: number
    quotaStyle?: '429' | '403'
    maxConcurrent?: number
  }): void
  stats(): FakeStats
  resetStats(): void
  /** Ids of live messages (newest first), for assertions. */
  messageIds(email: string, opts?: { includeSpamTrash?: boolean }): string[]
  historyId(email: string): string
}

export interface FakeGoogle extends ControlApi {
  baseUrl: string
  authUrl: string
  tokenUrl: string
  revokeUrl: string
  /** `rootUrl` for @googleapis/gmail: Gmail lives at `<apiRoot>gmail/v1/...`. */
  apiRoot: string
  batchUrl: string
  tokenInfoUrl: string
  userInfoUrl: string
  certsPemUrl: string
  certsJwkUrl: string
  controlUrl: string
  clients: FakeOAuthClient[]
  port: number
  close(): Promise<void>
}

export const DEFAULT_CLIENT: Required<FakeOAuthClient> = {
  clientId: '1234567890-replybasefake.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-fakeClientSecret0000000000',
}
