#!/usr/bin/env bash
# Installs the prose linters the cold-check benchmark compares against (cspell, textlint
# with a small English rule set) into bench/.peers/, from npm. Only the benchmark uses them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
peers="$here/.peers"
mkdir -p "$peers"
cd "$peers"
[ -f package.json ] || echo '{"name": "newslint-bench-peers", "private": true}' > package.json
npm install --no-audit --no-fund --loglevel=error \
  cspell@9.8.0 \
  textlint@15 \
  textlint-rule-common-misspellings@1 \
  textlint-rule-sentence-length@5 \
  textlint-rule-en-capitalization@2
# textlint's rule configuration, used by bench/cold_check.sh (`--config`).
cat > "$peers/textlintrc.json" <<'JSON'
{
  "rules": {
    "common-misspellings": true,
    "sentence-length": {"max": 200},
    "en-capitalization": true
  }
}
JSON
# cspell's configuration: English, no per-file size limit below the article size.
cat > "$peers/cspell.json" <<'JSON'
{
  "version": "0.2",
  "language": "en",
  "ignorePaths": []
}
JSON
"$peers/node_modules/.bin/cspell" --version
"$peers/node_modules/.bin/textlint" --version
