#!/usr/bin/env bash
# Cold `newslint check` over generated corpora (and optionally the Reuters stories), with
# `wc -w` and, when installed by bench/setup-peers.sh, cspell and textlint timed in the same
# run on the same files. Prints markdown tables: times, ratios, growth with N, and recall
# of the findings planted by gen_corpus.
#
#   bench/cold_check.sh [--sizes "1000 10000"] [--peer-sizes "1000 10000"]
#                       [--reuters DIR] [--build DIR] [--no-peers] [--repeat N]
#
# --sizes       corpus sizes (articles); 100000 and 1000000 are allowed
# --peer-sizes  sizes at which cspell and textlint also run (default: every size <= 10000)
# --reuters     also run over a folder of one-file-per-story Reuters articles
#               (make it with: python3 bench/split_reuters.py ../shared/corpora/reuters21578 DIR)
# --build       the build folder holding newslint and gen_corpus (default build-bench)
# --repeat      runs of newslint and wc -w per corpus up to 100,000 articles, of which the
#               one with the median wall time is reported (default 3): a run of two seconds
#               on a shared machine moves by a tenth from one minute to the next. The peers,
#               which run for a minute or more, and the larger corpora run once.
# Corpora are cached in BUILD/corpora/gen-N (delete a folder to regenerate it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
sizes="1000 10000"
peer_sizes=""
reuters=""
build="$root/build-bench"
peers=1
repeat=3
while [ $# -gt 0 ]; do
  case "$1" in
  --sizes) sizes="$2"; shift 2 ;;
  --peer-sizes) peer_sizes="$2"; shift 2 ;;
  --reuters) reuters="$2"; shift 2 ;;
  --build) build="$(cd "$2" && pwd)"; shift 2 ;;
  --no-peers) peers=0; shift ;;
  --repeat) repeat="$2"; shift 2 ;;
  *) echo "usage: $0 [--sizes LIST] [--peer-sizes LIST] [--reuters DIR] [--build DIR] [--no-peers] [--repeat N]" >&2; exit 2 ;;
  esac
done
newslint="$build/cli/newslint"
gen="$build/bench/gen_corpus"
for tool in "$newslint" "$gen"; do
  [ -x "$tool" ] || { echo "missing $tool: build with cmake --build $build" >&2; exit 2; }
done
bin="$here/.peers/node_modules/.bin"
out="$build/cold_check"
mkdir -p "$out" "$build/corpora"
results="$out/results.tsv"
: > "$results"

# timed LABEL CORPUS N DIR RUNS -- COMMAND...: one row of wall, user, sys, peak RSS (KB), of
# the run with the median wall time of RUNS runs.
timed() {
  local label="$1" corpus="$2" n="$3" dir="$4" runs="$5"
  shift 6
  local t="$out/time.txt" all="$out/runs.txt"
  : > "$all"
  for ((k = 0; k < runs; k++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" > "$out/$label-$corpus.out" 2> "$out/$label-$corpus.err" || true
    tail -1 "$t" >> "$all"
  done
  local median
  median=$(sort -n -k1,1 "$all" | sed -n "$(((runs + 1) / 2))p")
  local bytes
  bytes=$(du -sb --exclude=planted.json "$dir" | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\n' "$corpus" "$n" "$bytes" "$label" "$(echo "$median" | tr ' ' '\t')" >> "$results"
}

run_all() {
  local corpus="$1" n="$2" dir="$3" with_peers="$4"
  local runs=1
  [ "$n" -le 100000 ] && runs="$repeat"
  echo "== $corpus ($n articles)" >&2
  # Warm the page cache once so that every tool reads from memory.
  find "$dir" -name '*.txt' -print0 | xargs -0 cat > /dev/null
  timed wc "$corpus" "$n" "$dir" "$runs" -- sh -c "find '$dir' -name '*.txt' -print0 | xargs -0 wc -w | tail -1"
  timed newslint "$corpus" "$n" "$dir" "$runs" -- "$newslint" check "$dir" --format json --fail-on never
  if [ "$with_peers" = 1 ] && [ -x "$bin/cspell" ]; then
    timed cspell "$corpus" "$n" "$dir" 1 -- "$bin/cspell" lint --no-progress --no-summary \
      --config "$here/.peers/cspell.json" "$dir/**/*.txt"
  fi
  if [ "$with_peers" = 1 ] && [ -x "$bin/textlint" ]; then
    timed textlint "$corpus" "$n" "$dir" 1 -- "$bin/textlint" --config "$here/.peers/textlintrc.json" \
      --format compact "$dir/**/*.txt"
  fi
}

gen_version=$("$gen" --version)
for n in $sizes; do
  dir="$build/corpora/gen-$n"
  # A corpus made by another version of the generator is made again.
  if ! grep -q "\"generator\": $gen_version," "$dir/planted.json" 2>/dev/null; then
    rm -rf "$dir"
    "$gen" "$n" "$dir" >&2
  fi
  with=0
  if [ "$peers" = 1 ]; then
    if [ -n "$peer_sizes" ]; then
      for p in $peer_sizes; do [ "$p" = "$n" ] && with=1; done
    elif [ "$n" -le 10000 ]; then
      with=1
    fi
  fi
  run_all "gen" "$n" "$dir" "$with"
  cp "$out/newslint-gen.out" "$out/findings-$n.json"
  cp "$dir/planted.json" "$out/planted-$n.json"
done
if [ -n "$reuters" ]; then
  run_all "reuters" "$(find "$reuters" -name '*.txt' | wc -l)" "$reuters" "$peers"
fi

python3 - "$results" "$out" "$(nproc)" "$repeat" <<'PY'
import json, os, sys
results, out, cores, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = [l.rstrip("\n").split("\t") for l in open(results) if l.strip()]
runs = {}
for corpus, n, size, tool, wall, user, sys_, rss in rows:
    runs.setdefault((corpus, int(n)), {})[tool] = dict(
        bytes=int(size), wall=float(wall), cpu=float(user) + float(sys_), rss=int(rss) / 1024)
print(f"Cold check ({cores} cores). Ratios are within one run; `x wc` = wall time / wc -w's. "
      f"newslint and wc -w: the run of median wall time of {repeat} up to 100,000 articles.\n")
print("| corpus | articles | MB | tool | wall s | CPU s | cores used | peak RSS MB | MB/s per core | x wc -w | newslint faster by |")
print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
for (corpus, n), tools in runs.items():
    mb = next(iter(tools.values()))["bytes"] / 1e6
    wc = tools.get("wc")
    nl = tools.get("newslint")
    for tool in ("newslint", "wc", "cspell", "textlint"):
        t = tools.get(tool)
        if not t:
            continue
        per_core = mb / t["cpu"] if t["cpu"] > 0 else float("inf")
        xwc = t["wall"] / wc["wall"] if wc and wc["wall"] > 0 else float("nan")
        faster = (t["wall"] / nl["wall"]) if nl and tool not in ("newslint", "wc") else None
        print(f"| {corpus} | {n} | {mb:.1f} | {tool} | {t['wall']:.2f} | {t['cpu']:.2f} | "
              f"{t['cpu'] / t['wall']:.2f} | {t['rss']:.0f} | {per_core:.2f} | {xwc:.1f} | "
              f"{'' if faster is None else f'{faster:.1f}x'} |")
gen = sorted((n, t["newslint"]) for (c, n), t in runs.items() if c == "gen" and "newslint" in t)
if gen:
    base_n, base = gen[0]
    print("\nGrowth of newslint with N (per article; ratio to the smallest N):\n")
    print("| articles | wall ms/article | CPU ms/article | RSS / corpus bytes | wall/article ratio | CPU/article ratio |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, t in gen:
        w, c = 1000 * t["wall"] / n, 1000 * t["cpu"] / n
        print(f"| {n} | {w:.3f} | {c:.3f} | {t['rss'] * 1024 * 1024 / t['bytes']:.2f} | "
              f"{w / (1000 * base['wall'] / base_n):.2f} | {c / (1000 * base['cpu'] / base_n):.2f} |")
    print("\nPlanted findings (gen_corpus) found by newslint:\n")
    print("| articles | variants found | first-name | surname | conflicts found | clock | day | other findings |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, _ in gen:
        try:
            findings = json.load(open(os.path.join(out, f"findings-{n}.json")))["findings"]
        except Exception:
            print(f"| {n} | (no JSON report) |||||||")
            continue
        planted = json.load(open(os.path.join(out, f"planted-{n}.json")))
        names = {}
        conflicts = {}
        for f in findings:
            doc = f["location"]["document"]
            if f["code"].startswith("name-variant"):
                names.setdefault(doc, set()).add(f["flagged"])
            elif f["code"] == "date-conflict":
                conflicts.setdefault(doc, []).append(f)
        explained = set()
        def frac(items):
            found = sum(1 for i in items if i)
            return f"{found}/{len(items)}" + (f" ({100 * found / len(items):.0f}%)" if items else "")
        vfound, vkind = [], {"first-name": [], "surname": []}
        for v in planted["variants"]:
            ok = v["spelling"] in names.get(v["file"], set())
            vfound.append(ok)
            vkind[v["kind"]].append(ok)
            if ok:
                explained.add(("n", v["file"], v["spelling"]))
        cfound, ckind = [], {"clock": [], "day": []}
        story_files = set()
        for c in planted["conflicts"]:
            ok = c["file"] in conflicts
            cfound.append(ok)
            ckind[c["kind"]].append(ok)
            story_files.update(c["story"])
        other = 0
        for f in findings:
            doc = f["location"]["document"]
            if f["code"].startswith("name-variant") and ("n", doc, f["flagged"]) in explained:
                continue
            if f["code"] == "date-conflict" and doc in story_files:
                continue
            other += 1
        print(f"| {n} | {frac(vfound)} | {frac(vkind['first-name'])} | {frac(vkind['surname'])} | "
              f"{frac(cfound)} | {frac(ckind['clock'])} | {frac(ckind['day'])} | {other} |")
PY
