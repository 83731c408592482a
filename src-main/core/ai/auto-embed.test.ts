// The index follows review on its own once it exists: a burst of review changes gives one
// embedding run after a pause; nothing is sent before the person built the index, with AI
// off, or when nothing is pending; a failure waits for the next change.
import { describe, expect, it } from 'vitest'
import type { KbEmbedResult, KbStatus } from '@contract'
import { createEventBus } from '../event-bus'
import { startAutoEmbed } from './auto-embed'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

function setup(status: Partial<KbStatus>, ai = true, fail = false) {
  const events = createEventBus()
  let embeds = 0
  const full: KbStatus = {
    model: 'text-embedding-3-small',
    dimensions: 512,
    approved: 10,
    embedded: 8,
    pending: 2,
    vectorBytes: 0,
    vectorSearch: true,
    serving: null,
    ...status,
  }
  const stop = startAutoEmbed({
    events,
    aiEnabled: () => ai,
    delayMs: 20,
    kb: {
      status: async () => full,
      embed: async (): Promise<KbEmbedResult> => {
        embeds++
        if (fail) throw new Error('offline')
        return { embedded: full.pending, requests: 1, status: full }
      },
    },
  })
  return { events, stop, embeds: () => embeds }
}

describe('automatic embedding', () => {
  it('embeds once after a burst of review changes', async () => {
    const t = setup({})
    for (let i = 0; i < 5; i++) t.events.emit('pairs.changed', { ids: [i] })
    await wait(80)
    expect(t.embeds()).toBe(1)
    t.stop()
  })

  it('re-embeds after a change of model while the previous index serves', async () => {
    const t = setup({
      embedded: 0,
      pending: 10,
      serving: { model: 'text-embedding-3-small', dimensions: 512, embedded: 10 },
    })
    t.events.emit('settings.changed', { language: null, theme: 'system' })
    await wait(80)
    expect(t.embeds()).toBe(1)
    t.stop()
  })

  it.each([
    ['before the person built the index', { embedded: 0, pending: 10 }, true],
    ['with nothing pending', { pending: 0 }, true],
    ['without sqlite-vec', { vectorSearch: false }, true],
    ['with AI off', {}, false],
  ] as const)('sends nothing %s', async (_name, status, ai) => {
    const t = setup(status, ai)
    t.events.emit('pairs.changed', {})
    await wait(80)
    expect(t.embeds()).toBe(0)
    t.stop()
  })

  it('keeps listening after a failure, and stops when told', async () => {
    const t = setup({}, true, true)
    t.events.emit('pairs.changed', {})
    await wait(80)
    t.events.emit('pairs.changed', {})
    await wait(80)
    expect(t.embeds()).toBe(2)
    t.stop()
    t.events.emit('pairs.changed', {})
    await wait(80)
    expect(t.embeds()).toBe(2)
  })
})
