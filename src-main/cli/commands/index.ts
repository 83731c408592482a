import type { CliCommand } from '../cli-types'
import { statusCommand } from './status'
import { connectCommand } from './connect'
import { accountsCommand } from './accounts'
import { disconnectCommand } from './disconnect'

export const commands: CliCommand[] = [
  statusCommand,
  connectCommand,
  accountsCommand,
  disconnectCommand,
]
