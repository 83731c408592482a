// `kb status|embed|search`: the embeddings index and hybrid search from the command line.
import type { KbSearchResult, KbStatus } from '@contract/kb'
import { CliUsageError, parseCommandArgs } from '../arguments'
import type { CliCommand, CliIo } from '../cli-types'

function describeStatus(s: KbStatus, io: CliIo): void {
  io.out(
    [
      `Model:          ${s.model} (${s.dimensions} dimensions)`,
      `Approved pairs: ${s.approved}`,
      `Embedded:       ${s.embedded} (pending ${s.pending})`,
      `Index size:     ${(s.vectorBytes / 1024 / 1024).toFixed(1)} MB`,
      `Vector search:  ${s.vectorSearch ? 'available' : 'UNAVAILABLE: full text only'}`,
    ].join('\n'),
  )
}

function describeSearch(r: KbSearchResult, io: CliIo): void {
  io.err(
    r.mode === 'hybrid'
      ? 'Hybrid search (full text + vectors).'
      : `Full text only (${r.fallback}).`,
  )
  if (r.noCloseMatch) io.out('No close match among the approved pairs.')
  for (const h of r.hits) {
    const sim = h.similarity === null ? '' : ` similarity ${h.similarity.toFixed(2)}`
    const text = h.clientText.replace(/\s+/g, ' ').slice(0, 70)
    io.out(`#${h.id}  ${h.score.toFixed(4)}  [${h.retrievers.join('+')}${sim}]  ${text}`)
  }
}

export const kbCommand: CliCommand = {
  name: 'kb',
  usage:
    'kb status [--json] | kb estimate [--json] | kb embed [--json] | kb search "<text>" [--k N] [--json]',
  summary: 'The embeddings index of approved pairs, and hybrid (full text + vector) search',
  async run(args, { call, on }, io) {
    const [sub, ...rest] = args
    const parsed = parseCommandArgs({
      args: rest,
      allowPositionals: sub === 'search',
      options: { json: { type: 'boolean' }, k: { type: 'string' } },
    })
    const json = Boolean(parsed.values.json)
    if (sub === 'status') {
      const s = await call('kb.status', {})
      if (json) io.out(JSON.stringify(s, null, 2))
      else describeStatus(s, io)
      return 0
    }
    if (sub === 'estimate') {
      const e = await call('kb.estimate', {})
      if (json) io.out(JSON.stringify(e, null, 2))
      else {
        const cost =
          e.estimatedUsd === null ? 'price unknown' : `about $${e.estimatedUsd.toFixed(4)}`
        io.out(
          `kb embed would send ${e.pairs} client texts to ${e.model}: ${e.tokens} tokens, ${cost}.`,
        )
      }
      return 0
    }
    if (sub === 'embed') {
      const stop = on('kb.progress', (p) => io.err(`embedded ${p.embedded} of ${p.total}`))
      try {
        const r = await call('kb.embed', {})
        if (json) io.out(JSON.stringify(r, null, 2))
        else {
          io.out(`Embedded ${r.embedded} pairs in ${r.requests} requests.`)
          describeStatus(r.status, io)
        }
        return 0
      } finally {
        stop()
      }
    }
    if (sub === 'search') {
      if (parsed.positionals.length !== 1) throw new CliUsageError('Give the text as one argument.')
      const k = parsed.values.k === undefined ? undefined : Number(parsed.values.k)
      if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 50)) {
        throw new CliUsageError('--k is 1 to 50.')
      }
      const r = await call('kb.search', { text: parsed.positionals[0]!, k })
      if (json) io.out(JSON.stringify(r, null, 2))
      else describeSearch(r, io)
      return 0
    }
    throw new CliUsageError('Use kb status, kb estimate, kb embed or kb search.')
  },
}
