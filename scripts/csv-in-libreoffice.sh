#!/usr/bin/env bash
# Opens the CSV files the tool writes in LibreOffice Calc (headless), as a
# person would open them, and fails if any cell became a formula. The cells
# tried are the hostile titles of tests/cases/tasks-csv-formulas (a formula,
# a sign before Arabic text, a no-break space and a full-width `＝` before a
# formula) and the charity's November report; plus a CSV of every shape
# `output::CsvWriter` is tested on, written by the tool's own writer
# (examples/csv_cells.rs), beside the same cells written raw, which must
# become formulas: the check would see one.
#
#   bash scripts/csv-in-libreoffice.sh     # installs LibreOffice Calc if absent
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null; then
  apt-get update -qq && apt-get install -y -qq libreoffice-calc-nogui >/dev/null
fi
cargo build --quiet --bin khairukum --example csv_cells
bin=target/debug/khairukum
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/plan"
cp -r tests/fixtures/tasks-plan/. "$work/plan"
cp -r tests/cases/tasks-csv-formulas/plan/. "$work/plan"
$bin tasks --plan "$work/plan" --today 2026-11-10 --status all --format csv >"$work/tasks.csv" || true
$bin report --month 2026-11 --today 2026-12-01 --format csv >"$work/report.csv"
target/debug/examples/csv_cells inert >"$work/cells.csv"
target/debug/examples/csv_cells raw >"$work/raw.csv"

# Each CSV opened comma-separated with the character set left for
# LibreOffice to find (as its import dialog does), and saved as a flat
# OpenDocument spreadsheet, whose cells say whether they hold a formula.
for name in tasks report cells raw; do
  soffice --headless --norestore -env:UserInstallation=file://"$work/profile" \
    --infilter="CSV:44,34,,1" --convert-to fods --outdir "$work" "$work/$name.csv" >/dev/null 2>&1
  formulas=$({ grep -o 'table:formula="[^"]*"' "$work/$name.fods" || true; } | wc -l)
  printf '%-8s %6s cells with a formula\n' "$name.csv" "$formulas"
  if [ "$name" = raw ]; then
    [ "$formulas" -gt 0 ] || { echo "the raw cells made no formula: the check sees nothing" >&2; exit 1; }
  elif [ "$formulas" -ne 0 ]; then
    grep -o 'table:formula="[^"]*"' "$work/$name.fods" | head >&2
    exit 1
  fi
done
echo "no cell of the tool's CSV files is a formula in LibreOffice"

# Every Arabic cell of the CSV is Arabic in the sheet, and no Hijri date
# became a date.
$bin tasks --today 2026-11-10 --status all --month 2026-11 --format csv >"$work/t.csv"
soffice --headless --norestore -env:UserInstallation=file://"$work/profile" \
  --infilter="CSV:44,34,,1" --convert-to fods --outdir "$work" "$work/t.csv" >/dev/null 2>&1
for name in tasks t; do
  python3 - "$work/$name.csv" "$work/$name.fods" <<'PY'
import csv, re, sys
arabic = re.compile("[\u0621-\u064a]")
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
want = sum(1 for row in rows for cell in row if arabic.search(cell))
fods = open(sys.argv[2], encoding="utf-8").read()
got = sum(1 for c in re.findall(r"<text:p>([^<]*)</text:p>", fods) if arabic.search(c))
hijri_dates = len(re.findall(r'office:date-value="14\d\d-', fods))
print(f"{sys.argv[1].rsplit('/', 1)[1]:<10} {got} Arabic cells of {want}, {hijri_dates} Hijri dates read as dates")
sys.exit(0 if got == want and want > 0 and hijri_dates == 0 else 1)
PY
done

# The workbooks, opened by LibreOffice with no option at all, as a double
# click does: every Arabic cell of the CSV is Arabic there, the due times
# are dates and the Hijri dates text.
$bin tasks --today 2026-11-10 --status all --month 2026-11 --format xlsx --output "$work/t.xlsx"
soffice --headless --norestore -env:UserInstallation=file://"$work/profile" \
  --convert-to fods --outdir "$work/book" "$work/t.xlsx" >/dev/null 2>&1
read -r arabic_csv arabic_xlsx dates hijri_as_text < <(python3 - "$work/t.csv" "$work/book/t.fods" <<'PY'
import csv, re, sys
arabic = re.compile("[\u0621-\u064a]")
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
in_csv = sum(1 for row in rows for cell in row if arabic.search(cell))
fods = open(sys.argv[2], encoding="utf-8").read()
cells = re.findall(r"<text:p>([^<]*)</text:p>", fods)
print(in_csv, sum(1 for c in cells if arabic.search(c)),
      fods.count('office:value-type="date"'),
      sum(1 for c in cells if re.fullmatch(r"14\d\d-\d\d-\d\d AH", c)))
PY
)
printf 't.xlsx   %6s Arabic cells (CSV: %s), %s dates, %s Hijri dates as text\n' \
  "$arabic_xlsx" "$arabic_csv" "$dates" "$hijri_as_text"
[ "$arabic_xlsx" -gt 0 ] && [ "$arabic_xlsx" -eq "$arabic_csv" ] || { echo "Arabic cells lost in the workbook" >&2; exit 1; }
[ "$hijri_as_text" -gt 0 ] && [ "$dates" -gt 0 ] || { echo "dates or Hijri dates read wrong" >&2; exit 1; }
echo "the tasks workbook opens in LibreOffice with its Arabic, dates and Hijri dates right"
