import type { Core } from '../core/core'

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

export interface CliCommand {
  name: string
  usage: string
  summary: string
  run(args: string[], core: Core, io: CliIo): Promise<number>
}

export class CliUsageError extends Error {}
