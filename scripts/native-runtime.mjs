// Native modules (better-sqlite3, keytar) must be built for the runtime that loads them:
// Node for the CLI and the tests, Electron for the app. This switches them, keeping one
// build per runtime in node_modules/.replybase-native so switching back is a copy.
//   node scripts/native-runtime.mjs node|electron
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const require = createRequire(import.meta.url)
const MODULES = [
  { name: 'better-sqlite3', file: 'build/Release/better_sqlite3.node' },
  { name: '@github/keytar', file: 'build/Release/keytar.node' },
]
const cacheDir = path.join(root, 'node_modules', '.replybase-native')
const stampFile = path.join(cacheDir, 'current.json')

const want = process.argv[2]
if (want !== 'node' && want !== 'electron') {
  console.error('usage: native-runtime.mjs node|electron')
  process.exit(2)
}

function target() {
  if (want === 'node')
    return `node-abi${process.versions.modules}-${process.platform}-${process.arch}`
  const version = require('electron/package.json').version
  return `electron-${version}-${process.platform}-${process.arch}`
}

const wanted = target()
fs.mkdirSync(cacheDir, { recursive: true })
// Freshly installed modules are built for Node by npm.
const current = fs.existsSync(stampFile)
  ? JSON.parse(fs.readFileSync(stampFile, 'utf8')).target
  : `node-abi${process.versions.modules}-${process.platform}-${process.arch}`
if (
  current === wanted &&
  MODULES.every((m) => fs.existsSync(path.join(root, 'node_modules', m.name, m.file)))
) {
  process.exit(0)
}

const copy = (from, to) => {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.copyFileSync(from, to)
}
const live = (m) => path.join(root, 'node_modules', m.name, m.file)
const cached = (t, m) => path.join(cacheDir, t, m.name, path.basename(m.file))

// Keep what is there now under its runtime, then bring in (or build) the wanted one.
for (const m of MODULES) if (fs.existsSync(live(m))) copy(live(m), cached(current, m))
if (MODULES.every((m) => fs.existsSync(cached(wanted, m)))) {
  for (const m of MODULES) copy(cached(wanted, m), live(m))
  console.error(`native modules: switched to ${wanted}`)
} else {
  console.error(`native modules: building for ${wanted} (about a minute, once)`)
  const names = MODULES.map((m) => m.name).join(' ')
  if (want === 'node') execSync(`npm rebuild ${names}`, { cwd: root, stdio: 'inherit' })
  else execSync(`npx electron-builder install-app-deps`, { cwd: root, stdio: 'inherit' })
  for (const m of MODULES) copy(live(m), cached(wanted, m))
}
fs.writeFileSync(stampFile, JSON.stringify({ target: wanted }))
