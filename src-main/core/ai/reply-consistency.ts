// Whether two replies say the same thing, roughly: the share of significant stemmed words they
// have in common (Dice coefficient). Used to mark a similar approved pair whose reply said
// something different from the pair under review, so a reviewer keeps answers consistent.
import { stemText } from '../../db/stem'
import { isStopStem } from './similar-pairs'

/** Below this overlap two replies are shown as saying something different. */
export const DIFFERENT_BELOW = 0.3

function terms(text: string): Set<string> {
  const out = new Set<string>()
  for (const stem of stemText(text).split(' ')) {
    if (stem.length >= 3 && !isStopStem(stem)) out.add(stem)
  }
  return out
}

/** 0 (no word in common) … 1 (the same words). */
export function replyOverlap(a: string, b: string): number {
  const ta = terms(a)
  const tb = terms(b)
  if (ta.size === 0 && tb.size === 0) return 1
  let common = 0
  for (const t of ta) if (tb.has(t)) common++
  return (2 * common) / (ta.size + tb.size)
}

export function repliesDiffer(a: string, b: string): boolean {
  return replyOverlap(a, b) < DIFFERENT_BELOW
}
