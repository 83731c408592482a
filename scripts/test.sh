#!/usr/bin/env bash
# npm test: every test, for real. The keychain tests need a Secret Service: when none
# answers, a private D-Bus session with an unlocked gnome-keyring is started for the run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${REPLYBASE_TEST_KEYRING:-}" ] && ! node scripts/keychain-probe.mjs >/dev/null 2>&1; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
      echo "npm test needs $tool for the keychain tests (Debian: apt-get install dbus gnome-keyring libsecret-1-dev)." >&2
      exit 1
    fi
  done
  export REPLYBASE_TEST_KEYRING=1
  exec dbus-run-session -- bash -c '
    # A fresh keyring in a throwaway home: never the user'"'"'s own entries.
    export HOME="$(mktemp -d)" XDG_DATA_HOME="" XDG_RUNTIME_DIR="$(mktemp -d)"
    eval "$(printf "test\n" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
    exec bash scripts/test.sh "$@"' test.sh "$@"
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
