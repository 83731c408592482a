import type { DomainHandlers } from './types'

type AiMethods =
  | 'ai.getOpenAI'
  | 'ai.saveOpenAI'
  | 'ai.testOpenAI'
  | 'ai.listModels'
  | 'ai.similar'
  | 'ai.draft'
  | 'ai.similarToPair'
  | 'ai.unanswered'

export const aiHandlers: DomainHandlers<AiMethods> = (core) => ({
  'ai.getOpenAI': () => core.ai.getOpenAI(),
  'ai.saveOpenAI': (input) => core.ai.saveOpenAI(input),
  'ai.testOpenAI': () => core.ai.testOpenAI(),
  'ai.listModels': () => core.ai.listModels(),
  'ai.similar': ({ text, limit }) => core.ai.similar(text, limit),
  'ai.draft': ({ text, limit, excludePairId }) => core.ai.draft(text, { limit, excludePairId }),
  'ai.similarToPair': ({ pairId, limit }) => core.ai.similarToPair(pairId, limit),
  'ai.unanswered': (input) => core.ai.unanswered(input),
})
