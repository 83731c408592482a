// What the benchmarks share: the fake Google server in a child process (its CPU is not the
// measured process's), its control API, the environment that points ReplyBase at it, and how
// timings are summed up.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')

export interface FakeInfo {
  baseUrl: string
  authUrl: string
  tokenUrl: string
  revokeUrl: string
  apiRoot: string
  controlUrl: string
  clientId: string
  clientSecret: string
}

export async function startFake(): Promise<{ child: ChildProcess; info: FakeInfo }> {
  const child = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      path.join(ROOT, 'tests', 'fakes', 'run-fake-google.ts'),
      '--messages',
      '0',
      '--email',
      'unused@acme.example',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const info = await new Promise<FakeInfo>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8')
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) resolve(JSON.parse(line) as FakeInfo)
    })
    child.once('exit', (code) => reject(new Error(`fake Google exited with ${code}`)))
  })
  return { child, info }
}

export async function control<T = unknown>(info: FakeInfo, op: string, body: unknown): Promise<T> {
  const res = await fetch(`${info.controlUrl}/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`control ${op}: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** The p-th percentile of `xs` (nearest rank). */
export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
/** "p50 … ms, p95 … ms" of timings in milliseconds. */
export const fmt = (xs: number[]): string =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`

export function envFor(info: FakeInfo, dataDir: string, unitsPerSecond: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    REPLYBASE_KEYCHAIN_SERVICE: 'ReplyBase-bench',
    REPLYBASE_GOOGLE_CLIENT_ID: info.clientId,
    REPLYBASE_GOOGLE_CLIENT_SECRET: info.clientSecret,
    REPLYBASE_GOOGLE_AUTH_URL: info.authUrl,
    REPLYBASE_GOOGLE_TOKEN_URL: info.tokenUrl,
    REPLYBASE_GOOGLE_REVOKE_URL: info.revokeUrl,
    REPLYBASE_GMAIL_API_URL: info.apiRoot,
    REPLYBASE_GMAIL_UNITS_PER_SECOND: String(unitsPerSecond),
    REPLYBASE_DATA_DIR: dataDir,
  }
}
