#!/usr/bin/env bash
# Benchmark of `report` over large X per-tweet exports against two
# baselines on the same files: a bare `csv` crate pass that only counts
# records, and DuckDB (installed from PyPI into a private folder) computing
# the same month's totals in the plan's time zone. Two inputs:
#   - many files: FILES × ROWS rows (30 × 100,000 ≈ 1.3 GB) over YEARS years,
#     read one file per core;
#   - one file: ONE_ROWS rows (1,000,000 ≈ 430 MB), read in two halves on
#     two cores (src/exports/halves.rs).
# Prints median wall times, peak memory, the month's figures from both tools
# and the ratios.
#
#   bash benches/report.sh            # RUNS=5 by default
#   FILES=90 YEARS=15 bash benches/report.sh   # 3.9 GB: three times the history, months as dense
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
source benches/lib.sh
prepare synthetic_plan synthetic_exports csv_count
target/release/examples/synthetic_plan "$work/plan" 30000 2>/dev/null
python3 -m pip install --quiet --target "$work/py" duckdb >/dev/null 2>&1 || { echo "duckdb could not be installed" >&2; exit 1; }

compare() { # name, exports folder
  local name=$1 exports=$2
  local report=(target/release/khairukum report --plan "$work/plan" --exports "$exports" --month 2027-06 --today 2031-01-01 --format json)
  local count=(target/release/examples/csv_count "$exports"/x/*.csv)
  cat > "$work/duck.py" <<PY
import duckdb
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
print(con.execute("""
  SELECT count(*), sum(CAST(impressions AS DOUBLE)), sum(CAST(engagements AS DOUBLE))
  FROM read_csv('$exports/x/*.csv', header = true, all_varchar = true, quote = '"', escape = '"')
  WHERE date_trunc('month', timezone('Asia/Riyadh', strptime("time", '%Y-%m-%d %H:%M %z'))) = TIMESTAMP '2027-06-01'
""").fetchall())
PY
  local duck=(env PYTHONPATH="$work/py" python3 "$work/duck.py")
  local files bytes
  files=$(ls "$exports"/x/*.csv | wc -l)
  bytes=$(cat "$exports"/x/*.csv | wc -c)
  echo "== $name"
  printf 'input: %s rows, %.2f GB, %s files\n' "$(("$("${count[@]}")" - files))" "$(echo "$bytes / 1000000000" | bc -l)" "$files"
  echo "DuckDB's month:  $("${duck[@]}")"
  echo "report's month:  $("${report[@]}" | python3 -c 'import json,sys; d=json.load(sys.stdin); print({f["metric"]: f["value"] for f in d["platforms"][0]["figures"][:3]})')"
  local c r d
  c=$(median_ms "${count[@]}"); r=$(median_ms "${report[@]}"); d=$(median_ms "${duck[@]}")
  printf '%-28s %10s ms\n' "csv ByteRecord count" "$c" "khairukum report --month" "$r" "DuckDB, same month" "$d"
  printf 'report peak memory: %s MB\n' "$(peak_mb "${report[@]}")"
  printf 'throughput vs bare csv pass: %.2f (goal ≥ 0.5)\n' "$(echo "$c / $r" | bc -l)"
  printf 'wall time vs DuckDB: %.2f× DuckDB'"'"'s (goal ≤ 1)\n' "$(echo "$r / $d" | bc -l)"
}

target/release/examples/synthetic_exports "$work/many/x" "${FILES:-30}" "${ROWS:-100000}" "${YEARS:-5}"
compare "many files" "$work/many"
rm -rf "$work/many"
target/release/examples/synthetic_exports "$work/one/x" 1 "${ONE_ROWS:-1000000}" "${YEARS:-5}"
compare "one file" "$work/one"
