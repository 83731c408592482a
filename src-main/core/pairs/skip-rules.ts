// Mail written by machines never becomes a training pair. Each rule names the skip reason the
// run summary counts (pairs_skipped):
//   auto_reply     Auto-Submitted other than "no" (RFC 3834 §5), X-Autoreply / X-Autorespond,
//                  Precedence: auto_reply
//   bulk           Precedence: bulk / junk / list; on incoming mail also List-Id (RFC 2919) or
//                  List-Unsubscribe (RFC 2369, RFC 8058)
//   mailer_daemon  delivery reports: From mailer-daemon / postmaster, X-Failed-Recipients
//   parse_failed   the message could not be decoded, so its pair would be guesswork
//   empty_text     a pair whose client or reply text is empty after cleaning
// Our own outgoing list or auto-acknowledgement mail is skipped the same way, except that list
// headers on outgoing mail only say it went through a group, not that it was bulk.
import type { Direction } from './direction'

export type MachineReason = 'auto_reply' | 'bulk' | 'mailer_daemon'
export type SkipReason = MachineReason | 'parse_failed' | 'empty_text'

const DAEMON_LOCAL = /^(mailer-daemon|mail-daemon|postmaster|mailerdaemon)$/i

function localPart(address: string | null | undefined): string {
  if (!address) return ''
  const at = address.lastIndexOf('@')
  return at < 0 ? address : address.slice(0, at)
}

/** Why a message is machine mail, or null for a person's message. Headers: lower-case keys. */
export function machineMailReason(
  headers: Readonly<Record<string, string>>,
  fromAddress: string | null | undefined,
  direction: Direction,
): MachineReason | null {
  if (DAEMON_LOCAL.test(localPart(fromAddress)) || headers['x-failed-recipients'] !== undefined) {
    return 'mailer_daemon'
  }
  const autoSubmitted = headers['auto-submitted']?.trim().toLowerCase()
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return 'auto_reply'
  for (const name of ['x-autoreply', 'x-autorespond']) {
    const v = headers[name]?.trim().toLowerCase()
    if (v !== undefined && v !== 'no' && v !== 'false') return 'auto_reply'
  }
  const precedence = headers['precedence']?.trim().toLowerCase()
  if (precedence === 'auto_reply') return 'auto_reply'
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') return 'bulk'
  if (direction === 'incoming' && (headers['list-id'] || headers['list-unsubscribe'])) return 'bulk'
  return null
}
