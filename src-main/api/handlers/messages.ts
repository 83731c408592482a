import type { DomainHandlers } from './types'

export const messagesHandlers: DomainHandlers<'messages.get' | 'messages.list'> = (core) => ({
  'messages.get': ({ id }) => core.messages.get(id),
  'messages.list': (filter) => core.messages.list(filter),
})
