#!/usr/bin/env bash
# VS Code end-to-end test of editors/vscode against the built server: packages the extension
# (.vsix with @vscode/vsce), installs it into code-server 4.100.3 (a real VS Code, pinned in
# tests/e2e/vscode/package-lock.json), opens the workbench on a copy of examples/ in Debian's
# Chromium through playwright-core, and checks the extension through the VS Code API from a
# test-only extension (the gate), then screenshots the squiggles, the Problems panel and a
# hover (the UI smoke). Ends with a line `N passed, N failed`.
#
#   tests/e2e/run_vscode.sh /abs/path/to/newslint
#
# Installs are cached under build/vscode-e2e/ (keyed by the lockfiles); the screenshot is
# written to build/vscode-e2e/out/vscode-newslint.png.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
binary="${1:-${NEWSLINT_BINARY:-$repo/build/cli/newslint}}"
cache="${NEWSLINT_VSCODE_CACHE:-$repo/build/vscode-e2e}"
out="$cache/out"

fail() { echo "run_vscode.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }
[ -x "$binary" ] || fail "no newslint executable at $binary"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are needed"

mkdir -p "$out"
rm -f "$out"/*.png "$out/summary.txt"
start=$(date +%s)

# 1. code-server and playwright-core (once per lockfile; about a minute on a fresh machine).
echo "== installing code-server 4.100.3 and playwright-core into $cache (cached)"
if ! timeout 300 bash "$here/vscode/install.sh" "$cache" >"$out/install.log" 2>&1; then
  tail -n 30 "$out/install.log" >&2
  fail "installing code-server failed (log: $out/install.log)"
fi
[ -x /usr/bin/chromium ] || fail "Debian's chromium is needed at /usr/bin/chromium"

# 2. The extension and the test-only probe, packaged as .vsix files.
echo "== packaging editors/vscode"
vsix="$out/newslint.vsix"
probe="$out/newslint-e2e.vsix"
# npm ci only when the lockfile changed since the last one (it starts from an empty
# node_modules each time).
lock_sum="$(sha256sum "$repo/editors/vscode/package-lock.json" | cut -d' ' -f1)"
lock_stamp="$repo/editors/vscode/node_modules/.newslint-lock.sha256"
(
  cd "$repo/editors/vscode" &&
    { [ "$(cat "$lock_stamp" 2>/dev/null)" = "$lock_sum" ] ||
      { npm ci --no-audit --no-fund --loglevel=error && echo "$lock_sum" > "$lock_stamp"; }; } &&
    npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository --out "$vsix" &&
    cd "$here/vscode/test-extension" &&
    "$repo/editors/vscode/node_modules/.bin/vsce" package --skip-license --allow-missing-repository --out "$probe"
) >"$out/package.log" 2>&1 || { tail -n 30 "$out/package.log" >&2; fail "packaging the extension failed (log: $out/package.log)"; }

# 3. code-server + Chromium: the API gate and the UI smoke.
echo "== running code-server with the extension"
timeout 400 node "$here/vscode/run.js" --binary "$binary" --vsix "$vsix" --probe "$probe" \
  --cache "$cache" --out "$out"
status=$?
summary="$(cat "$out/summary.txt" 2>/dev/null)"
if [ -f "$out/vscode-newslint.png" ]; then
  echo "screenshot: $out/vscode-newslint.png"
fi
echo "time: $(( $(date +%s) - start )) s"
if [ -z "$summary" ]; then
  echo "run_vscode.sh: the test stopped before reporting (status $status); code-server log: $out/code-server.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
[ "$status" -eq 0 ] || echo "code-server log: $out/code-server.log"
echo "$summary"
[ "$status" -eq 0 ]
