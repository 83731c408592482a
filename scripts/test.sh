#!/usr/bin/env bash
# npm test: every test, for real. The keychain tests need a Secret Service: scripts/with-keyring.sh
# starts a private D-Bus session with an unlocked gnome-keyring when none answers (and fails the
# run when it cannot), then runs this script again inside it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${REPLYBASE_TEST_KEYRING:-}" ]; then
  exec bash scripts/with-keyring.sh bash scripts/test.sh "$@"
fi

# A whole run (no arguments) also type-checks and lints; a subset is for quick iteration.
if [ "$#" -eq 0 ]; then
  npm run --silent typecheck
  npm run --silent lint
fi
# The end-to-end tests load the built renderer.
npx electron-vite build >/dev/null
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
# One plain closing line for whoever reads the log last.
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"))
  const skipped = r.numPendingTests + r.numTodoTests
  console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""))
' || true
exit "$status"
