export {
  FAKE_MODELS,
  FAKE_OPENAI_KEY,
  fakeEmbedding,
  startFakeOpenAI,
  type ChatRequest,
  type FakeOpenAI,
  type FakeOpenAIMode,
  type FakeOpenAIOptions,
  type RecordedRequest,
} from './server'
export { maskKey } from './openai-errors'
