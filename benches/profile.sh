#!/usr/bin/env bash
# How the release profile was chosen: each candidate built cold (its own
# target folder, both cores), then its binary size and the median time of
# `report` and `plan validate` on synthetic input.
#
#   bash benches/profile.sh           # RUNS=5, FILES=10 X exports of 100,000 rows
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
source benches/lib.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name | LTO | codegen units | strip
candidates=(
  "default|false|16|none"
  "thin-lto|thin|16|none"
  "fat-lto-cgu1|fat|1|none"
  "fat-lto-cgu1-strip|fat|1|symbols"
)
printf '%-20s %12s %10s %12s %12s\n' profile "cold build" size "report ms" "validate ms"
for candidate in "${candidates[@]}"; do
  IFS='|' read -r name lto units strip <<<"$candidate"
  target="$work/target-$name"
  start=$(date +%s)
  CARGO_PROFILE_RELEASE_LTO=$lto CARGO_PROFILE_RELEASE_CODEGEN_UNITS=$units \
    CARGO_PROFILE_RELEASE_STRIP=$strip CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_PROFILE_RELEASE_PANIC=unwind CARGO_PROFILE_RELEASE_OPT_LEVEL=3 \
    cargo build --release --locked --quiet --target-dir "$target" \
    --bin khairukum --example synthetic_plan --example synthetic_exports
  built=$(($(date +%s) - start))
  bin="$target/release/khairukum"
  if [ ! -d "$work/plan" ]; then
    "$target/release/examples/synthetic_plan" "$work/plan" 30000 2>/dev/null
    "$target/release/examples/synthetic_exports" "$work/exports/x" "${FILES:-10}" "${ROWS:-100000}" "${YEARS:-5}"
  fi
  size=$(stat -c %s "$bin")
  r=$(median_ms "$bin" report --plan "$work/plan" --exports "$work/exports" --month 2027-06 --today 2031-01-01 --format json)
  v=$(median_ms "$bin" plan validate --plan "$work/plan" --format json)
  printf '%-20s %10ss %8.1fMB %12s %12s\n' "$name" "$built" "$(echo "$size/1000000" | bc -l)" "$r" "$v"
done
