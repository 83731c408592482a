// The runnable fake in a subprocess, driven only over HTTP: control API and real clients.

import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { gmail } from '@googleapis/gmail'
import type { gmail_v1 } from '@googleapis/gmail'
import { CodeChallengeMethod, OAuth2Client, gaxios } from 'google-auth-library'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GMAIL_READONLY } from './fake-google'

interface Printed {
  baseUrl: string
  authUrl: string
  tokenUrl: string
  revokeUrl: string
  apiRoot: string
  controlUrl: string
  clientId: string
  clientSecret: string
  email: string
  messages: number
}

let child: ChildProcess
let info: Printed

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'tests/fakes/run-fake-google.ts',
      '--messages',
      '60',
      '--seed',
      '4',
    ],
    {
      cwd: `${__dirname}/../..`,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const [first] = (await once(lines, 'line')) as [string]
  info = JSON.parse(first) as Printed
}, 30_000)

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
})

async function control(op: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${info.controlUrl}/${op}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: await res.json() }
}

async function connect(): Promise<gmail_v1.Gmail> {
  const auth = new OAuth2Client({
    clientId: info.clientId,
    clientSecret: info.clientSecret,
    redirectUri: 'http://127.0.0.1:40000/cb',
    endpoints: {
      oauth2AuthBaseUrl: info.authUrl,
      oauth2TokenUrl: info.tokenUrl,
      oauth2RevokeUrl: info.revokeUrl,
    },
  })
  const { codeVerifier, codeChallenge } = await auth.generateCodeVerifierAsync()
  const url = auth.generateAuthUrl({
    access_type: 'offline',
    scope: [GMAIL_READONLY],
    state: 'st',
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  })
  const res = await fetch(url, { redirect: 'manual' })
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? ''
  const { tokens } = await auth.getToken({ code, codeVerifier })
  auth.setCredentials(tokens)
  // Same type bridge as connect.ts: @googleapis/gmail types auth against its own pinned copy.
  return gmail({
    version: 'v1',
    auth: auth as unknown as gmail_v1.Options['auth'],
    rootUrl: info.apiRoot,
    retry: false,
  })
}

describe('run-fake-google.ts', () => {
  it('prints its URLs and serves the generated mailbox', async () => {
    expect(info.apiRoot).toBe(`${info.baseUrl}/`)
    const api = await connect()
    const profile = await api.users.getProfile({ userId: 'me' })
    expect(profile.data).toMatchObject({ emailAddress: info.email, messagesTotal: 60 })
  })

  it('is driven over HTTP: generate, add, faults, stats', async () => {
    const gen = await control('generate', { email: 'second@acme.example', messages: 25, seed: 2 })
    expect((gen.json as { ids: string[] }).ids).toHaveLength(25)
    const raw = Buffer.from('From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n').toString('base64')
    const added = await control('addMessage', {
      email: info.email,
      rawBase64: raw,
      labelIds: ['INBOX'],
    })
    const id = (added.json as { id: string }).id
    const ids = await control('messageIds', { email: info.email })
    expect((ids.json as { ids: string[] }).ids[0]).toBe(id)
    expect((await control('setFaults', { errorRate: 1 })).status).toBe(200)
    const api = await connect()
    const err = await api.users.getProfile({ userId: 'me' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(gaxios.GaxiosError)
    await control('setFaults', { errorRate: null })
    const stats = (await control('stats')).json as {
      byEndpointStatus: Record<string, Record<string, number>>
    }
    const profileStatuses = Object.keys(stats.byEndpointStatus['getProfile'] ?? {})
    expect(profileStatuses.some((s) => s === '500' || s === '503')).toBe(true)
    expect((await control('nope', {})).status).toBe(404)
    expect((await control('deleteMessage', { email: 5 })).status).toBe(400)
  })

  it('goes offline over HTTP and comes back after offlineForMs', async () => {
    expect((await control('setFaults', { offline: 'refuse', offlineForMs: 300 })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 50))
    const down = await fetch(`${info.controlUrl}/stats`).catch((e: unknown) => e)
    expect(down).toBeInstanceOf(Error)
    // Back on its own after ~300 ms; a busy machine may take longer to listen again.
    let back: number | null = null
    for (let i = 0; i < 50 && back === null; i++) {
      await new Promise((r) => setTimeout(r, 100))
      back = await control('stats').then(
        (r) => r.status,
        () => null,
      )
    }
    expect(back).toBe(200)
  })

  it('exits cleanly on SIGTERM', async () => {
    expect(child.exitCode).toBeNull()
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const [code] = (await exited) as [number | null]
    expect(code).toBe(0)
  })
})
