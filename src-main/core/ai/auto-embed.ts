// Keeps the similar-case index in step with review while the app runs: once the person has
// built the index (the first run is theirs to start, after seeing what it sends), pairs
// approved or edited later are embedded a few seconds after the change, and a change of model
// or size is re-embedded in the background while the previous index keeps answering. Rejected,
// reset and deleted pairs leave the index by trigger, without a request.
import type { AppEventName } from '@contract'
import type { EventBus } from '../event-bus'
import { createLogger } from '../logging/logger'
import type { KbService } from './kb-service'

const log = createLogger('kb')
const DEFAULT_DELAY_MS = 3_000
const TRIGGERS = new Set<AppEventName>(['pairs.changed', 'sync.finished', 'settings.changed'])

export interface AutoEmbedDeps {
  events: EventBus
  kb: Pick<KbService, 'status' | 'embed'>
  aiEnabled(): boolean
  delayMs?: number
}

/** Starts listening; returns the function that stops it. */
export function startAutoEmbed(deps: AutoEmbedDeps): () => void {
  const delay = deps.delayMs ?? DEFAULT_DELAY_MS
  let timer: NodeJS.Timeout | null = null
  let running = false
  let again = false
  let stopped = false

  async function run(): Promise<void> {
    timer = null
    if (running) {
      again = true
      return
    }
    running = true
    try {
      if (!deps.aiEnabled()) return
      const s = await deps.kb.status()
      const started = s.embedded > 0 || s.serving !== null
      if (!s.vectorSearch || !started || s.pending === 0) return
      const r = await deps.kb.embed()
      log.info({ embedded: r.embedded }, 'index caught up with review')
    } catch (e) {
      // No key, offline, quota: the index stays as it is and the next change tries again;
      // Settings shows what is pending.
      log.info({ err: e }, 'index not updated')
    } finally {
      running = false
      if (again && !stopped) {
        again = false
        schedule()
      }
    }
  }

  function schedule(): void {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void run(), delay)
    timer.unref?.()
  }

  const unsubscribe = deps.events.subscribe((event) => {
    if (TRIGGERS.has(event)) schedule()
  })
  return () => {
    stopped = true
    unsubscribe()
    if (timer) clearTimeout(timer)
  }
}
