#!/usr/bin/env bash
# Installs code-server (pinned in package-lock.json) and playwright-core into CACHE, once per
# lockfile: npm ci as root, with the build of code-server's native modules (kerberos needs
# Debian's libkrb5-dev and pkg-config) and @vscode/ripgrep's download served from Debian's
# ripgrep. HOME, TMPDIR and the XDG folders point into CACHE so nothing lands elsewhere.
#
#   tests/e2e/vscode/install.sh CACHE
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="$1"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
stamp="$cache/installed.sha256"
want="$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$cache/node_modules/.bin/code-server" ]; then
  exit 0
fi

missing=()
for p in libkrb5-dev pkg-config ripgrep chromium python3 make g++; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: installing Debian packages ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

rm -rf "$cache/node_modules" "$cache/home" "$cache/tmp"
mkdir -p "$cache/home" "$cache/tmp"
cp "$here/package.json" "$here/package-lock.json" "$cache/"

# @vscode/ripgrep downloads rg from its release page unless the archive is already in its
# cache folder under TMPDIR; Debian's rg serves instead.
rgcache="$cache/tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rgcache/rg"
cp "$(command -v rg)" "$rgcache/rg/rg"
tar -C "$rgcache/rg" -czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
rm -rf "$rgcache/rg"

# Native modules (argon2, kerberos, ...) build against the installed Node's headers: their
# prebuilt binaries and node-gyp's header download are out of reach.
nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [ ! -f "$nodedir/include/node/node_api.h" ]; then
  echo "install.sh: Node's headers are missing ($nodedir/include/node/node_api.h);" \
    "install Node with its headers (Debian: libnode-dev)" >&2
  exit 1
fi

cd "$cache"
HOME="$cache/home" TMPDIR="$cache/tmp" XDG_CACHE_HOME="$cache/home/.cache" \
XDG_CONFIG_HOME="$cache/home/.config" XDG_DATA_HOME="$cache/home/.local/share" \
npm_config_unsafe_perm=true npm_config_yes=true npm_config_cache="$cache/home/.npm" \
  npm_config_nodedir="$nodedir" npm_config_update_notifier=false \
  npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
