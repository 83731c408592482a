import type { DomainHandlers } from './types'

export const messagesHandlers: DomainHandlers<'messages.get'> = (core) => ({
  'messages.get': ({ id }) => core.messages.get(id),
})
