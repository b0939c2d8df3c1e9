#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz (clang-14, ASan + UBSan) and runs each for
# SECONDS_PER_TARGET seconds (default 60) from a copy of its seed corpus in tests/fuzz/corpus.
# Prints the executions per target, keeps the path of any crash file, and ends with
# "N passed, N failed". Exit status: 0 when no target failed.
#
#   tests/fuzz/run.sh            # one minute per target
#   tests/fuzz/run.sh 3600       # a long run: one hour per target
#   NEWSLINT_FUZZ_TARGETS="register_fuzzer" tests/fuzz/run.sh 30   # a subset
#   tests/fuzz/run.sh --volume 3600   # UBSan only, no comparison tracing, in build-fuzz-volume
#
# The volume build runs several times as many inputs a second and sees fewer kinds of fault
# (tests/fuzz/CMakeLists.txt, docs/security.md); CI runs the default build.
set -u
volume=0
if [ "${1:-}" = "--volume" ]; then
  volume=1
  shift
fi
seconds="${1:-60}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
if [ "$volume" -eq 1 ]; then
  build="${NEWSLINT_FUZZ_BUILD_DIR:-$source_dir/build-fuzz-volume}"
  build_flags="-DNEWSLINT_FUZZ_SANITIZERS=undefined -DNEWSLINT_FUZZ_TRACE_CMP=OFF"
else
  build="${NEWSLINT_FUZZ_BUILD_DIR:-$source_dir/build-fuzz}"
  build_flags="-DNEWSLINT_FUZZ_SANITIZERS=address,undefined -DNEWSLINT_FUZZ_TRACE_CMP=ON"
fi
targets="${NEWSLINT_FUZZ_TARGETS:-framing_fuzzer dispatcher_fuzzer extractors_fuzzer register_fuzzer}"
jobs="${NEWSLINT_FUZZ_BUILD_JOBS:-2}"

mkdir -p "$build"
# shellcheck disable=SC2086
CC=clang-14 CXX=clang++-14 cmake -S "$source_dir" -B "$build" -G Ninja \
  -DNEWSLINT_FUZZ=ON -DNEWSLINT_TESTS=OFF -DNEWSLINT_BENCH=OFF $build_flags \
  >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; echo "configure failed"; echo "0 passed, 1 failed"; exit 1; }
# shellcheck disable=SC2086
if ! cmake --build "$build" -j "$jobs" --target $targets; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
total=0
work="$build/fuzz-runs"
mkdir -p "$work"
for target in $targets; do
  corpus="$work/$target/corpus"
  artifacts="$work/$target/artifacts/"
  rm -rf "$corpus"
  mkdir -p "$corpus" "$artifacts"
  cp "$here/corpus/$target/"* "$corpus/"
  log="$work/$target/fuzz.log"
  # The engine targets reach tens of thousands of coverage features. libFuzzer's default
  # (entropic) schedule keeps every rarely hit feature in a list that it searches for each
  # feature of each run, which took about a third of their time under the sanitizers; the
  # plain schedule runs them about 1.5 times as fast for about the same coverage. The
  # extractors target's time grows with its input: with inputs of up to 1 KiB (two short
  # articles) instead of 4 KiB it runs about twice as many a second. The volume build gives
  # the dispatcher target programs of up to 1 KiB too: without the sanitizers' overhead, the
  # JSON of long programs (whole articles pasted, traced verbatim) is most of its time.
  dispatcher_flags="-entropic=0"
  [ "$volume" -eq 1 ] && dispatcher_flags="-entropic=0 -max_len=1024"
  case "$target" in
  dispatcher_fuzzer) flags="$dispatcher_flags" ;;
  extractors_fuzzer) flags="-entropic=0 -max_len=1024" ;;
  *) flags="" ;;
  esac
  # shellcheck disable=SC2086
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
    $flags -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" >"$log" 2>&1
  status=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  execs="${execs:-0}"
  total=$((total + execs))
  crash="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)"
  if [ "$status" -eq 0 ] && [ -z "$crash" ]; then
    passed=$((passed + 1))
    printf '%-20s %12s executions  ok\n' "$target" "$execs"
  else
    failed=$((failed + 1))
    printf '%-20s %12s executions  FAILED (exit %s)\n' "$target" "$execs" "$status"
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|deadly signal' "$log" || true
    echo "  crash file: ${crash:-none written}"
    echo "  log: $log"
  fi
done
echo "total executions: $total"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
