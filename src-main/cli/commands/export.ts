import path from 'node:path'
import { randomBytes } from 'node:crypto'
import {
  EXPORT_FORMATS,
  FINE_TUNE_MODELS,
  type ExportFormat,
  type ExportSummary,
  type FineTuneModel,
} from '@contract/export'
import { CliUsageError, parseCommandArgs } from '../arguments'
import type { CliCommand, CliContext, CliIo } from '../cli-types'
import { FILTER_OPTIONS, FILTER_USAGE, reviewFilter } from '../review-filters'

const n = (x: number): string => x.toLocaleString('en-US')

function printSummary(s: ExportSummary, dir: string, io: CliIo): void {
  for (const f of s.files) {
    const what = f.role === 'all' ? '' : ` (${f.role})`
    io.out(
      `Wrote ${n(f.examples)} ${s.format === 'openai-jsonl' ? 'examples' : 'pairs'}${what} to ${path.join(dir, f.name)}`,
    )
  }
  io.out(
    `Pairs matched: ${n(s.pairsMatched)}` +
      (s.rejectedLeftOut > 0
        ? ` (rejected left out: ${n(s.rejectedLeftOut)}; --include-rejected to add them)`
        : ''),
  )
  if (s.validation > 0 || s.validationThreads > 0) {
    io.out(
      `Threads: ${n(s.trainThreads)} train, ${n(s.validationThreads)} validation (never shared)`,
    )
  }
  io.out(`Tokens: ${n(s.tokens)}`)
  if (s.estimatedCostPerEpochUsd !== null) {
    io.out(
      `Training tokens per epoch: ${n(s.trainingTokensPerEpoch)}, estimated cost per epoch on ${s.model}: $${s.estimatedCostPerEpochUsd.toFixed(2)}`,
    )
    io.out(`Duplicates removed: ${n(s.duplicatesRemoved)}`)
    io.out(
      `Over the ${n(s.overLimit.limitTokens)}-token limit, left out: ${n(s.overLimit.count)}` +
        (s.overLimit.count > 0 ? ` (pairs ${s.overLimit.pairIds.join(', ')})` : ''),
    )
    if (s.invalid.count > 0) {
      const rules = Object.entries(s.invalid.rules)
        .map(([r, c]) => `${r} ${c}`)
        .join(', ')
      io.out(
        `Failing OpenAI's format rules, left out: ${n(s.invalid.count)} (${rules}; pairs ${s.invalid.pairIds.join(', ')})`,
      )
    }
  }
  io.out(
    s.redaction.enabled
      ? `Redacted: ${n(s.redaction.email)} e-mail addresses, ${n(s.redaction.phone)} phone numbers, ${n(s.redaction.card)} card numbers`
      : 'Redaction: off',
  )
}

/** Shows the export settings, changing those given first (the app's Export… uses them too). */
async function exportSettings(
  cli: CliContext,
  io: CliIo,
  values: {
    model?: string
    'system-prompt-en'?: string
    'system-prompt-ru'?: string
    redact?: string
    json?: boolean
  },
): Promise<number> {
  if (values.redact !== undefined && values.redact !== 'on' && values.redact !== 'off') {
    throw new CliUsageError('--redact takes on or off.')
  }
  if (
    values.model !== undefined &&
    !(FINE_TUNE_MODELS as readonly string[]).includes(values.model)
  ) {
    throw new CliUsageError(`--model must be one of ${FINE_TUNE_MODELS.join(', ')}.`)
  }
  const prompt: { en?: string; ru?: string } = {}
  if (values['system-prompt-en'] !== undefined) prompt.en = values['system-prompt-en']
  if (values['system-prompt-ru'] !== undefined) prompt.ru = values['system-prompt-ru']
  const changed =
    values.model !== undefined || values.redact !== undefined || Object.keys(prompt).length > 0
  const settings = changed
    ? await cli.call('export.updateSettings', {
        model: values.model as FineTuneModel | undefined,
        redact: values.redact === undefined ? undefined : values.redact === 'on',
        systemPrompt: Object.keys(prompt).length > 0 ? prompt : undefined,
      })
    : await cli.call('export.settings', {})
  if (values.json) {
    io.out(JSON.stringify(settings, null, 2))
    return 0
  }
  io.out(`Model: ${settings.model}`)
  io.out(`Redaction: ${settings.redact ? 'on' : 'off'}`)
  io.out(`System prompt (English and other): ${settings.systemPrompt.en || '(none)'}`)
  io.out(`System prompt (Russian): ${settings.systemPrompt.ru || '(none)'}`)
  return 0
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `export --format openai-jsonl|csv|jsonl --out <file> ${FILTER_USAGE} [--include-rejected] [--split 0.9] [--model <name>] [--no-redact] [--json] | export settings [--model <name>] [--system-prompt-en <text>] [--system-prompt-ru <text>] [--redact on|off] [--json]`,
  summary:
    'Write the pairs of a review filter as fine-tuning JSONL, CSV or JSONL (approved by default)',
  async run(args, cli, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        ...FILTER_OPTIONS,
        format: { type: 'string' },
        out: { type: 'string' },
        split: { type: 'string' },
        model: { type: 'string' },
        'include-rejected': { type: 'boolean' },
        'no-redact': { type: 'boolean' },
        'system-prompt-en': { type: 'string' },
        'system-prompt-ru': { type: 'string' },
        redact: { type: 'string' },
        json: { type: 'boolean' },
      },
    })
    if (positionals[0] === 'settings' && positionals.length === 1) {
      return exportSettings(cli, io, values)
    }
    if (positionals.length > 0) throw new CliUsageError('export takes no positional arguments.')
    for (const o of ['system-prompt-en', 'system-prompt-ru', 'redact'] as const) {
      if (values[o] !== undefined) throw new CliUsageError(`--${o} belongs to "export settings".`)
    }
    const format = values.format
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CliUsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`)
    }
    if (!values.out) throw new CliUsageError('--out <file> is required.')
    const split = values.split === undefined ? undefined : Number(values.split)
    if (split !== undefined && !Number.isFinite(split)) {
      throw new CliUsageError('--split takes the share of threads for training, e.g. 0.9.')
    }
    if (
      values.model !== undefined &&
      !(FINE_TUNE_MODELS as readonly string[]).includes(values.model)
    ) {
      throw new CliUsageError(`--model must be one of ${FINE_TUNE_MODELS.join(', ')}.`)
    }
    const filter = await reviewFilter(cli, values)
    const out = path.resolve(values.out)
    const jobId = randomBytes(8).toString('hex')
    const showProgress = !values.json && process.stderr.isTTY
    const off = cli.on('export.progress', (p) => {
      if (showProgress && p.jobId === jobId)
        process.stderr.write(`\r${n(p.done)} / ${n(p.total)} pairs`)
    })
    // Ctrl+C cancels: the temporary file is removed and nothing appears under --out.
    const onSignal = (): void => void cli.call('export.cancel', { jobId })
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    try {
      const result = await cli.call('export.write', {
        ...filter,
        format: format as ExportFormat,
        out,
        jobId,
        split,
        model: values.model as FineTuneModel | undefined,
        includeRejected: Boolean(values['include-rejected']),
        redact: values['no-redact'] ? false : undefined,
      })
      if (showProgress) process.stderr.write('\n')
      const summary = result.summary!
      if (values.json)
        io.out(
          JSON.stringify(
            {
              ...summary,
              files: summary.files.map((f) => ({
                ...f,
                path: path.join(path.dirname(out), f.name),
              })),
            },
            null,
            2,
          ),
        )
      else printSummary(summary, path.dirname(out), io)
      return 0
    } finally {
      off()
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  },
}
