import type { OpenAISettings, OpenAITestResult, SaveOpenAIInput } from '@contract/ai'
import { DEFAULT_OPENAI_MODEL } from '@contract/ai'
import { CliUsageError, parseCommandArgs } from '../arguments'
import type { CliCommand, CliIo } from '../cli-types'
import { runSettingsAi } from './settings-ai'

/** The key comes from stdin only: argv is visible to every process (`ps`, /proc/<pid>/cmdline)
 * and lands in shell history. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Paste the OpenAI API key, then press Ctrl+D:\n')
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').trim()
}

function describe(s: OpenAISettings, io: CliIo): void {
  io.out(
    [
      `API key:  ${s.keychainAvailable ? (s.hasKey ? 'stored in the keychain' : 'not set') : 'UNKNOWN (keychain unavailable)'}`,
      `Model:    ${s.model ?? `${DEFAULT_OPENAI_MODEL} (default)`}`,
      `Base URL: ${s.baseUrl ?? 'https://api.openai.com/v1 (default)'}${s.baseUrlFromEnv ? ' (from REPLYBASE_OPENAI_BASE_URL)' : ''}`,
    ].join('\n'),
  )
}

export const settingsCommand: CliCommand = {
  name: 'settings',
  usage:
    'settings openai [--model <m>] [--base-url <u>] [--api-key-stdin] [--remove-key] [--test] [--json] | ' +
    'settings ai [--on|--off] [--redact|--no-redact] [--json]',
  summary:
    'Show or change the OpenAI provider (the key is read from stdin, never from argv), or turn AI features on or off',
  async run(args, cli, io) {
    if (args[0] === 'ai') return runSettingsAi(args.slice(1), cli, io)
    const { call } = cli
    const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        'base-url': { type: 'string' },
        'api-key-stdin': { type: 'boolean' },
        'remove-key': { type: 'boolean' },
        test: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    })
    const [section, ...extra] = parsed.positionals
    if (section !== 'openai' || extra.length > 0) {
      throw new CliUsageError('Only "settings openai" and "settings ai" are supported.')
    }
    const v = parsed.values
    if (v['api-key-stdin'] && v['remove-key']) {
      throw new CliUsageError('--api-key-stdin and --remove-key cannot be used together.')
    }
    const patch: SaveOpenAIInput = {}
    if (v.model !== undefined) patch.model = v.model
    // '' clears the base URL (back to OpenAI).
    if (v['base-url'] !== undefined) patch.baseUrl = v['base-url']
    if (v['remove-key']) patch.removeKey = true
    if (v['api-key-stdin']) {
      const key = await readStdin()
      if (!key) throw new CliUsageError('--api-key-stdin got an empty key on stdin.')
      patch.apiKey = key
    }
    const changed = Object.keys(patch).length > 0
    const settings = changed ? await call('ai.saveOpenAI', patch) : await call('ai.getOpenAI', {})
    const test: OpenAITestResult | undefined = v.test ? await call('ai.testOpenAI', {}) : undefined
    if (v.json) {
      io.out(JSON.stringify(test ? { settings, test } : { settings }, null, 2))
    } else {
      if (changed) {
        io.out(
          patch.apiKey
            ? 'Settings saved. The new key will be used for AI requests.'
            : 'Settings saved.',
        )
      }
      describe(settings, io)
      if (test) {
        io.out(
          test.ok
            ? `Connection: OK (model ${test.model ?? DEFAULT_OPENAI_MODEL})`
            : `Connection: FAILED (${test.code}): ${test.message}`,
        )
      }
    }
    return test && !test.ok ? 1 : 0
  },
}
