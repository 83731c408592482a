// Token lifecycle through the real clients: refresh (60 s margin and on 401) persists the new
// token set; a revoked grant turns the account error/token_revoked; reconnect restores it.
import { afterEach, describe, expect, it } from 'vitest'
import { isAppError } from '@contract/errors'
import type { Core } from '../core'
import { followAuthUrl, MAILBOX, startKit, type Kit } from '../../../tests/helpers/connect-test-kit'
import { parseTokens } from './token-store'

let kit: Kit | null = null
afterEach(async () => {
  await kit?.dispose()
  kit = null
})

async function connected(k: Kit): Promise<{ core: Core; id: number }> {
  const core = k.core()
  const result = await core.gmailConnect.connect({ openBrowser: (u) => void followAuthUrl(u) })
  if (!result.ok) throw new Error(`connect failed: ${result.reason}`)
  return { core, id: result.account.id }
}

async function stored(k: Kit) {
  return parseTokens((await k.keychainEntry(MAILBOX))!)!
}

describe('gmail client for an account', () => {
  it('uses the stored token against the configured API root, with gaxios retry off', async () => {
    kit = await startKit()
    const { core, id } = await connected(kit)
    const gmail = (await core.gmail.getAccountClient(id)).gmail
    const profile = await gmail.users.getProfile({ userId: 'me' })
    expect(profile.data.emailAddress).toBe(MAILBOX)
    // One 503 is returned to the caller as is: the sync engine owns retries.
    kit.fake.setFaults({ errorRate: 1 })
    const before = kit.fake.stats().byEndpoint
    await expect(gmail.users.getProfile({ userId: 'me' })).rejects.toMatchObject({
      status: expect.any(Number),
    })
    const after = kit.fake.stats().byEndpoint
    const calls = (s: Record<string, number>) =>
      Object.entries(s)
        .filter(([k]) => k.includes('rofile'))
        .reduce((n, [, v]) => n + v, 0)
    expect(calls(after) - calls(before)).toBe(1)
  })

  it('does not refresh on a 403 (a permission or rate answer, not a stale token)', async () => {
    kit = await startKit()
    const { core, id } = await connected(kit)
    const gmail = (await core.gmail.getAccountClient(id)).gmail
    const tokenCalls = () => kit!.fake.stats().byEndpoint['oauth.token'] ?? 0
    const before = tokenCalls()
    kit.fake.setFaults({ domainPolicy: true })
    await expect(gmail.users.getProfile({ userId: 'me' })).rejects.toMatchObject({ status: 403 })
    expect(tokenCalls()).toBe(before)
  })

  it('refreshes within the 60 s margin and persists the new access token, keeping the refresh token', async () => {
    // Tokens that live 30 s are always inside the margin: every use refreshes first.
    kit = await startKit({ accessTokenTtlSec: 30 })
    const { core, id } = await connected(kit)
    const before = await stored(kit)
    const gmail = (await core.gmail.getAccountClient(id)).gmail
    await gmail.users.getProfile({ userId: 'me' })
    const after = await stored(kit)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.refreshToken).toBe(before.refreshToken)
    expect(after.expiryDate).toBeGreaterThan(Date.now())
    expect(core.accounts.get(id).status).toBe('active')
  })

  it('refreshes once when Google rejects an access token before its expiry (401)', async () => {
    kit = await startKit()
    const { core, id } = await connected(kit)
    const before = await stored(kit)
    const gmail = (await core.gmail.getAccountClient(id)).gmail
    kit.fake.expireTokens()
    const profile = await gmail.users.getProfile({ userId: 'me' })
    expect(profile.data.emailAddress).toBe(MAILBOX)
    const after = await stored(kit)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.refreshToken).toBe(before.refreshToken)
  })

  it('invalid_grant turns the account error/token_revoked; reconnect restores active and keeps its data', async () => {
    kit = await startKit()
    const { core, id } = await connected(kit)
    core.dbh.sqlite
      .prepare(
        "INSERT INTO messages (account_id, external_id, thread_id, direction, sent_at) VALUES (?, 'm1', 't1', 'incoming', '2026-01-01T00:00:00Z')",
      )
      .run(id)
    const changes: unknown[] = []
    core.events.subscribe((e, p) => e === 'accounts.changed' && changes.push(p))
    kit.fake.revokeAll(MAILBOX)
    const gmail = (await core.gmail.getAccountClient(id)).gmail
    const err = await gmail.users.getProfile({ userId: 'me' }).catch((e: unknown) => e)
    expect(isAppError(err) && err.code).toBe('token_revoked')
    expect(core.accounts.get(id)).toMatchObject({ status: 'error', statusReason: 'token_revoked' })
    expect(changes).toEqual([{ accountId: id }])

    const again = await core.gmailConnect.connect({ openBrowser: (u) => void followAuthUrl(u) })
    expect(again).toMatchObject({ ok: true, account: { id, status: 'active', statusReason: null } })
    const n = core.dbh.sqlite
      .prepare('SELECT count(*) AS n FROM messages WHERE account_id = ?')
      .get(id) as { n: number }
    expect(n.n).toBe(1)
    const fresh = (await core.gmail.getAccountClient(id)).gmail
    expect((await fresh.users.getProfile({ userId: 'me' })).data.emailAddress).toBe(MAILBOX)
  })

  it('an account without stored authorization is not_connected', async () => {
    kit = await startKit()
    const { core, id } = await connected(kit)
    await core.accounts.disconnect(id, false)
    await expect(core.gmail.getAccountClient(id)).rejects.toMatchObject({ code: 'not_connected' })
    await expect(core.gmail.getAccountClient(9999)).rejects.toMatchObject({ code: 'not_found' })
  })
})
