// Where a search matched inside a text, for highlighting: the words whose stem is one the
// query asked for, found the way the full-text index found them (each text stemmed in its own
// language, the last typed word also as a prefix, letters folded as FTS5's unicode61 folds
// them). Ranges are UTF-16 offsets into the very string the page shows.
import type { MarkRange } from '@contract/pairs'
import { queryTerms, stemmedWords } from '../../db/stem'
import { latinStemLanguage } from '../../db/stem-language'

/** FTS5's unicode61 tokenizer drops diacritics (remove_diacritics); so do the comparisons. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '')

export interface SearchMatcher {
  /** The ranges of `text` that matched. `whole` is the text it was cut from (a preview), whose
   * language the index stemmed it in; by default the text itself. */
  marks(text: string, whole?: string): MarkRange[]
}

export function searchMatcher(q: string): SearchMatcher | null {
  const terms = queryTerms(q)
  if (terms.length === 0) return null
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const t of terms) {
    for (const stem of t.stems) {
      exact.add(fold(stem))
      if (t.prefix) prefixes.push(fold(stem))
    }
  }
  const matches = (stem: string): boolean => {
    const s = fold(stem)
    return exact.has(s) || prefixes.some((p) => s.startsWith(p))
  }
  return {
    marks(text, whole = text) {
      if (!text) return []
      return stemmedWords(text, latinStemLanguage(whole))
        .filter((w) => matches(w.stem))
        .map((w): MarkRange => [w.start, w.end])
    },
  }
}
