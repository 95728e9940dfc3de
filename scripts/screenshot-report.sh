#!/usr/bin/env bash
# Renders the charity's November report as HTML and photographs it in
# headless Chromium, to look at the right-to-left layout, the Arabic
# shaping and the charts. Installs Chromium and an Arabic font from Debian
# when they are missing (needs root and the package registry).
#
#   bash scripts/screenshot-report.sh [OUT.png]
#   PLAN=examples/food-bank/plans bash scripts/screenshot-report.sh target/food-bank.png
#   PERIOD="--year 1448 AH" bash scripts/screenshot-report.sh target/year-1448.png
#   HEIGHT=6000 bash scripts/screenshot-report.sh   # a taller window, to see the whole page
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/report-2026-11.png}
plan=${PLAN:-plans}
period=${PERIOD:---month 2026-11}
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
# shellcheck disable=SC2086 # the period is words: --year 1448 AH
cargo run --release --quiet -- report --plan "$plan" $period --today 2026-12-01 --format html --output target/report.html
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1200,"${HEIGHT:-3400}" \
  --screenshot="$out" "file://$PWD/target/report.html" 2>/dev/null
test -s "$out"
echo "wrote $out"
