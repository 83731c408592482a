// The API as the renderer and the CLI reach it, for tests and benchmarks: the dispatcher over a
// core's handlers, and the two ways a test calls it (the result as is, or the value of a success).
import type { ApiResult } from '@contract'
import { buildHandlers } from '../../src-main/api/handlers'
import { createDispatcher, type Dispatch } from '../../src-main/api/dispatcher'
import type { Core } from '../../src-main/core/core'

/** The dispatcher over `core`, with no browser to open. */
export function dispatcherOf(core: Core): Dispatch {
  return createDispatcher(buildHandlers(core, { openExternal: () => undefined }))
}

export interface ApiCalls {
  call(method: string, input?: unknown): Promise<ApiResult<unknown>>
  /** The value of a success; a failure throws with its code and message. */
  value<T>(method: string, input?: unknown): Promise<T>
}

/** Calls through the dispatcher `dispatch()` returns at call time (tests assign it in beforeAll);
 * `seen` gets every result, for tests that search them afterwards. */
export function apiCalls(
  dispatch: () => Dispatch,
  seen: (result: ApiResult<unknown>) => void = () => undefined,
): ApiCalls {
  const call = async (method: string, input: unknown = {}): Promise<ApiResult<unknown>> => {
    const r = await dispatch()(method, input)
    seen(r)
    return r
  }
  return {
    call,
    async value<T>(method: string, input: unknown = {}): Promise<T> {
      const r = await call(method, input)
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`)
      return r.value as T
    },
  }
}
