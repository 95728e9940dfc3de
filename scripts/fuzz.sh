#!/usr/bin/env bash
# Fuzz the plan loader, its lean YAML path against the full reader, a
# month read in pieces against the month read whole, the
# export importers and X's counter with cargo-fuzz (libFuzzer, nightly),
# SECONDS each, and print what each run did.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     # 300 s each by default
#
# The committed seed corpus (fuzz/corpus/TARGET) is copied into a working
# corpus under target/fuzz/, so a run never changes it. A crash is written
# to target/fuzz/artifacts/TARGET/; minimise it (cargo +nightly fuzz tmin),
# add it to fuzz/corpus/TARGET/ as crash-NAME, and fix it: the ordinary test
# tests/integration/fuzz_corpus.rs replays every file there on stable.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
if [ $# -gt 0 ]; then targets=("$@"); else targets=(plan_file export_file post_text lean_reader month_pieces ad_workbook git_log); fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cargo +nightly fuzz build -O
for target in "${targets[@]}"; do
  work=target/fuzz/corpus/$target
  artifacts=target/fuzz/artifacts/$target
  mkdir -p "$work" "$artifacts"
  cp -n fuzz/corpus/"$target"/* "$work"/ 2>/dev/null || true
  log=target/fuzz/$target.log
  set +e
  cargo +nightly fuzz run -O "$target" "$work" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || echo '?')
  crashes=$(find "$artifacts" -type f | wc -l)
  printf '%-12s %5ss  %10s runs  %7s/s  coverage %6s  corpus %6s  crashes %s  (exit %s, %s)\n' \
    "$target" "$seconds" "$runs" "$speed" "$cov" "$(find "$work" -type f | wc -l)" "$crashes" "$status" "$log"
done
