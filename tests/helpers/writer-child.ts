// A second ReplyBase process writing to the same knowledge base (as the CLI does while the
// app runs): many short BEGIN IMMEDIATE transactions, each reading then writing.
import { openConnection } from '../../src-main/db/connection'

const [dbPath, name, countArg] = process.argv.slice(2)
const dbh = openConnection(dbPath!)
const read = dbh.sqlite.prepare(`SELECT count(*) AS n FROM app_settings WHERE key LIKE ?`)
const insert = dbh.sqlite.prepare(`INSERT INTO app_settings (key, value) VALUES (?, ?)`)
for (let i = 0; i < Number(countArg); i++) {
  dbh.write(() => {
    const { n } = read.get(`${name}-%`) as { n: number }
    insert.run(`${name}-${i}`, JSON.stringify(n))
  })
}
dbh.close()
