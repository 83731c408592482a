#!/usr/bin/env bash
# Runs a command with a Secret Service: the session's own when one answers, otherwise a private
# D-Bus session with an unlocked, throwaway gnome-keyring (never the user's own entries).
# REPLYBASE_TEST_KEYRING=1 tells the command (and any nested call) that a keychain is there.
# Without dbus-run-session or gnome-keyring-daemon it fails: keychain tests never turn into skips.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${REPLYBASE_TEST_KEYRING:-}" ] || node scripts/keychain-probe.mjs >/dev/null 2>&1; then
  export REPLYBASE_TEST_KEYRING=1
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is needed for the keychain (Debian: apt-get install dbus gnome-keyring libsecret-1-dev)." >&2
    exit 1
  fi
done
export REPLYBASE_TEST_KEYRING=1
exec dbus-run-session -- bash -c '
  export HOME="$(mktemp -d)" XDG_DATA_HOME="" XDG_RUNTIME_DIR="$(mktemp -d)"
  eval "$(printf "test\n" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  exec "$@"' with-keyring.sh "$@"
