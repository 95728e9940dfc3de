#!/usr/bin/env bash
# Benchmark of reading a large ad-spend workbook (Meta Ads Manager XLSX):
# a real export's sheet (tests/ads/meta-campaigns.Mohrizk90.xlsx) with its
# data row repeated to 50,000, 200,000 and 800,000 rows (×1, ×4, ×16), read
# by `khairukum exports`. Prints the median wall time over RUNS runs and
# the peak memory.
#
#   bash benches/xlsx.sh                 # RUNS=3 by default
#   SIZES="800000" bash benches/xlsx.sh  # one size
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
source benches/lib.sh
prepare

make_workbook() { # rows → path
  python3 - "$1" "$work/ads-$1/2026-11/ads/meta.xlsx" <<'PY'
import os, re, sys, zipfile
rows, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(os.path.dirname(out), exist_ok=True)
src = zipfile.ZipFile("tests/ads/meta-campaigns.Mohrizk90.xlsx")
sheet = src.read("xl/worksheets/sheet1.xml").decode()
head, rest = sheet.split("<sheetData>")
data, tail = rest.split("</sheetData>")
first = re.search(r'<row r="1".*?</row>', data).group(0)
template = re.search(r'<row r="2".*?</row>', data).group(0)
def row(n):
    return re.sub(r'(r=")([A-Z]+)2(")', lambda m: f"{m.group(1)}{m.group(2)}{n}{m.group(3)}",
                  template.replace('<row r="2"', f'<row r="{n}"'))
head = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:N{rows + 1}"/>', head)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        if item.filename == "xl/worksheets/sheet1.xml":
            with dst.open("xl/worksheets/sheet1.xml", "w") as f:
                f.write((head + "<sheetData>" + first).encode())
                for n in range(2, rows + 2):
                    f.write(row(n).encode())
                f.write(("</sheetData>" + tail).encode())
        else:
            dst.writestr(item, src.read(item.filename))
PY
}

printf '%-8s %10s %10s %10s\n' rows "file MB" "ms" "peak MB"
for rows in ${SIZES:-50000 200000 800000}; do
  make_workbook "$rows"
  size=$(stat -c %s "$work/ads-$rows/2026-11/ads/meta.xlsx")
  args=(exports --plan plans --exports "$work/ads-$rows")
  printf '%-8s %10s %10s %10s\n' "$rows" "$(awk -v b="$size" 'BEGIN {printf "%.1f", b / 1000000}')" \
    "$(median_ms "$bin" "${args[@]}")" "$(peak_mb "$bin" "${args[@]}")"
done
