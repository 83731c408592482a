import type { Core } from '../../core/core'
import type { HandlerMap } from './types'
import { appHandlers } from './app'
import { settingsHandlers } from './settings'
import { accountsHandlers } from './accounts'
import { pairsHandlers } from './pairs'
import { aiHandlers } from './ai'
import { syncHandlers } from './sync'
import { messagesHandlers } from './messages'
import { exportHandlers } from './export'
import { kbHandlers } from './kb'
import { pairTextsHandlers } from './pair-texts'
import { pairThreadHandlers } from './pair-thread'

export interface PlatformHooks {
  /** Opens an already vetted URL in the user's browser or mail program. */
  openExternal(url: string): Promise<void> | void
  /** Asks where to save an export (the system save dialog); null when the person cancels.
   * Absent where there is no dialog: the CLI names the file itself. */
  chooseExportFile?(suggestedName: string): Promise<string | null>
  /** Shows a file ReplyBase wrote in the file manager. */
  showItemInFolder?(filePath: string): void
}

export function buildHandlers(core: Core, platform: PlatformHooks): HandlerMap {
  return {
    ...appHandlers(platform.openExternal)(core),
    ...settingsHandlers(core),
    ...accountsHandlers(platform.openExternal)(core),
    ...pairsHandlers(core),
    ...aiHandlers(core),
    ...syncHandlers(core),
    ...messagesHandlers(core),
    ...exportHandlers(platform)(core),
    ...kbHandlers(core),
    ...pairTextsHandlers(core),
    ...pairThreadHandlers(core),
  }
}
