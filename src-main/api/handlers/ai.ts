import type { DomainHandlers } from './types'

type AiMethods =
  | 'ai.getOpenAI'
  | 'ai.saveOpenAI'
  | 'ai.testOpenAI'
  | 'ai.listModels'
  | 'ai.similar'
  | 'ai.draft'
  | 'ai.drafts'
  | 'ai.draftFeedback'
  | 'ai.pairCitations'
  | 'ai.similarToPair'
  | 'ai.unanswered'

export const aiHandlers: DomainHandlers<AiMethods> = (core) => ({
  'ai.getOpenAI': () => core.ai.getOpenAI(),
  'ai.saveOpenAI': (input) => core.ai.saveOpenAI(input),
  'ai.testOpenAI': () => core.ai.testOpenAI(),
  'ai.listModels': () => core.ai.listModels(),
  'ai.similar': ({ text, limit }) => core.ai.similar(text, limit),
  'ai.draft': ({ streamId, ...req }) =>
    core.drafts.draft(
      req,
      streamId === undefined
        ? {}
        : {
            onSources: (s) => core.events.emit('ai.draft.sources', { streamId, ...s }),
            onText: (text) => core.events.emit('ai.draft.delta', { streamId, text }),
          },
    ),
  'ai.drafts': ({ limit }) => core.drafts.list(limit),
  'ai.draftFeedback': ({ id, feedback }) => core.drafts.feedback(id, feedback),
  'ai.pairCitations': ({ pairId }) => core.drafts.citations(pairId),
  'ai.similarToPair': ({ pairId, limit }) => core.ai.similarToPair(pairId, limit),
  'ai.unanswered': (input) => core.ai.unanswered(input),
})
