import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { repoRoot } from './temp'

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

const TSX = path.join(repoRoot(), 'node_modules', '.bin', 'tsx')
const MAIN = path.join(repoRoot(), 'src-main', 'cli', 'main.ts')

/** Starts the real CLI as a child process, exactly as `npm run cli -- <args>` does. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(TSX, [MAIN, ...args], {
    cwd: repoRoot(),
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (c) => (stdout += c))
    child.stderr!.on('data', (c) => (stderr += c))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin!.end(stdin)
  })
}
