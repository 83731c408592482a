import type { DomainHandlers } from './types'

export const settingsHandlers: DomainHandlers<'settings.get' | 'settings.update'> = (core) => ({
  'settings.get': () => core.settings.get(),
  'settings.update': (patch) => core.settings.update(patch),
})
