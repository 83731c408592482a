// A text with the words a search matched in <mark>: React nodes cut from the string itself,
// never HTML, so nothing in mail text is ever markup.
import type { MarkRange } from '@contract'

export type Segment = { text: string; hit: boolean }

/** The text cut at the ranges (sorted, inside the text, overlaps skipped). */
export function segments(text: string, marks: readonly MarkRange[] | undefined): Segment[] {
  if (!marks || marks.length === 0) return [{ text, hit: false }]
  const out: Segment[] = []
  let at = 0
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (!Number.isInteger(start) || !Number.isInteger(end)) continue
    if (start < at || end <= start || end > text.length) continue
    if (start > at) out.push({ text: text.slice(at, start), hit: false })
    out.push({ text: text.slice(start, end), hit: true })
    at = end
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false })
  return out
}

export function Highlighted({ text, marks }: { text: string; marks?: readonly MarkRange[] }) {
  return (
    <>
      {segments(text, marks).map((s, i) =>
        s.hit ? (
          <mark key={i} className="hit">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  )
}
