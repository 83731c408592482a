// The whole preload: one object with two named functions. No ipcRenderer, no process.env,
// no Node APIs reach the page (the electron-toolkit preload exposes all three).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../src-main/app/ipc-channels'
import type {
  ApiResult,
  AppEventName,
  AppEvents,
  MethodInput,
  MethodName,
  MethodOutput,
} from '@contract'

export interface ReplyBaseBridge {
  invoke<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<ApiResult<MethodOutput<M>>>
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void
}

const api: ReplyBaseBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  on(event, listener) {
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as AppEvents[typeof event])
    }
    ipcRenderer.on(EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler)
    }
  },
}

contextBridge.exposeInMainWorld('replybase', api)
