#!/usr/bin/env bash
# Emacs (eglot) end-to-end test of editors/emacs/newslint.el against the built server, on a
# copy of examples/. Ends with a line `N passed, N failed`.
#
#   tests/e2e/run_emacs.sh /abs/path/to/newslint
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
binary="${1:-${NEWSLINT_BINARY:-$repo/build/cli/newslint}}"

fail() { echo "run_emacs.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }
[ -x "$binary" ] || fail "no newslint executable at $binary"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
command -v emacs >/dev/null || fail "emacs is needed (Debian: apt-get install emacs-nox elpa-eglot)"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/corpus" "$scratch/home"
cp "$repo"/examples/* "$scratch/corpus/"
chmod -R u+w "$scratch/corpus"

log="$scratch/out.log"
# A fresh HOME keeps the user's init files and package state out of the test.
HOME="$scratch/home" NEWSLINT_BINARY="$binary" NEWSLINT_CORPUS="$scratch/corpus" \
  timeout 120 emacs --batch -Q -l "$here/emacs/test.el" </dev/null >"$log" 2>"$scratch/err.log"
status=$?
grep -v '^[0-9]* passed, [0-9]* failed$' "$log"
summary="$(grep '^[0-9]* passed, [0-9]* failed$' "$log" | tail -n 1)"
if [ -z "$summary" ] || [ "$status" -ne 0 ]; then
  echo "-- emacs messages (stderr):" >&2
  tail -n 40 "$scratch/err.log" >&2
fi
if [ -z "$summary" ]; then
  echo "run_emacs.sh: emacs exited with status $status before the test finished" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$summary"
[ "$status" -eq 0 ]
