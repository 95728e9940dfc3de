#!/usr/bin/env bash
# Prints the charity's November report to PDF in headless Chromium, in
# Arabic and English, as the board prints it, and says how many pages each
# takes; the PNGs of the pages are left in target/print/ to look at.
# Installs Chromium, an Arabic font and poppler-utils from Debian when
# they are missing (needs root and the package registry).
#
#   bash scripts/print-report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v pdfinfo >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core poppler-utils >/dev/null
fi
cargo build --quiet --locked --bin khairukum
mkdir -p target/print
for lang in ar en; do
  target/debug/khairukum report --month 2026-11 --today 2026-12-01 --format html \
    --lang "$lang" --output "target/print/report-$lang.html"
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="target/print/report-$lang.pdf" "file://$PWD/target/print/report-$lang.html" 2>/dev/null
  rm -rf "$profile"
  pdftoppm -r 50 -png "target/print/report-$lang.pdf" "target/print/page-$lang"
  printf '%s: %s pages (target/print/report-%s.pdf)\n' "$lang" \
    "$(pdfinfo "target/print/report-$lang.pdf" | awk '/^Pages:/ {print $2}')" "$lang"
done
