// Secrets live in the keychain and nowhere else. Every token the fake Google issues carries a
// marker; the OpenAI key and the Google client secret are canaries too. After the connect,
// sync, token refresh, revocation and AI flows (through the dispatcher, as the renderer calls
// them, and through the CLI), every other place a secret could leak is searched for them while
// the database is still open: the database with its WAL and SHM files, backups, logs, every API
// result and event, and the CLI's output. The keychain itself is the positive control.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMailbox } from '../fakes/mailbox-generator'
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/fake-openai'
import { startSyncKit, type SyncKit } from '../helpers/gmail-account'
import { runCli } from '../helpers/cli'
import { encodingsOf } from '../helpers/temp'
import { followAuthUrl } from '../helpers/connect-test-kit'
import { apiCalls } from '../helpers/api-calls'
import { buildHandlers } from '../../src-main/api/handlers'
import { createDispatcher, type Dispatch } from '../../src-main/api/dispatcher'
import type { Core } from '../../src-main/core/core'
import { keytarBackend } from '../../src-main/core/secrets/keytar-backend'

const OWN = 'support@acme.example'
const MARKER = 'CANARYTOK'
const CLIENT_SECRET = `GOCSPX-CANARYclient${'5'.repeat(20)}`
const OPENAI_KEY = `sk-CANARYopenai${'8'.repeat(32)}`
const WRONG_OPENAI_KEY = `sk-CANARYwrong${'2'.repeat(32)}`

let kit: SyncKit
let openai: FakeOpenAI
let core: Core
let dispatch: Dispatch
const transcript: string[] = []

beforeAll(async () => {
  kit = await startSyncKit({
    email: OWN,
    fake: {
      tokenMarker: MARKER,
      clients: [
        { clientId: 'canary-client.apps.googleusercontent.com', clientSecret: CLIENT_SECRET },
      ],
    },
    // The client comes from Settings: id in the database, secret in the keychain.
    env: { REPLYBASE_GOOGLE_CLIENT_ID: '', REPLYBASE_GOOGLE_CLIENT_SECRET: '' },
  })
  kit.fake.addMessages(OWN, generateMailbox({ seed: 11, messages: 80, ownAddress: OWN, days: 60 }))
  openai = await startFakeOpenAI({ keys: [OPENAI_KEY] })
  core = kit.core({ REPLYBASE_OPENAI_BASE_URL: openai.baseUrl })
  core.events.subscribe((name, payload) => transcript.push(JSON.stringify({ name, payload })))
  const inner = createDispatcher(
    buildHandlers(core, { openExternal: (url) => void followAuthUrl(url).catch(() => undefined) }),
  )
  dispatch = async (method, input) => {
    const result = await inner(method, input)
    transcript.push(JSON.stringify({ method, result }))
    return result
  }
})

afterAll(async () => {
  await openai?.close()
  await kit?.dispose()
})

const { value: ok } = apiCalls(() => dispatch)

describe('secrets never leave the keychain', () => {
  it('runs every flow that touches a secret', async () => {
    await ok('settings.update', {
      googleClientId: 'canary-client.apps.googleusercontent.com',
      googleClientSecret: CLIENT_SECRET,
    })
    kit.fake.setNextAuth({ mode: 'approve', account: OWN })
    expect(await ok('gmail.connect')).toMatchObject({ ok: true, account: { email: OWN } })
    const [first] = (await ok('sync.now', {})) as Array<{ status: string }>
    expect(first?.status).toBe('ok')

    // An expired access token is refreshed (a new token, also marked) and saved.
    kit.fake.expireTokens()
    kit.fake.addMessages(OWN, generateMailbox({ seed: 12, messages: 10, ownAddress: OWN, days: 5 }))
    const [second] = (await ok('sync.now', {})) as Array<{ status: string }>
    expect(second?.status).toBe('ok')

    await ok('ai.saveOpenAI', { apiKey: WRONG_OPENAI_KEY, model: 'gpt-4.1-mini' })
    expect(await ok('ai.testOpenAI')).toMatchObject({ ok: false, code: 'bad_key' })
    await ok('ai.saveOpenAI', { apiKey: OPENAI_KEY })
    expect(await ok('ai.testOpenAI')).toMatchObject({ ok: true })
    await ok('ai.listModels')
    // Drafts send text to the provider only once AI features are on, and draw on approved pairs.
    await ok('settings.update', { aiEnabled: true })
    const { records } = (await ok('pairs.records', { limit: 50 })) as {
      records: Array<{ id: number; clientText: string }>
    }
    expect(records.length).toBeGreaterThan(0)
    await ok('pairs.setStatus', { ids: records.map((r) => r.id), status: 'approved' })
    await ok('ai.draft', { text: records[0]!.clientText })

    // The CLI reads the same keychain entries and writes the same logs.
    for (const args of [
      ['status', '--json'],
      ['accounts', '--json'],
      ['sync', '--json'],
    ]) {
      const r = await runCli(args, { ...kit.env, REPLYBASE_OPENAI_BASE_URL: openai.baseUrl })
      transcript.push(r.stdout, r.stderr)
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0)
    }
    const cliTest = await runCli(['settings', 'openai', '--test', '--json'], {
      ...kit.env,
      REPLYBASE_OPENAI_BASE_URL: openai.baseUrl,
    })
    transcript.push(cliTest.stdout, cliTest.stderr)

    // Google revokes the grant: the account turns error, and the failure reaches every sink.
    kit.fake.revokeAll(OWN)
    kit.fake.expireTokens()
    const [revoked] = (await ok('sync.now', {})) as Array<{ status: string }>
    expect(revoked?.status).toBe('failed')
    expect(await ok('accounts.list')).toMatchObject([
      { status: 'error', statusReason: 'token_revoked' },
    ])
  })

  it('finds every secret in the OS keychain (positive control)', async () => {
    const tokens = JSON.parse((await keytarBackend.getPassword(kit.service, `gmail-token:${OWN}`))!)
    expect(JSON.stringify(tokens)).toContain(MARKER)
    const openai = JSON.parse((await keytarBackend.getPassword(kit.service, 'openai-api-key'))!)
    expect(openai).toMatchObject({ key: OPENAI_KEY })
    expect(await keytarBackend.getPassword(kit.service, 'google-client-secret')).toBe(CLIENT_SECRET)
  })

  it('leaves no secret in the database, WAL, backups, logs, API results, events or CLI output', async () => {
    const tokens = JSON.parse(
      (await keytarBackend.getPassword(kit.service, `gmail-token:${OWN}`))!,
    ) as Record<string, unknown>
    const exact = [
      OPENAI_KEY,
      WRONG_OPENAI_KEY,
      CLIENT_SECRET,
      ...Object.values(tokens).filter(
        (v): v is string => typeof v === 'string' && v.includes(MARKER),
      ),
    ]
    expect(exact.length).toBeGreaterThanOrEqual(4)
    const needles = [
      ...exact.flatMap((s) => encodingsOf(s)),
      // Every token and code the fake ever issued carries the marker, old access tokens too.
      Buffer.from(MARKER, 'utf8'),
      Buffer.from(MARKER, 'utf16le'),
      Buffer.from('CANARYopenai'),
      Buffer.from('CANARYwrong'),
      Buffer.from('CANARYclient'),
    ]
    const files: string[] = []
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(p)
        else files.push(p)
      }
    }
    walk(kit.dataDir) // replybase.db, -wal, -shm, backups, logs/
    expect(files.some((f) => f.endsWith('replybase.db-wal'))).toBe(true)
    expect(files.some((f) => f.endsWith('replybase.log'))).toBe(true)
    const sinks: Array<[string, Buffer]> = [
      ...files.map((f): [string, Buffer] => [path.relative(kit.dataDir, f), fs.readFileSync(f)]),
      ['API results, events and CLI output', Buffer.from(transcript.join('\n'))],
    ]
    for (const [name, bytes] of sinks) {
      for (const needle of needles) {
        expect(
          bytes.includes(needle),
          `${name} contains ${needle.toString('latin1').slice(0, 24)}…`,
        ).toBe(false)
      }
    }
  })
})
