import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from './temp'

interface Entry {
  idx: number
  version: string
  when: number
  tag: string
  breakpoints: boolean
}

const source = path.join(repoRoot(), 'drizzle')

export function journal(): Entry[] {
  return (
    JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as {
      entries: Entry[]
    }
  ).entries
}

/** A migrations folder holding the first `count` real migrations plus any extra ones, so a
 * test can migrate a database to version N-1, add rows, then migrate to N. */
export function migrationsFolder(
  count: number,
  extra: Array<{ tag: string; sql: string; when?: number }> = [],
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-migrations-'))
  fs.mkdirSync(path.join(dir, 'meta'))
  const entries = journal().slice(0, count)
  for (const e of entries)
    fs.copyFileSync(path.join(source, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`))
  let when = entries.at(-1)?.when ?? Date.now()
  for (const x of extra) {
    when = x.when ?? when + 1000
    const e: Entry = { idx: entries.length, version: '6', when, tag: x.tag, breakpoints: true }
    entries.push(e)
    fs.writeFileSync(path.join(dir, `${x.tag}.sql`), x.sql)
  }
  fs.writeFileSync(
    path.join(dir, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'sqlite', entries }),
  )
  return dir
}
