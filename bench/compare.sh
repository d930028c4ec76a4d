#!/usr/bin/env bash
# Times docket against the floor (pulldown-cmark alone, bench/floor.rs) and against mdBook,
# and log4brains and adrs when they are installed, on generated corpora of 100, 1,000 and
# 10,000 records, in one run. Prints a table of medians, ratios and peak memory and writes it
# into docs/performance.md.
#
#   bench/compare.sh                # 100 1000 10000
#   bench/compare.sh 100 1000       # other sizes
#
# Installs what it needs: hyperfine (apt-get), mdBook (cargo install, into target/bench-tools
# unless `mdbook` is on PATH). Corpora and outputs go to target/bench (BENCH_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
work=${BENCH_DIR:-target/bench}
tools=${BENCH_TOOLS:-target/bench-tools}
mkdir -p "$work" "$tools"
work=$(cd "$work" && pwd)
tools=$(cd "$tools" && pwd)

if ! command -v hyperfine >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq hyperfine >/dev/null
fi
if command -v mdbook >/dev/null 2>&1; then
  mdbook=$(command -v mdbook)
else
  mdbook=$tools/bin/mdbook
  [ -x "$mdbook" ] || cargo install mdbook --locked --quiet --root "$tools"
fi
log4brains=$(command -v log4brains || true)
adrs=$(command -v adrs || true)

cargo build --release --locked --quiet --bin docket --example gen-corpus --example floor
docket=$PWD/target/release/docket
floor=$PWD/target/release/examples/floor
gen=$PWD/target/release/examples/gen-corpus

# Peak resident memory of one run, in KiB.
peak() {
  local file=$work/peak.txt
  /usr/bin/time -f '%M' -o "$file" "$@" >/dev/null 2>&1 || true
  tail -1 "$file"
}

# Median milliseconds of a one-record change under `docket serve`: three edits, each timed
# by serve itself ("Rebuilt ... in N ms").
serve_rebuild() {
  local recs=$1 log=$work/serve.log
  local file
  file=$(find "$recs" -name '*.md' | sort | sed -n '2p')
  cp "$file" "$work/serve-original.md"
  rm -rf "$work/out/serve"
  "$docket" serve "$recs" --out "$work/out/serve" --port 0 >"$log" 2>&1 &
  local pid=$!
  local want=0
  for _ in $(seq 1 1200); do grep -q '^Serving' "$log" && break; sleep 0.5; done
  for k in 1 2 3; do
    printf '\nEdited for the benchmark, round %s.\n' "$k" >>"$file"
    want=$((want + 1))
    for _ in $(seq 1 1200); do
      [ "$(grep -c '^Rebuilt' "$log" || true)" -ge "$want" ] && break
      sleep 0.25
    done
    sleep 1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  cp "$work/serve-original.md" "$file"
  grep '^Rebuilt' "$log" | sed -E 's/.* in ([0-9.]+) ms.*/\1/' | sort -n | sed -n '2p'
}

results=$work/results.tsv
: >"$results"
for n in "${sizes[@]}"; do
  corpus=$work/c$n
  recs=$corpus/src/records
  if [ ! -f "$corpus/book.toml" ]; then
    rm -rf "$corpus"
    "$gen" --n "$n" --seed 1 --out "$corpus" --mdbook
  fi
  bytes=$(find "$recs" -name '*.md' -print0 | xargs -0 cat | wc -c)
  out=$work/out
  echo "== $n records ($bytes bytes)"
  hyperfine --style basic --warmup 1 --min-runs 5 --ignore-failure \
    --prepare "rm -rf $out" \
    --export-json "$work/docket-$n.json" \
    -n floor-parse "$floor parse $recs" \
    -n floor-render "$floor render $recs $out/floor" \
    -n docket-export "$docket export $recs" \
    -n docket-lint "$docket lint $recs" \
    -n docket-build "$docket build $recs --out $out/site"
  others=(mdbook-build "$mdbook build $corpus -d $out/book")
  if [ -n "$log4brains" ]; then
    printf 'project:\n  name: Generated decisions\n  tz: UTC\n  adrFolder: ./src/records\n' \
      >"$corpus/.log4brains.yml"
    others+=(log4brains-build "cd $corpus && $log4brains build --out $out/log4brains")
  fi
  if [ -n "$adrs" ]; then
    echo "src/records" >"$corpus/.adr-dir"
    others+=(adrs-doctor "cd $corpus && $adrs doctor")
  fi
  # The other tools take minutes at 10,000 records: each is timed by /usr/bin/time (wall
  # time and peak memory together), three runs below 10,000 records and one from there.
  runs=3
  [ "$n" -lt 10000 ] || runs=1
  for ((i = 0; i < ${#others[@]}; i += 2)); do
    name=${others[i]} cmd=${others[i + 1]}
    for ((r = 0; r < runs; r++)); do
      rm -rf "$out"
      echo "  $name, run $((r + 1)) of $runs"
      /usr/bin/time -f "other\t$n\t$name\t%e\t%M" -a -o "$results" bash -c "$cmd" >/dev/null 2>&1 || true
    done
  done
  {
    printf 'corpus\t%s\t%s\n' "$n" "$bytes"
    printf 'peak\t%s\tfloor-parse\t%s\n' "$n" "$(peak "$floor" parse "$recs")"
    printf 'peak\t%s\tfloor-render\t%s\n' "$n" "$(peak "$floor" render "$recs" "$out/floor")"
    printf 'peak\t%s\tdocket-export\t%s\n' "$n" "$(peak "$docket" export "$recs")"
    printf 'peak\t%s\tdocket-lint\t%s\n' "$n" "$(peak "$docket" lint "$recs")"
    rm -rf "$out/site"
    printf 'peak\t%s\tdocket-build\t%s\n' "$n" "$(peak "$docket" build "$recs" --out "$out/site")"
    printf 'serve\t%s\t%s\n' "$n" "$(serve_rebuild "$recs")"
  } >>"$results"
done

python3 bench/table.py "$work" docs/performance.md
