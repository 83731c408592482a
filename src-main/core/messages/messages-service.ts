// Stored mail as the app and the CLI read it: one message by its local id, or a filtered list.
import type { MessageDto } from '@contract/messages'
import { AppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import { getMessage, listMessages, type MessageFilter } from '../../db/queries/messages'

export interface MessagesService {
  /** One stored message; `not_found` when there is none. */
  get(id: number): MessageDto
  list(filter?: MessageFilter): MessageDto[]
}

export function createMessagesService(deps: { dbh: DbHandle }): MessagesService {
  return {
    get(id) {
      const message = getMessage(deps.dbh.sqlite, id)
      if (!message) throw new AppError('not_found', `No message with id ${id}.`)
      return message
    },
    list(filter = {}) {
      return listMessages(deps.dbh.sqlite, filter)
    },
  }
}
