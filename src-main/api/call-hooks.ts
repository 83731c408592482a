// Runs a side effect after a successful call of one method, e.g. applying "launch at login"
// to the OS once settings.update has stored it. The renderer's call is answered first.
import type { Dispatch } from './dispatcher'

export function afterCall(
  dispatch: Dispatch,
  method: string,
  then: (input: unknown, value: unknown) => void,
): Dispatch {
  return async (m, input) => {
    const result = await dispatch(m, input)
    if (m === method && result.ok) {
      try {
        then(input, result.value)
      } catch {
        // A failed side effect never turns a stored change into a failed call.
      }
    }
    return result
  }
}
