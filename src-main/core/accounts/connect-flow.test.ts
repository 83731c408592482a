// The whole connect flow against the fake Google: real HTTP (loopback listener included),
// the real keychain (gnome-keyring via scripts/test.sh), real SQLite in a temp folder.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { GmailConnectResult } from '@contract/accounts'
import { flushLogs } from '../logging/logger'
import type { KeychainBackend } from '../secrets/secret-store'
import { keytarBackend } from '../secrets/keytar-backend'
import {
  closedPort,
  followAuthUrl,
  MAILBOX,
  ALIAS,
  portRefuses,
  startKit,
  type HttpAnswer,
  type Kit,
} from '../../../tests/helpers/connect-test-kit'
import { GMAIL_READONLY_SCOPE } from '../google/google-config'
import { parseTokens } from '../google/token-store'
import type { Core } from '../core'

let kit: Kit
beforeAll(async () => {
  kit = await startKit()
})
afterAll(async () => {
  await kit.dispose()
})
beforeEach(async () => {
  kit.fake.setNextAuth(null)
  kit.fake.setFaults({ domainPolicy: false, failNextCalls: 0 })
  await keytarBackend.deletePassword(kit.service, `gmail-token:${MAILBOX}`).catch(() => false)
})

/** Runs a connect with the "browser" following the URL; returns the result and the page. */
async function connectVia(
  core: Core,
  timeoutMs = 10_000,
): Promise<{
  result: GmailConnectResult
  page: Promise<HttpAnswer> | null
  authUrl: string | null
}> {
  let page: Promise<HttpAnswer> | null = null
  let authUrl: string | null = null
  const result = await core.gmailConnect.connect({
    timeoutMs,
    openBrowser: (url) => {
      authUrl = url
      page = followAuthUrl(url)
    },
  })
  return { result, page, authUrl }
}

function accountRows(core: Core): number {
  return (core.dbh.sqlite.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n
}

async function expectNothingWritten(core: Core): Promise<void> {
  expect(accountRows(core)).toBe(0)
  expect(await kit.keychainEntry(MAILBOX)).toBeNull()
}

describe('gmail connect: success', () => {
  it('connects, stores the token set in the keychain only, and upserts the account', async () => {
    const core = kit.core()
    const waiting: string[] = []
    const changed: unknown[] = []
    core.events.subscribe((event, payload) => {
      if (event === 'gmail.connect.waiting') waiting.push((payload as { authUrl: string }).authUrl)
      if (event === 'accounts.changed') changed.push(payload)
    })
    const { result, page, authUrl } = await connectVia(core)
    expect(result).toMatchObject({
      ok: true,
      account: { email: MAILBOX, status: 'active', provider: 'gmail' },
    })
    if (!result.ok) return
    // The primary address carries no name in Google: the account is named by its address.
    expect(result.account.displayName).toBe(MAILBOX)
    expect(waiting).toEqual([authUrl])
    expect(changed).toEqual([{ accountId: result.account.id }])

    // The authorization request (RFC 8252 / RFC 7636 parameters).
    const u = new URL(authUrl!)
    expect(u.origin + u.pathname).toBe(kit.fake.authUrl)
    expect(u.searchParams.get('access_type')).toBe('offline')
    expect(u.searchParams.get('prompt')).toBe('consent')
    expect(u.searchParams.get('scope')).toBe(GMAIL_READONLY_SCOPE)
    expect(u.searchParams.get('code_challenge_method')).toBe('S256')
    expect(u.searchParams.get('response_type')).toBe('code')
    expect(u.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(u.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/oauth2\/callback$/,
    )
    const browser = await page!
    expect(browser.status).toBe(200)
    expect(browser.body).toContain('close this tab')
    // The listener is gone once the flow ended.
    expect(await portRefuses(Number(new URL(u.searchParams.get('redirect_uri')!).port))).toBe(true)

    // Keychain holds the set; the database and its WAL hold none of its bytes.
    const raw = await kit.keychainEntry(MAILBOX)
    const tokens = parseTokens(raw!)!
    expect(tokens.accessToken).toMatch(/^ya29\./)
    expect(tokens.refreshToken).toMatch(/^1\/\//)
    expect(tokens.scopes).toEqual([GMAIL_READONLY_SCOPE])
    expect(tokens.expiryDate).toBeGreaterThan(Date.now() + 3000_000)
    flushLogs()
    for (const file of ['replybase.db', 'replybase.db-wal', path.join('logs', 'replybase.log')]) {
      const p = path.join(core.dataDir, file)
      if (!fs.existsSync(p)) continue
      const bytes = fs.readFileSync(p)
      for (const secret of [tokens.accessToken, tokens.refreshToken!]) {
        expect(
          bytes.includes(Buffer.from(secret, 'utf8')),
          `${secret.slice(0, 6)}… in ${file}`,
        ).toBe(false)
        expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false)
      }
    }
    // The send-as aliases are kept to tell our replies from client mail.
    const meta = JSON.parse(
      (
        core.dbh.sqlite
          .prepare('SELECT meta FROM accounts WHERE id = ?')
          .get(result.account.id) as { meta: string }
      ).meta,
    ) as { send_as: Array<{ email: string }>; granted_scopes: string[] }
    expect(meta.send_as.map((a) => a.email).sort()).toEqual([ALIAS, MAILBOX].sort())
    expect(meta.granted_scopes).toEqual([GMAIL_READONLY_SCOPE])
    expect(core.accounts.list()).toHaveLength(1)
  })

  it('reads the client from Settings (id) and the keychain (secret) without env overrides', async () => {
    const env = kit.env({
      REPLYBASE_GOOGLE_CLIENT_ID: '',
      REPLYBASE_GOOGLE_CLIENT_SECRET: '',
    })
    const core = kit.core({ env })
    const { DEFAULT_CLIENT } = await import('../../../tests/fakes/fake-google')
    await core.settings.update({
      googleClientId: DEFAULT_CLIENT.clientId,
      googleClientSecret: DEFAULT_CLIENT.clientSecret,
    })
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: true, account: { email: MAILBOX } })
  })

  it("takes the mailbox owner's name from Gmail, also over the made-up name of an older connect", async () => {
    kit.fake.addMailbox(MAILBOX, { displayName: 'Greenleaf Support' })
    try {
      const core = kit.core()
      core.dbh.sqlite
        .prepare(
          `INSERT INTO accounts (provider, email, display_name, status) VALUES ('gmail', ?, ?, 'disabled')`,
        )
        .run(MAILBOX, `Gmail – ${MAILBOX}`)
      const { result } = await connectVia(core)
      expect(result).toMatchObject({
        ok: true,
        account: { email: MAILBOX, displayName: 'Greenleaf Support', status: 'active' },
      })
      expect(accountRows(core)).toBe(1)
    } finally {
      kit.fake.addMailbox(MAILBOX, { displayName: '' })
    }
  })

  it('keeps the stored refresh token when a re-consent returns none, and stays one account', async () => {
    const core = kit.core()
    const first = await connectVia(core)
    expect(first.result.ok).toBe(true)
    const before = parseTokens((await kit.keychainEntry(MAILBOX))!)!
    kit.fake.setNextAuth({ mode: 'approve', omitRefreshToken: true })
    const second = await connectVia(core)
    expect(second.result).toMatchObject({ ok: true })
    const after = parseTokens((await kit.keychainEntry(MAILBOX))!)!
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.refreshToken).toBe(before.refreshToken)
    expect(accountRows(core)).toBe(1)
  })

  it("preselects the mailbox being reconnected on Google's account chooser", async () => {
    const core = kit.core()
    let authUrl = ''
    const result = await core.gmailConnect.connect({
      timeoutMs: 10_000,
      loginHint: MAILBOX,
      openBrowser: (url) => {
        authUrl = url
        void followAuthUrl(url)
      },
    })
    expect(result).toMatchObject({ ok: true, account: { email: MAILBOX } })
    expect(new URL(authUrl).searchParams.get('login_hint')).toBe(MAILBOX)
  })

  it('a second connect cancels the first', async () => {
    const core = kit.core()
    const first = core.gmailConnect.connect({ timeoutMs: 10_000 })
    await new Promise((r) => setTimeout(r, 50))
    const second = connectVia(core)
    await expect(first).resolves.toMatchObject({ ok: false, reason: 'cancelled' })
    await expect(second).resolves.toMatchObject({ result: { ok: true } })
  })
})

describe('gmail connect: every failure ends with one reason and nothing written', () => {
  it('server_config: no client id', async () => {
    const core = kit.core({
      env: kit.env({ REPLYBASE_GOOGLE_CLIENT_ID: '' }),
    })
    let opened = false
    const result = await core.gmailConnect.connect({ openBrowser: () => void (opened = true) })
    expect(result).toMatchObject({ ok: false, reason: 'server_config' })
    expect(opened).toBe(false)
    await expectNothingWritten(core)
  })

  it.each([
    ['deny', 'access_denied'],
    ['no_code', 'missing_code'],
    ['no_state', 'missing_state'],
    ['wrong_state', 'invalid_state'],
  ] as const)('%s in the browser -> %s', async (mode, reason) => {
    const core = kit.core()
    kit.fake.setNextAuth({ mode })
    // A callback without the right state is refused and the flow waits on: to its timeout.
    const stateless = mode === 'no_state' || mode === 'wrong_state'
    const { result, page } = await connectVia(core, stateless ? 1_500 : 10_000)
    expect(result).toMatchObject({ ok: false, reason })
    expect((await page!).status).toBe(400)
    await expectNothingWritten(core)
  })

  it('timeout: no callback in time, and the port is closed', async () => {
    const core = kit.core()
    let authUrl = ''
    const result = await core.gmailConnect.connect({
      timeoutMs: 300,
      onAuthUrl: (u) => (authUrl = u),
    })
    expect(result).toMatchObject({ ok: false, reason: 'timeout' })
    const port = Number(new URL(new URL(authUrl).searchParams.get('redirect_uri')!).port)
    expect(await portRefuses(port)).toBe(true)
    await expectNothingWritten(core)
  })

  it('cancelled: cancel() while waiting for the browser', async () => {
    const core = kit.core()
    const pending = core.gmailConnect.connect({
      timeoutMs: 10_000,
      onAuthUrl: () => setTimeout(() => core.gmailConnect.cancel(), 20),
    })
    await expect(pending).resolves.toMatchObject({ ok: false, reason: 'cancelled' })
    expect(core.gmailConnect.cancel()).toBe(false)
    await expectNothingWritten(core)
  })

  it('token_http: the token endpoint cannot be reached', async () => {
    const port = await closedPort()
    const core = kit.core({
      env: kit.env({
        REPLYBASE_GOOGLE_TOKEN_URL: `http://127.0.0.1:${port}/token`,
      }),
    })
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: false, reason: 'token_http' })
    await expectNothingWritten(core)
  })

  it('token_failed: Google refuses the client (wrong secret), with its error text', async () => {
    const core = kit.core({
      env: kit.env({
        REPLYBASE_GOOGLE_CLIENT_SECRET: 'GOCSPX-wrongSecretValue000',
      }),
    })
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: false, reason: 'token_failed' })
    if (!result.ok) {
      expect(result.message).toContain('invalid_client')
      expect(result.message).not.toContain('wrongSecretValue')
    }
    await expectNothingWritten(core)
  })

  it('missing_access_token: a 200 token answer without access_token', async () => {
    const stub = http.createServer((req, res) => {
      req.resume()
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ token_type: 'Bearer', expires_in: 3599, scope: GMAIL_READONLY_SCOPE }),
      )
    })
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r))
    const { port } = stub.address() as { port: number }
    try {
      const core = kit.core({
        env: kit.env({
          REPLYBASE_GOOGLE_TOKEN_URL: `http://127.0.0.1:${port}/token`,
        }),
      })
      const { result } = await connectVia(core)
      expect(result).toMatchObject({ ok: false, reason: 'missing_access_token' })
      await expectNothingWritten(core)
    } finally {
      await new Promise((r) => stub.close(r))
    }
  })

  it('scope_denied: the user unticked Gmail on the consent screen', async () => {
    const core = kit.core()
    kit.fake.setNextAuth({ mode: 'approve', grantedScopes: [] })
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: false, reason: 'scope_denied' })
    await expectNothingWritten(core)
  })

  it('profile_failed: Gmail refuses the profile call', async () => {
    const core = kit.core()
    kit.fake.setFaults({ domainPolicy: true })
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: false, reason: 'profile_failed' })
    if (!result.ok) expect(result.message).toContain('403')
    await expectNothingWritten(core)
  })

  it('a passing 5xx on the profile and send-as calls is retried, and the account connects', async () => {
    const core = kit.core()
    kit.fake.setFaults({ failNextCalls: 2 })
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: true, account: { email: MAILBOX } })
    expect(kit.fake.stats().faultsInjected).toBeGreaterThanOrEqual(2)
  })

  it('persist_failed: the account row cannot be written; the keychain is put back', async () => {
    const core = kit.core()
    core.dbh.sqlite.exec(
      "CREATE TRIGGER test_block_insert BEFORE INSERT ON accounts BEGIN SELECT RAISE(ABORT, 'blocked by test'); END",
    )
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: false, reason: 'persist_failed' })
    await expectNothingWritten(core)
  })

  it('persist_failed on reconnect restores the previous token set', async () => {
    const core = kit.core()
    expect((await connectVia(core)).result.ok).toBe(true)
    const before = await kit.keychainEntry(MAILBOX)
    core.dbh.sqlite.exec(
      "CREATE TRIGGER test_block_update BEFORE UPDATE ON accounts BEGIN SELECT RAISE(ABORT, 'blocked by test'); END",
    )
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: false, reason: 'persist_failed' })
    expect(await kit.keychainEntry(MAILBOX)).toBe(before)
  })

  it('keychain_unavailable: no keychain answers (checked before the browser opens)', async () => {
    const broken: KeychainBackend = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('no keychain')),
      deletePassword: () => Promise.reject(new Error('no keychain')),
    }
    const core = kit.core({ keychain: broken })
    let opened = false
    const result = await core.gmailConnect.connect({ openBrowser: () => void (opened = true) })
    expect(result).toMatchObject({ ok: false, reason: 'keychain_unavailable' })
    expect(opened).toBe(false)
    expect(accountRows(core)).toBe(0)
  })

  it('keychain_unavailable: the keychain fails at the write; no account row', async () => {
    const flaky: KeychainBackend = {
      ...keytarBackend,
      setPassword: () => Promise.reject(new Error('The user cancelled the keyring prompt')),
    }
    const core = kit.core({ keychain: flaky })
    const { result } = await connectVia(core)
    expect(result).toMatchObject({ ok: false, reason: 'keychain_unavailable' })
    await expectNothingWritten(core)
  })
})
