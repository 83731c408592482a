// The tray icon and its menu. All decisions (state, labels, enabled items) come from
// core/background/background-state.ts; this file only hands them to Electron.
import { Menu, Tray, nativeImage, type NativeImage } from 'electron'
import {
  trayMenu,
  trayState,
  trayTooltip,
  type BackgroundFacts,
  type TrayCommand,
  type TrayState,
} from '../core/background/background-state'
import type { UiLanguage } from '../core/background/background-texts'
import { trayIconPng } from '../core/background/tray-icon'

export interface TrayController {
  update(facts: BackgroundFacts, language: UiLanguage): void
  destroy(): void
}

function icon(state: TrayState): NativeImage {
  // Linux panels draw tray icons at 22–24 px; macOS and Windows at 16 (32 on HiDPI).
  const base = process.platform === 'linux' ? 24 : 16
  const image = nativeImage.createEmpty()
  image.addRepresentation({ scaleFactor: 1, buffer: trayIconPng(state, base) })
  image.addRepresentation({ scaleFactor: 2, buffer: trayIconPng(state, base * 2) })
  return image
}

/** Creates the tray, or returns null where the desktop has none (then closing quits). */
export function createTray(run: (command: TrayCommand) => void): TrayController | null {
  let tray: Tray
  try {
    tray = new Tray(icon('idle'))
  } catch {
    return null
  }
  const icons = new Map<TrayState, NativeImage>()
  let shown: TrayState | null = null
  // A click on the icon opens the window (Windows, most Linux panels); the menu does the rest.
  tray.on('click', () => run('open'))
  return {
    update(facts, language) {
      const state = trayState(facts)
      if (state !== shown) {
        if (!icons.has(state)) icons.set(state, icon(state))
        tray.setImage(icons.get(state)!)
        shown = state
      }
      tray.setToolTip(trayTooltip(facts, language))
      tray.setContextMenu(
        Menu.buildFromTemplate(
          trayMenu(facts, language).flatMap((item) => [
            ...(item.id === 'quit' ? [{ type: 'separator' as const }] : []),
            { label: item.label, enabled: item.enabled, click: () => run(item.id) },
          ]),
        ),
      )
    },
    destroy: () => tray.destroy(),
  }
}
