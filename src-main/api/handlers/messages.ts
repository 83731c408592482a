import { getMessage } from '../../db/queries/messages'
import { AppError } from '@contract/errors'
import type { DomainHandlers } from './types'

export const messagesHandlers: DomainHandlers<'messages.get'> = (core) => ({
  'messages.get': ({ id }) => {
    const message = getMessage(core.dbh.sqlite, id)
    if (!message) throw new AppError('not_found', `No message with id ${id}.`)
    return message
  },
})
