// Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): each retriever's list adds
// 1 / (k + rank) to an item's score, so an item found by both rises above one found by either.
export const RRF_K = 60

export function reciprocalRankFusion<T extends { id: number }>(
  lists: Array<{ name: string; items: T[] }>,
  k = RRF_K,
): Array<{ item: T; score: number; from: string[] }> {
  const merged = new Map<number, { item: T; score: number; from: string[] }>()
  for (const list of lists) {
    list.items.forEach((item, i) => {
      const entry = merged.get(item.id) ?? { item, score: 0, from: [] }
      entry.score += 1 / (k + i + 1)
      entry.from.push(list.name)
      merged.set(item.id, entry)
    })
  }
  return [...merged.values()].sort((a, b) => b.score - a.score || a.item.id - b.item.id)
}
