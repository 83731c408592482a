// Where slow statements are reported: the core registers a listener at start (the database
// layer has no logger of its own).

/** Queries slower than this are logged (docs/architecture.md, "Design rules"). */
export const SLOW_QUERY_MS = 40

type SlowQueryListener = (sql: string, ms: number) => void
let listener: SlowQueryListener = () => undefined

export function onSlowQuery(next: SlowQueryListener): void {
  listener = next
}

export function reportSlowQuery(sql: string, ms: number): void {
  listener(sql, ms)
}
