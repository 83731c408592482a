// The renderer's one way to the main process: Electron's preload object when present,
// otherwise the loopback bridge (npm run dev:web, end-to-end tests). Same contract either way.
// The transport is chosen on first use and can be swapped (setTransport) so the stores run
// under plain Node in unit tests with a fake one.
import type {
  ApiResult,
  AppEventName,
  AppEvents,
  MethodInput,
  MethodName,
  MethodOutput,
} from '@contract'

export interface Transport {
  invoke<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<ApiResult<MethodOutput<M>>>
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void
}

declare global {
  interface Window {
    replybase?: Transport
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** A failure as the stores keep it: plain data, shown through errorText(code, message). */
export interface Failure {
  code: string
  message: string
}

export function toFailure(e: unknown): Failure {
  if (e instanceof ApiError) return { code: e.code, message: e.message }
  const err = e as { code?: unknown; message?: unknown } | null
  return {
    code: typeof err?.code === 'string' ? err.code : 'internal',
    message: typeof err?.message === 'string' ? err.message : String(e),
  }
}

function bridgeTransport(): Transport {
  const params = new URLSearchParams(location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    sessionStorage.setItem('replybase.bridgeToken', fromUrl)
    // Keep the token out of the address bar and history.
    history.replaceState(null, '', location.pathname + location.hash)
  }
  const token = fromUrl ?? sessionStorage.getItem('replybase.bridgeToken') ?? ''
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null
  const connect = (): void => {
    if (source) return
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (e: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(e.data) as { event: string; payload: unknown }
      listeners.get(event)?.forEach((l) => l(payload))
    }
  }
  return {
    async invoke(method, input) {
      let res: Response
      try {
        res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ method, input }),
        })
      } catch {
        return {
          ok: false,
          error: { code: 'core_unreachable', message: 'The ReplyBase core is not reachable.' },
        }
      }
      if (!res.ok) return { ok: false, error: { code: 'forbidden', message: await res.text() } }
      return (await res.json()) as ApiResult<MethodOutput<typeof method>>
    },
    on(event, listener) {
      connect()
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: unknown) => void)
    },
  }
}

let current: Transport | null = null

function transport(): Transport {
  current ??= window.replybase ?? bridgeTransport()
  return current
}

/** Replaces the transport (unit tests); the next call and subscription use it. */
export function setTransport(next: Transport | null): void {
  current = next
}

/** Calls a method and returns its value, or throws ApiError with the failure's code. */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await transport().invoke(method, input)
  if (!result.ok) throw new ApiError(result.error.code, result.error.message)
  return result.value
}

export function onEvent<E extends AppEventName>(
  event: E,
  listener: (payload: AppEvents[E]) => void,
): () => void {
  return transport().on(event, listener)
}
