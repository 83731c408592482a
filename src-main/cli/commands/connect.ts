import { CliUsageError, parseCommandArgs } from '../arguments'
import type { CliCommand } from '../cli-types'

const DEFAULT_TIMEOUT_S = 300

export const connectCommand: CliCommand = {
  name: 'connect',
  usage: 'connect gmail [--no-browser] [--timeout <s>]',
  summary: 'Connect a Gmail mailbox (prints the authorization URL, then the address)',
  async run(args, cli, io) {
    const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: { 'no-browser': { type: 'boolean' }, timeout: { type: 'string' } },
    })
    const [provider, ...extra] = parsed.positionals
    if (provider !== 'gmail' || extra.length > 0)
      throw new CliUsageError('Only "connect gmail" is supported.')
    const timeoutS =
      parsed.values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(parsed.values.timeout)
    if (!Number.isInteger(timeoutS) || timeoutS <= 0 || timeoutS > 3600) {
      throw new CliUsageError('--timeout takes a whole number of seconds between 1 and 3600.')
    }
    const noBrowser = Boolean(parsed.values['no-browser'])
    // Ctrl+C ends the attempt cleanly: the listener closes and nothing is written.
    const onSignal = (): void => void cli.call('gmail.cancelConnect', {})
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    const off = cli.on('gmail.connect.waiting', ({ authUrl }) => {
      io.err(
        noBrowser
          ? `Open this URL in a browser to connect a Gmail account (waiting up to ${timeoutS} s):`
          : `Opening the browser to connect a Gmail account (waiting up to ${timeoutS} s). If it does not open, visit:`,
      )
      // Alone on its line of stdout, so scripts and tests can read it.
      io.out(authUrl)
    })
    try {
      const result = await cli.call('gmail.connect', {
        timeoutSeconds: timeoutS,
        openBrowser: !noBrowser,
      })
      if (!result.ok) {
        io.err(`error: ${result.reason}: ${result.message}`)
        return 1
      }
      const { email, displayName, id } = result.account
      io.err(
        `Connected ${displayName === email ? email : `${displayName} <${email}>`} (account ${id}).`,
      )
      io.out(result.account.email)
      return 0
    } finally {
      off()
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  },
}
