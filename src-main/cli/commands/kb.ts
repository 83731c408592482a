// The knowledge base from the command line: approved pairs similar to a text (local, offline)
// and a reply draft with the pairs it drew on. `-` reads the text from stdin.
import type { DraftResult, SimilarPair } from '@contract/ai'
import { CliUsageError, parseCommandArgs } from '../arguments'
import type { CliCommand } from '../cli-types'

async function textArg(positionals: string[]): Promise<string> {
  if (positionals.length !== 1)
    throw new CliUsageError('Give the text as one argument, or - for stdin.')
  if (positionals[0] !== '-') return positionals[0]!
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function limitArg(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new CliUsageError('--limit is 1 to 20.')
  return n
}

const oneLine = (s: string, max = 100): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function sourceLines(items: SimilarPair[]): string[] {
  return items.map(
    (p) =>
      `#${p.id}  ${p.score.toFixed(2)}  ${oneLine(p.subject || '(no subject)', 40)}: ${oneLine(p.clientText, 70)}`,
  )
}

export const similarCommand: CliCommand = {
  name: 'similar',
  usage: 'similar "<text>" | - [--limit N] [--json]',
  summary: 'Approved pairs whose client text resembles a text (full text, works offline)',
  async run(args, { call }, io) {
    const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: { limit: { type: 'string' }, json: { type: 'boolean' } },
    })
    const text = await textArg(parsed.positionals)
    const found = await call('ai.similar', { text, limit: limitArg(parsed.values.limit) })
    if (parsed.values.json) io.out(JSON.stringify(found, null, 2))
    else if (found.length === 0) io.out('No approved pair resembles this text.')
    else sourceLines(found).forEach((l) => io.out(l))
    return 0
  },
}

async function draftSubject(values: {
  message?: string
  text?: string
  positionals: string[]
}): Promise<{ text: string } | { gmailMessageId: string }> {
  const given = [values.message, values.text, values.positionals[0]].filter((v) => v !== undefined)
  if (given.length !== 1 || values.positionals.length > 1) {
    throw new CliUsageError(
      'Give one of --message <gmail id>, --text <text> (- for stdin) or the text.',
    )
  }
  if (values.message !== undefined) return { gmailMessageId: values.message }
  return { text: await textArg([values.text ?? values.positionals[0]!]) }
}

export const draftCommand: CliCommand = {
  name: 'draft',
  usage: 'draft --message <gmail message id> | --text "<text>" | --text - [--limit N] [--json]',
  summary:
    'A reply draft from similar approved pairs, streamed as it is written, with the pairs it drew on (AI must be on)',
  async run(args, { call, on }, io) {
    const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        message: { type: 'string' },
        text: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
    })
    const subject = await draftSubject({ ...parsed.values, positionals: parsed.positionals })
    const limit = limitArg(parsed.values.limit)
    if (parsed.values.json) {
      io.out(JSON.stringify(await call('ai.draft', { ...subject, limit }), null, 2))
      return 0
    }
    // The words go to the terminal as the model writes them.
    const streamId = `cli-${process.pid}`
    let shown = ''
    const stop = io.write
      ? on('ai.draft.delta', (d) => {
          if (d.streamId !== streamId || !d.text.startsWith(shown)) return
          io.write?.(d.text.slice(shown.length))
          shown = d.text
        })
      : () => undefined
    let draft: DraftResult
    try {
      draft = await call('ai.draft', { ...subject, limit, streamId })
    } finally {
      stop()
    }
    // The stored text is the streamed one trimmed; what is already on screen is not repeated.
    if (!shown) io.out(draft.text)
    else io.write?.(`${draft.text.startsWith(shown) ? draft.text.slice(shown.length) : ''}\n`)
    const tokens = draft.usage
      ? `, ${draft.usage.promptTokens} + ${draft.usage.completionTokens} tokens`
      : ''
    io.err(
      `\nDraft #${draft.id}: model ${draft.model}${tokens}, reply in ${draft.language}. Sources:`,
    )
    sourceLines(draft.examples).forEach((l) => io.err(l))
    if (draft.redacted) {
      const r = draft.redacted
      io.err(`Hidden from the provider: ${r.email} e-mail, ${r.phone} phone, ${r.card} card.`)
    }
    return 0
  },
}
