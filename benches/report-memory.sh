#!/usr/bin/env bash
# Benchmark of the report's memory as the posts of a month grow: one X
# export of a year at three sizes (×1, ×4, ×16: about 6,250, 25,000 and
# 100,000 posts a month) against a synthetic 7,500-item plan. January has
# only its own posts in the trend's twelve months; June has the year's
# first six. Prints the median wall time over RUNS runs and the peak
# memory of `report --format csv` for each.
#
#   bash benches/report-memory.sh      # RUNS=3 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
source benches/lib.sh
prepare synthetic_plan synthetic_exports
target/release/examples/synthetic_plan "$work/plans" 7500 2>/dev/null

printf '%-10s %-8s %10s %10s\n' "posts/mo" month "median ms" "peak MB"
for scale in 1 4 16; do
  rows=$((75000 * scale))
  target/release/examples/synthetic_exports "$work/exports-$scale" 1 "$rows" 1 2>/dev/null
  for month in 2026-01 2026-06; do
    args=(report --plan "$work/plans" --exports "$work/exports-$scale" --month "$month" --today 2031-01-01 --format csv)
    printf '%-10s %-8s %10s %10s\n' "$((rows / 12))" "$month" \
      "$(median_ms "$bin" "${args[@]}")" "$(peak_mb "$bin" "${args[@]}")"
  done
  rm -rf "$work/exports-$scale"
done
