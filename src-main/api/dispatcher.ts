// Every call from the renderer, whichever transport carried it, goes through dispatch():
// unknown methods and invalid input are refused before any service runs, and a failure
// comes back as { code, message } because only plain data survives the crossing.
import { contract, type ApiResult, type MethodName } from '@contract'
import type { HandlerMap } from './handlers/types'
import { toAppError, type ErrorCode } from '@contract/errors'
import { createLogger } from '../core/logging/logger'
import { scrub } from '../core/logging/redact'

const log = createLogger('api')

/** Inputs are small (ids, filters, settings); anything larger is not ours. */
export const MAX_INPUT_BYTES = 1_000_000

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>

function fail(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } }
}

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

export function createDispatcher(handlers: HandlerMap): Dispatch {
  return async (method, input) => {
    if (!isMethod(method))
      return fail('bad_request', scrub(`Unknown method: ${String(method).slice(0, 80)}`))
    let size = 0
    try {
      size = JSON.stringify(input ?? {}).length
    } catch {
      return fail('bad_request', `Input for ${method} is not plain data.`)
    }
    if (size > MAX_INPUT_BYTES) return fail('bad_request', `Input for ${method} is too large.`)
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      // Paths and rules only: the rejected values may be secrets (an API key field), and so
      // may the names of unknown fields (a key pasted where a name goes): those are counted.
      const where = parsed.error.issues
        .map((i) => {
          const at = i.path.join('.') || 'input'
          if (i.code === 'unrecognized_keys') {
            const n = i.keys.length
            return `${at}: ${n} unknown ${n === 1 ? 'field' : 'fields'}`
          }
          return `${at}: ${i.message}`
        })
        .join('; ')
      return fail('bad_request', `Invalid input for ${method}: ${where}`)
    }
    const started = performance.now()
    try {
      const handler = handlers[method] as (i: unknown) => unknown
      const value = await handler(parsed.data)
      const ms = performance.now() - started
      if (ms > 250) log.debug({ method, ms: Math.round(ms) }, 'slow call')
      return { ok: true, value }
    } catch (e) {
      const err = toAppError(e)
      if (err.code === 'internal') log.error({ method, err: e }, 'call failed')
      else log.info({ method, code: err.code }, 'call refused')
      return fail(err.code, scrub(err.message))
    }
  }
}
