// The collapsed line of a thread message: its text on one line (whitespace folded), cut to its
// first words, with the search's marks moved along so the same words stay marked.
import type { MarkRange } from '@contract'

const FIRST_WORDS = 160

export function firstWords(
  text: string,
  marks: readonly MarkRange[] = [],
  max = FIRST_WORDS,
): { line: string; marks: MarkRange[] } {
  // `at[i]`: where text[i] lands in the line (a folded space is dropped; marks never hold one).
  const at: number[] = []
  let line = ''
  let gap = false
  // A long message is read only as far as its line shows.
  let read = 0
  for (; read < text.length && line.length <= max; read++) {
    const ch = text[read]!
    if (/\s/.test(ch)) {
      gap = line.length > 0
      continue
    }
    if (gap) line += ' '
    gap = false
    at[read] = line.length
    line += ch
  }
  const cut = line.length > max ? max - 1 : line.length
  const moved: MarkRange[] = []
  for (const [start, end] of marks) {
    const from = at[start]
    // A word running past what was read runs past the cut too.
    const last = end > read ? cut : at[end - 1]
    if (from === undefined || last === undefined || from >= cut) continue
    moved.push([from, Math.min(last + 1, cut)])
  }
  return { line: cut < line.length ? `${line.slice(0, cut)}…` : line, marks: moved }
}
