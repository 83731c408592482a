// The CLI as a child process against the fake Google: connect prints the URL alone on a
// stdout line, a "browser" follows it, the CLI prints the address; failures exit non-zero
// with their reason code; accounts and disconnect work on the same data folder and keychain.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountDto } from '@contract/accounts'
import { CLI_BUNDLE } from '../../../tests/helpers/cli'
import {
  followAuthUrl,
  MAILBOX,
  portRefuses,
  startKit,
  type HttpAnswer,
  type Kit,
} from '../../../tests/helpers/connect-test-kit'

const ROOT = path.resolve(__dirname, '..', '..', '..')

let kit: Kit
let env: NodeJS.ProcessEnv
beforeAll(async () => {
  kit = await startKit()
  env = {
    ...process.env,
    ...kit.env(),
    REPLYBASE_DATA_DIR: kit.newDataDir(),
  }
})
afterAll(async () => {
  await kit.dispose()
})

interface Run {
  code: number | null
  stdout: string[]
  stderr: string
  page: HttpAnswer | null
}

/** Runs the CLI; when it prints a URL on stdout, follows it like a browser (if asked to). */
function cli(args: string[], options: { follow?: boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let stderr = ''
    let page: Promise<HttpAnswer> | null = null
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8')
      const first = out.split('\n')
      if (options.follow && !page && first.length > 1 && first[0]!.startsWith('http'))
        page = followAuthUrl(first[0]!)
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => {
      void Promise.resolve(page).then((p) =>
        resolve({ code, stdout: out.split('\n').filter(Boolean), stderr, page: p ?? null }),
      )
    })
  })
}

describe('replybase CLI: connect, accounts, disconnect', () => {
  it('connect gmail --no-browser completes when the printed URL is followed', async () => {
    const run = await cli(['connect', 'gmail', '--no-browser'], { follow: true })
    expect(run.stderr).not.toMatch(/error/)
    expect(run.code).toBe(0)
    expect(run.stdout).toHaveLength(2)
    const url = new URL(run.stdout[0]!)
    expect(url.origin + url.pathname).toBe(kit.fake.authUrl)
    expect(run.stdout[1]).toBe(MAILBOX)
    expect(run.stderr).toMatch(
      new RegExp(`^Connected ${MAILBOX.replace('.', '\\.')} \\(account \\d+\\)\\.$`, 'm'),
    )
    expect(run.page?.status).toBe(200)
    expect(await kit.keychainEntry(MAILBOX)).toMatch(/"at":"ya29\./)
    // Nothing secret on the CLI's own output.
    expect(run.stderr + run.stdout.join('\n')).not.toMatch(/ya29\.|1\/\/|GOCSPX-/)

    const list = await cli(['accounts', '--json'])
    expect(list.code).toBe(0)
    const accounts = JSON.parse(list.stdout.join('\n')) as AccountDto[]
    expect(accounts).toMatchObject([{ email: MAILBOX, status: 'active', statusReason: null }])
  }, 60_000)

  it('exits non-zero with the reason code when access is denied', async () => {
    kit.fake.setNextAuth({ mode: 'deny' })
    const run = await cli(['connect', 'gmail', '--no-browser'], { follow: true })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error: access_denied: /m)
    expect(run.stdout).toHaveLength(1)
    expect(run.page?.status).toBe(400)
  }, 60_000)

  it('exits non-zero with timeout when nobody follows the URL, and the port is closed', async () => {
    const run = await cli(['connect', 'gmail', '--no-browser', '--timeout', '1'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error: timeout: /m)
    const redirect = new URL(new URL(run.stdout[0]!).searchParams.get('redirect_uri')!)
    expect(await portRefuses(Number(redirect.port))).toBe(true)
  }, 60_000)

  it('accounts disable|resync and disconnect --purge by address or id', async () => {
    const disabled = await cli(['accounts', 'disable', MAILBOX.toUpperCase(), '--json'])
    expect(disabled.code).toBe(0)
    const acc = JSON.parse(disabled.stdout.join('\n')) as AccountDto
    expect(acc.status).toBe('disabled')
    const resync = await cli(['accounts', 'resync', String(acc.id)])
    expect(resync.code).toBe(0)
    expect(resync.stdout.join('\n')).toContain('full rescan requested')
    const gone = await cli(['disconnect', MAILBOX, '--purge'])
    expect(gone.code).toBe(0)
    expect(gone.stdout.join('\n')).toContain(`Disconnected ${MAILBOX}`)
    expect(await kit.keychainEntry(MAILBOX)).toBeNull()
    const list = await cli(['accounts', '--json'])
    expect(JSON.parse(list.stdout.join('\n'))).toEqual([])
  }, 60_000)

  it('usage errors exit 2; unknown accounts exit 1 with not_found', async () => {
    const bad = await cli(['connect', 'outlook'])
    expect(bad.code).toBe(2)
    const missing = await cli(['disconnect', 'nobody@example.com'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^error: not_found: /m)
  }, 60_000)
})
