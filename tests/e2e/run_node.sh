#!/usr/bin/env bash
# Installs the pinned npm packages (npm ci, from package-lock.json) and runs the Node
# end-to-end tests of `newslint serve`. Ends with a line `N passed, N failed`.
#
#   NEWSLINT_BINARY=path/to/newslint tests/e2e/run_node.sh
#
# Without NEWSLINT_BINARY, build/cli/newslint or build-lsp/cli/newslint is used.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

binary="${NEWSLINT_BINARY:-}"
if [ -z "$binary" ]; then
  for candidate in build/cli/newslint build-lsp/cli/newslint; do
    if [ -x "$repo/$candidate" ]; then
      binary="$repo/$candidate"
      break
    fi
  done
fi
if [ -z "$binary" ] || [ ! -x "$binary" ]; then
  echo "run_node.sh: no newslint executable found; build it or set NEWSLINT_BINARY" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "run_node.sh: node and npm are needed (Debian: apt-get install nodejs npm)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

cd "$here/node" || exit 1
if ! npm ci --no-audit --no-fund --loglevel=error; then
  echo "run_node.sh: npm ci failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
NEWSLINT_BINARY="$binary" node --test --test-reporter=tap 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -n 1)"
failed="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -n 1)"
passed="${passed:-0}"
failed="${failed:-0}"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner itself failed
fi
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
