// The command line calls the app's own dispatcher: input checked by the same zod schemas,
// failures with the same codes and words, results in the same shape as the window gets.
import { createDispatcher } from '../api/dispatcher'
import { buildHandlers } from '../api/handlers'
import { AppError } from '@contract/errors'
import type { Core } from '../core/core'
import { openInSystemBrowser } from '../core/google/system-browser'
import type { CliContext } from './cli-types'

export function createCliContext(core: Core): CliContext {
  const dispatch = createDispatcher(buildHandlers(core, { openExternal: openInSystemBrowser }))
  return {
    async call(method, input) {
      const result = await dispatch(method, input)
      if (!result.ok) throw new AppError(result.error.code, result.error.message)
      return result.value as never
    },
    on(event, listener) {
      return core.events.subscribe((name, payload) => {
        if ((name as string) === event) listener(payload as never)
      })
    },
  }
}
