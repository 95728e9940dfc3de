#!/usr/bin/env bash
# Benchmark of joining exported posts to the planned items (`report`'s
# reconciliation): a synthetic 5-year plan and an X export of one year, at
# three sizes (×1, ×4, ×16: 7,500 items and 62,500 rows up to 120,000 items
# and 1,000,000 rows). Each is timed with the plan's items and, for the
# cost of the join alone, with a plan of no items in the month.
#
#   bash benches/join.sh            # RUNS=3 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
source benches/lib.sh
prepare synthetic_plan synthetic_exports

printf '%-9s %-9s %14s %14s %10s\n' items rows "items ms" "no items ms" "peak MB"
for scale in 1 4 16; do
  items=$((7500 * scale)) rows=$((62500 * scale))
  target/release/examples/synthetic_plan "$work/plans-$scale" "$items" 2>/dev/null
  target/release/examples/synthetic_exports "$work/exports-$scale" 1 "$rows" 1 2>/dev/null
  # The same plan with June's calendar emptied: the join has nothing to do.
  cp -r "$work/plans-$scale" "$work/empty-$scale"
  printf 'month: 2026-06\nstatus: approved\nitems: []\n' >"$work/empty-$scale/calendar/2026-06.yaml"
  args=(report --exports "$work/exports-$scale" --month 2026-06 --today 2031-01-01 --format json)
  printf '%-9s %-9s %14s %14s %10s\n' "$items" "$rows" \
    "$(median_ms $bin "${args[@]}" --plan "$work/plans-$scale")" \
    "$(median_ms $bin "${args[@]}" --plan "$work/empty-$scale")" \
    "$(peak_mb $bin "${args[@]}" --plan "$work/plans-$scale")"
done
