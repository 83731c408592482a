// Exits 0 when the OS keychain answers through keytar, 1 otherwise.
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
try {
  const keytar = require('@github/keytar')
  await keytar.getPassword('ReplyBase-probe', 'probe')
  process.exit(0)
} catch (e) {
  console.error(String(e?.message ?? e))
  process.exit(1)
}
