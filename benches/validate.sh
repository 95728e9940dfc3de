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

source benches/lib.sh

printf '%-22s %10s %12s %10s\n' plan items "median ms" "peak MB"
printf '%-22s %10s %12s %10s\n' plans/ "$(grep -c '^  - id:' plans/calendar/*.yaml | awk -F: '{s+=$2} END {print s}')" \
  "$(median_ms $bin plan validate --plan plans)" "$(peak_mb $bin plan validate --plan plans)"
for items in 30000 60000 120000; do
  target/release/examples/synthetic_plan "$work/$items" "$items" 2>/dev/null
  $bin plan validate --plan "$work/$items" >/dev/null # warm the page cache
  printf '%-22s %10s %12s %10s\n' "synthetic" "$items" \
    "$(median_ms $bin plan validate --plan "$work/$items")" "$(peak_mb $bin plan validate --plan "$work/$items")"
done
