// Preloaded into a benchmarked process (node --require): on exit, reports the process's peak
// resident memory (getrusage maxrss, in kilobytes) on file descriptor 3.
const fs = require('node:fs')

process.on('exit', () => {
  try {
    fs.writeSync(3, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }))
  } catch {
    // Not run by the benchmark: nothing listens on fd 3.
  }
})
