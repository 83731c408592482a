import type { DomainHandlers } from './types'

type KbMethods = 'kb.status' | 'kb.embed' | 'kb.search'

export const kbHandlers: DomainHandlers<KbMethods> = (core) => ({
  'kb.status': () => core.kb.status(),
  'kb.embed': () => core.kb.embed(),
  'kb.search': ({ text, k }) => core.kb.search(text, k),
})
