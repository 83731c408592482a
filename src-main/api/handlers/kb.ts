import type { DomainHandlers } from './types'

type KbMethods = 'kb.status' | 'kb.embed' | 'kb.search' | 'kb.estimate'

export const kbHandlers: DomainHandlers<KbMethods> = (core) => ({
  'kb.status': () => core.kb.status(),
  'kb.embed': () => core.kb.embed(),
  'kb.estimate': () => core.kb.estimate(),
  'kb.search': ({ text, k }) => core.kb.search(text, k),
})
