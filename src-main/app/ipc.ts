// Electron IPC adapter around the shared dispatcher: the only code between ipcMain and the
// core. Calls from anything but the app's own top frame, on the app's exact origin, are refused.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Dispatch } from '../api/dispatcher'
import { isAppOrigin } from '../core/security/sender-origin'
import type { EventBus } from '../core/event-bus'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels'

export function serveIpc(
  dispatch: Dispatch,
  events: EventBus,
  getWindow: () => BrowserWindow | null,
  appOrigin: string,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame
    const win = getWindow()
    if (
      !frame ||
      frame.parent !== null ||
      !win ||
      event.sender !== win.webContents ||
      !isAppOrigin(frame.url, appOrigin)
    ) {
      return { ok: false, error: { code: 'forbidden', message: 'Call from an unexpected sender.' } }
    }
    return dispatch(method, input)
  })
  const unsubscribe = events.subscribe((name, payload) => {
    getWindow()?.webContents.send(EVENT_CHANNEL, name, payload)
  })
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    unsubscribe()
  }
}
