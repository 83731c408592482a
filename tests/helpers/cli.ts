import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { repoRoot } from './temp'

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** The built command line (`npm run build`; scripts/test.sh builds before the tests). */
export const CLI_BUNDLE = path.join(repoRoot(), 'out', 'main', 'cli.js')

/** Starts the real CLI as a child process, exactly as `npm run cli -- <args>` does. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`)
  return spawn(process.execPath, [CLI_BUNDLE, ...args], {
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
