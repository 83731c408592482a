// What may leave the machine for the AI provider. AI features are off until the user turns
// them on in Settings; with redaction on (the default) e-mail addresses, phone numbers and
// card numbers are replaced by placeholders in every text sent.
import { AppError } from '@contract/errors'
import type { DbHandle } from '../../db/connection'
import { redactPii, type PiiCounts } from '../security/redact-pii'
import { readSetting } from '../settings/settings-store'

export interface Outgoing {
  /** The text as it may be sent: redacted when redaction is on. */
  prepare(text: string): string
  /** What was replaced so far; null when redaction is off. */
  counts(): PiiCounts | null
}

/** Throws `ai_disabled` unless the user turned AI features on. */
export function assertAiEnabled(dbh: DbHandle): void {
  if (!readSetting(dbh, 'aiEnabled')) {
    throw new AppError(
      'ai_disabled',
      'AI features are off: nothing is sent to the AI provider. Turn them on in Settings (AI) or with `settings ai --on`.',
    )
  }
}

export function outgoing(dbh: DbHandle): Outgoing {
  const redact = readSetting(dbh, 'aiRedact')
  const total: PiiCounts = { email: 0, phone: 0, card: 0 }
  return {
    prepare(text) {
      if (!redact) return text
      const r = redactPii(text)
      total.email += r.counts.email
      total.phone += r.counts.phone
      total.card += r.counts.card
      return r.text
    },
    counts: () => (redact ? { ...total } : null),
  }
}
