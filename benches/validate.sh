#!/usr/bin/env bash
# Benchmark of `plan validate`: the charity's own plan, then synthetic plans
# of 5 years × 30,000 items (1×), 60,000 (2×) and 120,000 (4×) in 60 monthly
# files — realistic items: Arabic titles and texts with a link and hashtags,
# one or two platforms each, post links once published. Reports the median
# wall time of RUNS runs and the peak memory of one run, then where the time
# of the 1× plan goes, phase by phase (`examples/validate_phases.rs`).
#
#   bash benches/validate.sh            # RUNS=10 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
source benches/lib.sh
prepare synthetic_plan validate_phases
# The synthetic calendar runs to 2030: a day after it, nothing is "published in the future".
today=(--today 2031-01-01)

printf '%-22s %10s %10s %12s %10s\n' plan items MB "median ms" "peak MB"
printf '%-22s %10s %10s %12s %10s\n' plans/ "$(grep -c '^  - id:' plans/calendar/*.yaml | awk -F: '{s+=$2} END {print s}')" \
  "$(du -sb plans | awk '{printf "%.2f", $1/1e6}')" \
  "$(median_ms $bin plan validate --plan plans)" "$(peak_mb $bin plan validate --plan plans)"
for items in 30000 60000 120000; do
  target/release/examples/synthetic_plan "$work/$items" "$items" 2>/dev/null
  # The synthetic plan is clean: a finding would mean the benchmark measures rendering.
  $bin plan validate --plan "$work/$items" "${today[@]}" >"$work/out" && grep -q '^0 errors, 0 warnings' "$work/out" ||
    { tail -n 3 "$work/out"; echo "the synthetic plan of $items items is not clean" >&2; exit 1; }
  printf '%-22s %10s %10s %12s %10s\n' "synthetic" "$items" \
    "$(du -sb "$work/$items" | awk '{printf "%.2f", $1/1e6}')" \
    "$(median_ms $bin plan validate --plan "$work/$items" "${today[@]}")" \
    "$(peak_mb $bin plan validate --plan "$work/$items" "${today[@]}")"
done
echo
echo "30,000 items, phase by phase:"
target/release/examples/validate_phases "$work/30000" 2031-01-01
echo
# The 120,000-item plan on a day before most of it: every item marked
# published after that day is a finding (KH067), 19,543 of them. The human
# format shows the first 50 of a rule by default; --all renders every one,
# which must cost no more than twice the JSON format's time.
findings=(--today 2026-12-04)
printf '%-34s %12s %10s\n' "120,000 items, 19,543 findings" "median ms" "peak MB"
for format in "human" "human --all" "json" "github" "sarif"; do
  args=(--format ${format%% *}); [[ $format == *--all ]] && args+=(--all)
  printf '%-34s %12s %10s\n' "$format" \
    "$(median_ms $bin plan validate --plan "$work/120000" "${findings[@]}" "${args[@]}")" \
    "$(peak_mb $bin plan validate --plan "$work/120000" "${findings[@]}" "${args[@]}")"
done
