// Fake Google (OAuth 2.0 + Gmail API v1) for tests; see tests/fakes/README.md.
export { startFakeGoogle } from './server'
export { MAX_BATCH_PARTS } from './batch'
export { UNIT_COSTS } from './traffic'
export * from './types'
export * from './connect'
