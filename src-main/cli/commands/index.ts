import type { CliCommand } from '../cli-types'
import { statusCommand } from './status'
import { connectCommand } from './connect'
import { accountsCommand } from './accounts'
import { disconnectCommand } from './disconnect'
import { syncCommand } from './sync'
import { messagesCommand } from './messages'
import { pairsCommand } from './pairs'
import { exportCommand } from './export'
import { settingsCommand } from './settings-openai'
import { draftCommand, similarCommand } from './kb'
import { kbCommand } from './kb-index'

export const commands: CliCommand[] = [
  statusCommand,
  connectCommand,
  accountsCommand,
  disconnectCommand,
  syncCommand,
  messagesCommand,
  pairsCommand,
  exportCommand,
  settingsCommand,
  similarCommand,
  draftCommand,
  kbCommand,
]
