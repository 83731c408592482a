// Labels that keep a message out of the knowledge base. Apart from message-prepare so the sync's
// control flow can ask without loading the decoder (a CLI command that decodes nothing starts
// faster without it).

/** Labels that keep a message out of the knowledge base (drafts, spam, trash). */
export const HIDDEN_LABELS = ['DRAFT', 'SPAM', 'TRASH'] as const

export function isHidden(labels: readonly string[]): boolean {
  return labels.some((l) => (HIDDEN_LABELS as readonly string[]).includes(l))
}
