// drizzle's migrator skips a migration stamped older than the last one applied, silently:
// refuse a journal whose stamps do not only grow.
import fs from 'node:fs'
const { entries } = JSON.parse(
  fs.readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
)
for (let i = 1; i < entries.length; i++) {
  if (entries[i].when <= entries[i - 1].when) {
    console.error(
      `drizzle/meta/_journal.json: ${entries[i].tag} is stamped before ${entries[i - 1].tag}`,
    )
    process.exit(1)
  }
}
console.log(`journal ok: ${entries.length} migrations, stamps increasing`)
