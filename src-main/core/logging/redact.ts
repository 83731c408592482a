// Redaction at the sink: every line the logger writes passes through scrub(). Exact secret
// values are registered as they are read from or written to the keychain; patterns catch
// token-shaped strings that never went through the keychain (codes, fresh tokens, keys).

const PATTERNS: RegExp[] = [
  /ya29\.[\w.-]+/g, // Google access tokens
  /1\/\/[\w-]{10,}/g, // Google refresh tokens
  /4\/0A[\w-]+/g, // Google authorization codes
  /GOCSPX-[\w-]+/g, // Google client secrets
  /sk-(?:proj-)?[\w-]{20,}/g, // OpenAI keys
  /Bearer\s+[\w.~+/-]+=*/gi,
  /\b(code_verifier|client_secret|refresh_token|access_token|code|token|api_key)=[^&\s"']+/gi,
]

const known = new Set<string>()

/** Registers an exact secret value so it is scrubbed from every later log line. */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 6) known.add(value)
}

export function scrub(text: string): string {
  let out = text
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]')
  }
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match, name?: string) =>
      typeof name === 'string' && match.includes('=') ? `${name}=[REDACTED]` : '[REDACTED]',
    )
  }
  return out
}

/** Structures nested deeper than this are not logged at all: nothing unscrubbed gets out. */
const MAX_DEPTH = 10
export const TOO_DEEP = '[not logged: nested too deep]'

/** Deep-scrubs any value destined for a log line. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value)
  if (value === null || typeof value !== 'object') return value
  if (depth > MAX_DEPTH) return TOO_DEEP
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrub(value.message),
      code: (value as { code?: unknown }).code,
    }
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = /token|secret|password|api_?key|authorization|cookie/i.test(k)
      ? '[REDACTED]'
      : scrubValue(v, depth + 1)
  }
  return out
}
