// Background life in the desktop app: the tray, notifications, launch at login and the sync
// scheduler. Every decision is a tested function in core/app; this file connects them to
// Electron and to the core.
import { app } from 'electron'
import type { Core } from '../core/core'
import { readSettings } from '../core/settings/settings-store'
import {
  startBackgroundMonitor,
  type BackgroundMonitor,
} from '../core/background/background-monitor'
import {
  closeAction,
  hiddenToTrayNotification,
  type TrayCommand,
} from '../core/background/background-state'
import { uiLanguage } from '../core/background/background-texts'
import { readFlag, setFlag } from '../db/queries/app-flags'
import { createLogger } from '../core/logging/logger'
import type { AppPage } from '@contract'
import { createTray, type TrayController } from './tray'
import { showNotification } from './notifications'
import { applyLaunchAtLogin } from './login-item'
import { startAutoEmbed } from '../core/ai/auto-embed'

const log = createLogger('background')

export interface ShellHooks {
  /** Shows the window, opening a page ('/accounts?reconnect=3') when it must be created. */
  showWindow(route?: { page: AppPage; reconnectAccountId?: number }): void
  quit(): void
}

export interface Background {
  /** Whether closing the window should hide it (a tray exists and the app is not quitting). */
  hideOnClose(quitting: boolean): boolean
  /** The window was hidden to the tray: say so once per installation. */
  onHidden(): void
  stop(): void
}

export function startBackground(core: Core, shell: ShellHooks): Background {
  const language = () => uiLanguage(readSettings(core.dbh).language, app.getLocale())

  const run = (command: TrayCommand): void => {
    switch (command) {
      case 'open':
        return shell.showWindow()
      case 'drafts': {
        // A window already open goes to the page; a new one opens on it.
        const route = { page: 'drafts' as const }
        shell.showWindow(route)
        core.events.emit('app.navigate', route)
        return
      }
      case 'syncNow':
        void core.sync.now({}).catch((e: unknown) => log.info({ err: e }, 'tray sync not run'))
        return
      case 'togglePause':
        core.sync.setPaused(!readSettings(core.dbh).backgroundSyncPaused)
        return
      case 'quit':
        return shell.quit()
    }
  }

  const tray: TrayController | null = createTray(run)
  const monitor: BackgroundMonitor = startBackgroundMonitor({
    events: core.events,
    listAccounts: () => core.accounts.list(),
    paused: () => readSettings(core.dbh).backgroundSyncPaused,
    language,
    onChange: (facts) => tray?.update(facts, language()),
    notify: (spec) =>
      showNotification(spec, () => {
        if (spec.action.kind === 'reconnect') {
          const route = { page: 'accounts' as const, reconnectAccountId: spec.action.accountId }
          shell.showWindow(route)
          core.events.emit('app.navigate', route)
        } else shell.showWindow()
      }),
  })

  applyLaunchAtLogin(readSettings(core.dbh).launchAtLogin)
  // The scheduler runs while the app does, window or not; core.close() stops it (cancelling
  // a running sync so its committed pages stay and the next run resumes).
  core.scheduler.start()
  // The similar-case index follows review while the app runs (the CLI never starts this).
  const stopAutoEmbed = startAutoEmbed({
    events: core.events,
    kb: core.kb,
    aiEnabled: () => readSettings(core.dbh).aiEnabled,
  })

  return {
    hideOnClose: (quitting) => closeAction({ quitting, trayAvailable: tray !== null }) === 'hide',
    onHidden() {
      if (readFlag(core.dbh, 'tray_hint_shown')) return
      setFlag(core.dbh, 'tray_hint_shown')
      showNotification(hiddenToTrayNotification(language()), () => shell.showWindow())
    },
    stop() {
      stopAutoEmbed()
      monitor.stop()
      tray?.destroy()
    },
  }
}
