#!/usr/bin/env bash
# Benchmark of `tasks` on the synthetic 5-year plan of 30,000 items (and 2×):
# one person's month as a table, and a whole year as iCalendar.
#
#   bash benches/tasks.sh            # RUNS=10 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
source benches/lib.sh
prepare synthetic_plan

printf '%-8s %-44s %12s %10s\n' items command "median ms" "peak MB"
for items in 30000 60000; do
  target/release/examples/synthetic_plan "$work/$items" "$items" 2>/dev/null
  month=(tasks --plan "$work/$items" --owner sara --month 2028-06 --today 2028-06-01)
  year=(tasks --plan "$work/$items" --from 2028-01-01 --to 2028-12-31 --status all --format ics --today 2028-06-01)
  $bin "${month[@]}" >/dev/null
  printf '%-8s %-44s %12s %10s\n' "$items" "--owner sara --month 2028-06" "$(median_ms $bin "${month[@]}")" "$(peak_mb $bin "${month[@]}")"
  printf '%-8s %-44s %12s %10s\n' "$items" "--format ics, all of 2028 ($($bin "${year[@]}" | grep -c BEGIN:VEVENT) tasks)" \
    "$(median_ms $bin "${year[@]}")" "$(peak_mb $bin "${year[@]}")"
done
