import type { AppEventName, AppEvents } from '@contract'

export type EventListener = <E extends AppEventName>(event: E, payload: AppEvents[E]) => void

/** Main-side events for the renderer; each transport subscribes once and forwards. */
export interface EventBus {
  emit<E extends AppEventName>(event: E, payload: AppEvents[E]): void
  subscribe(listener: EventListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(event, payload) {
      for (const l of listeners) l(event, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
