import { describe, expect, it } from 'vitest'
import { foldHistory, planHistory } from './incremental-sync'

const m = (id: string, labelIds: string[] = ['INBOX']) => ({
  message: { id, threadId: `t${id}`, labelIds },
})

describe('foldHistory + planHistory', () => {
  it('fetches added messages we do not have and updates labels of those we do', () => {
    const changes = foldHistory([
      { messagesAdded: [m('a'), m('b', ['SENT'])] },
      { labelsAdded: [{ ...m('b', ['SENT', 'STARRED']), labelIds: ['STARRED'] }] },
    ])
    const plan = planHistory(changes, new Set(['b']))
    expect(plan.fetch).toEqual(['a'])
    expect(plan.labels).toEqual([{ externalId: 'b', labels: ['SENT', 'STARRED'] }])
    expect(plan.remove).toEqual([])
  })
  it('removes deleted messages and those moved to SPAM or TRASH; drafts never come in', () => {
    const changes = foldHistory([
      { messagesDeleted: [m('a')] },
      { labelsAdded: [{ ...m('b', ['TRASH']), labelIds: ['TRASH'] }] },
      { messagesAdded: [m('c', ['DRAFT'])] },
      { labelsAdded: [{ ...m('d', ['SPAM']), labelIds: ['SPAM'] }] },
    ])
    expect(planHistory(changes, new Set(['a', 'b', 'd'])).remove.sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
  })
  it('a message taken out of TRASH is fetched again when we no longer have it', () => {
    const changes = foldHistory([
      { labelsAdded: [{ ...m('a', ['TRASH']), labelIds: ['TRASH'] }] },
      { labelsRemoved: [{ ...m('a', ['INBOX']), labelIds: ['TRASH'] }] },
    ])
    expect(planHistory(changes, new Set()).fetch).toEqual(['a'])
  })
  it('a label change on a message we never stored (outside the window) is ignored', () => {
    const changes = foldHistory([
      { labelsAdded: [{ ...m('old', ['INBOX', 'STARRED']), labelIds: ['STARRED'] }] },
    ])
    expect(planHistory(changes, new Set())).toEqual({ remove: [], fetch: [], labels: [] })
  })
  it('added then deleted within the same history is just removed', () => {
    const changes = foldHistory([{ messagesAdded: [m('a')] }, { messagesDeleted: [m('a')] }])
    expect(planHistory(changes, new Set())).toEqual({ remove: ['a'], fetch: [], labels: [] })
  })
})
