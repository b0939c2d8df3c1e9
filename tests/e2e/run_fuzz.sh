#!/usr/bin/env bash
# CI entry point for the libFuzzer targets: 45 seconds per target from the seed corpora.
# The BINARY argument (the newslint executable, passed to every e2e script) is not used:
# the targets are built separately in build-fuzz.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../fuzz/run.sh" 45
