#!/usr/bin/env bash
# Benchmark of `plan validate`: the charity's own plan, then synthetic plans of
# 5 years × 30,000 / 60,000 / 120,000 calendar items in 60 monthly files.
# Reports the median wall time of RUNS runs and the peak memory of one run.
#
#   bash benches/validate.sh            # RUNS=10 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
cargo build --release --quiet --bin khairukum --example synthetic_plan
bin=target/release/khairukum
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median_ms() { # command... → median wall milliseconds over $RUNS runs
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

peak_mb() { # command... → peak resident memory in MB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'
}

printf '%-22s %10s %12s %10s\n' plan items "median ms" "peak MB"
printf '%-22s %10s %12s %10s\n' plans/ "$(grep -c '^  - id:' plans/calendar/*.yaml | awk -F: '{s+=$2} END {print s}')" \
  "$(median_ms $bin plan validate --plan plans)" "$(peak_mb $bin plan validate --plan plans)"
for items in 30000 60000 120000; do
  target/release/examples/synthetic_plan "$work/$items" "$items" 2>/dev/null
  $bin plan validate --plan "$work/$items" >/dev/null # warm the page cache
  printf '%-22s %10s %12s %10s\n' "synthetic" "$items" \
    "$(median_ms $bin plan validate --plan "$work/$items")" "$(peak_mb $bin plan validate --plan "$work/$items")"
done
