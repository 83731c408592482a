// `settings ai`: the same AI features switch and redaction setting as in Settings.
import type { AppSettings, SettingsPatch } from '@contract'
import { CliUsageError, parseCommandArgs } from '../arguments'
import type { CliContext, CliIo } from '../cli-types'

export async function runSettingsAi(
  args: string[],
  { call }: CliContext,
  io: CliIo,
): Promise<number> {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: false,
    options: {
      on: { type: 'boolean' },
      off: { type: 'boolean' },
      redact: { type: 'boolean' },
      'no-redact': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  const v = parsed.values
  if (v.on && v.off) throw new CliUsageError('--on and --off cannot be used together.')
  if (v.redact && v['no-redact']) {
    throw new CliUsageError('--redact and --no-redact cannot be used together.')
  }
  const patch: SettingsPatch = {}
  if (v.on || v.off) patch.aiEnabled = Boolean(v.on)
  if (v.redact || v['no-redact']) patch.aiRedact = Boolean(v.redact)
  const s: AppSettings = Object.keys(patch).length
    ? await call('settings.update', patch)
    : await call('settings.get', {})
  const openai = await call('ai.getOpenAI', {})
  const url = openai.baseUrl ?? 'https://api.openai.com/v1'
  if (v.json) {
    io.out(JSON.stringify({ aiEnabled: s.aiEnabled, aiRedact: s.aiRedact, sendsTo: url }, null, 2))
    return 0
  }
  io.out(
    s.aiEnabled
      ? `AI features: on. Drafts send the client message and the approved pairs they draw on to ${url}.`
      : 'AI features: off. Nothing is sent to the AI provider.',
  )
  io.out(
    `Redaction: ${s.aiRedact ? 'on (e-mail addresses, phones and card numbers are replaced)' : 'off'}`,
  )
  return 0
}
