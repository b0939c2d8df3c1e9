#!/usr/bin/env bash
# Headless Neovim end-to-end test of editors/nvim against the built server, on a copy of
# examples/. Ends with a line `N passed, N failed`.
#
#   tests/e2e/run_nvim.sh /abs/path/to/newslint
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
binary="${1:-${NEWSLINT_BINARY:-$repo/build/cli/newslint}}"

fail() { echo "run_nvim.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }
[ -x "$binary" ] || fail "no newslint executable at $binary"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
command -v nvim >/dev/null || fail "nvim is needed (Debian: apt-get install neovim)"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/corpus" "$scratch/home" "$scratch/state"
cp "$repo"/examples/* "$scratch/corpus/"
chmod -R u+w "$scratch/corpus"

log="$scratch/out.log"
# A fresh HOME and XDG folders keep the user's configuration and state out of the test.
HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share" \
XDG_STATE_HOME="$scratch/state" XDG_CACHE_HOME="$scratch/home/.cache" \
NEWSLINT_BINARY="$binary" NEWSLINT_CORPUS="$scratch/corpus" \
  timeout 120 nvim --headless --clean -u NONE -i NONE \
    --cmd "set rtp^=$repo/editors/nvim" \
    -c "luafile $here/nvim/test.lua" </dev/null >"$log" 2>&1
status=$?
grep -v '^[0-9]* passed, [0-9]* failed$' "$log"
summary="$(grep '^[0-9]* passed, [0-9]* failed$' "$log" | tail -n 1)"
if [ -z "$summary" ]; then
  echo "run_nvim.sh: nvim exited with status $status before the test finished" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$summary"
if [ "$status" -ne 0 ]; then
  case "$summary" in "0 passed, 0 failed"|*" 0 failed") echo "run_nvim.sh: nvim exited with status $status" >&2; echo "0 passed, 1 failed"; exit 1 ;; esac
fi
[ "$status" -eq 0 ]
