// A transport for store unit tests: scripted answers per method, a call log, and events the
// test pushes as main would. Runs under plain Node (no window, no fetch).
import type { ErrorCode } from '@contract/errors'
import type {
  ApiResult,
  AppEventName,
  AppEvents,
  MethodInput,
  MethodName,
  MethodOutput,
} from '@contract'
import type { Transport } from '../api/client'

type Answer<M extends MethodName> =
  MethodOutput<M> | ((input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>)

export class FakeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
  ) {
    super(message)
  }
}

export interface FakeTransport extends Transport {
  calls: Array<{ method: MethodName; input: unknown }>
  /** Answers a method with a value, or a function of the input (throw FakeFailure to fail). */
  answer<M extends MethodName>(method: M, answer: Answer<M>): void
  emit<E extends AppEventName>(event: E, payload: AppEvents[E]): void
  callsOf(method: MethodName): unknown[]
}

export function createFakeTransport(): FakeTransport {
  const answers = new Map<MethodName, unknown>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const calls: FakeTransport['calls'] = []
  return {
    calls,
    answer(method, answer) {
      answers.set(method, answer)
    },
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
    emit(event, payload) {
      listeners.get(event)?.forEach((l) => l(payload))
    },
    async invoke<M extends MethodName>(
      method: M,
      input: MethodInput<M>,
    ): Promise<ApiResult<MethodOutput<M>>> {
      calls.push({ method, input })
      if (!answers.has(method)) {
        return { ok: false, error: { code: 'bad_request', message: `no answer for ${method}` } }
      }
      const answer = answers.get(method)
      try {
        const value =
          typeof answer === 'function'
            ? await (answer as (i: MethodInput<M>) => Promise<MethodOutput<M>>)(input)
            : (answer as MethodOutput<M>)
        // A structured clone, as IPC and JSON do: the store never shares objects with main.
        return { ok: true, value: structuredClone(value) }
      } catch (e) {
        const f = e as FakeFailure
        return { ok: false, error: { code: f.code ?? 'internal', message: f.message } }
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: unknown) => void)
    },
  }
}

/** Resolves after pending promise callbacks (store actions awaiting fake answers) have run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0))
}
