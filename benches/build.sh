#!/usr/bin/env bash
# Cold build time and binary size of the two profiles: `release` (what the
# README's first command builds) and `dist` (the prebuilt binaries of a
# release). Each is built in an empty target folder of its own, on all
# cores, so the crates are compiled as on a fresh clone.
#
#   bash benches/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-8s %12s %12s\n' profile "cold build" "binary MB"
for profile in release dist; do
  start=$(date +%s%N)
  cargo build --profile "$profile" --locked --quiet --target-dir "$work/$profile" --bin khairukum
  end=$(date +%s%N)
  size=$(stat -c %s "$work/$profile/$profile/khairukum")
  printf '%-8s %10s s %12s\n' "$profile" "$(((end - start) / 1000000000))" \
    "$(awk -v b="$size" 'BEGIN {printf "%.1f", b / 1000000}')"
done
