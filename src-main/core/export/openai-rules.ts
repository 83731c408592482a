// OpenAI's format rules for one chat fine-tuning example, as its data preparation guide
// checks them: an object with a `messages` list; each message exactly `role` and `content`;
// known roles; non-empty string content; at least one user and one assistant message, the
// assistant's last; and no more tokens than the model's example limit.

export const OPENAI_RULES = [
  'missing_messages',
  'message_unrecognized_key',
  'unrecognized_role',
  'missing_content',
  'missing_user_message',
  'missing_assistant_message',
  'too_many_tokens',
] as const
export type OpenAIRule = (typeof OPENAI_RULES)[number]

const ROLES = new Set(['system', 'user', 'assistant'])

/** The first rule the example breaks, or null when it passes. `tokens` is its count. */
export function checkExample(example: unknown, tokens: number, limit: number): OpenAIRule | null {
  if (typeof example !== 'object' || example === null) return 'missing_messages'
  const keys = Object.keys(example)
  const messages = (example as { messages?: unknown }).messages
  if (!Array.isArray(messages) || messages.length === 0 || keys.some((k) => k !== 'messages')) {
    return 'missing_messages'
  }
  for (const m of messages as unknown[]) {
    if (typeof m !== 'object' || m === null) return 'missing_content'
    if (Object.keys(m).some((k) => k !== 'role' && k !== 'content')) {
      return 'message_unrecognized_key'
    }
    const { role, content } = m as { role?: unknown; content?: unknown }
    if (typeof role !== 'string' || !ROLES.has(role)) return 'unrecognized_role'
    if (typeof content !== 'string' || content.trim() === '') return 'missing_content'
  }
  const roles = (messages as Array<{ role: string }>).map((m) => m.role)
  if (!roles.includes('user')) return 'missing_user_message'
  if (roles.at(-1) !== 'assistant') return 'missing_assistant_message'
  if (tokens > limit) return 'too_many_tokens'
  return null
}
