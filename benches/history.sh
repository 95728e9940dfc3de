#!/usr/bin/env bash
# Benchmark of reading the plan's git history (the team section of
# `report`): a repository of the charity's plan and exports whose November
# calendar is committed COMMITS times in November (each commit edits a line
# in place, every fifth an item's status), made with git fast-import.
# Prints the median wall time of `report --month 2026-11` over RUNS runs and
# its peak memory, for 625, 2,500, 5,000 and 10,000 commits.
#
#   bash benches/history.sh            # RUNS=5 by default
#   SIZES="10000" bash benches/history.sh  # one size
#   KEEP=/tmp/history bash benches/history.sh  # keep the repositories
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
cargo build --release --quiet --bin khairukum
bin=$PWD/target/release/khairukum
if [ -n "${KEEP:-}" ]; then # keep the repositories in $KEEP, to profile
  work=$KEEP
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
source benches/lib.sh

make_repo() { # folder commits
  local repo=$1 commits=$2
  git init -q -b main "$repo"
  cp -r plans "$repo/plans"
  cp -r examples/exports "$repo/exports"
  python3 - "$repo" "$commits" <<'EOF' | git -C "$repo" fast-import --quiet
import os, sys
repo, commits = sys.argv[1], int(sys.argv[2])
def blob(text):
    data = text.encode()
    return b"blob\ndata %d\n" % len(data) + data + b"\n"
out = sys.stdout.buffer
files = {}
for root, _, names in os.walk(os.path.join(repo, "plans")):
    for name in names:
        path = os.path.join(root, name)
        files[os.path.relpath(path, repo)] = open(path, encoding="utf-8").read()
november = "plans/calendar/2026-11.yaml"
lines = files[november].split("\n")
start = 1761955200  # 2025-11-01, before the plan's history begins
# The first commit holds the plan as shipped; then November is edited.
out.write(b"commit refs/heads/main\ncommitter Bench <b@example.org> %d +0300\ndata 4\nplan\n" % start)
for path, text in sorted(files.items()):
    data = text.encode()
    out.write(b"M 100644 inline %s\ndata %d\n" % (path.encode(), len(data)) + data + b"\n")
november_start = 1793480400  # 2026-11-01T00:00+03:00
step = (30 * 86400) // (commits + 1)
# Each commit edits one line in place, as staff do: a note on the month,
# and every fifth commit an item's status moved on or back.
statuses = [i for i, line in enumerate(lines) if line.startswith("    status: ")]
for n in range(commits):
    edited = list(lines)
    edited.insert(1, "# edit %d" % n)
    if n % 5 == 0:
        at = statuses[(n // 5) % len(statuses)]
        edited[at + 1] = "    status: drafted" if (n // 5) % 2 else "    status: approved"
    text = "\n".join(edited).encode()
    out.write(b"commit refs/heads/main\ncommitter Bench <b@example.org> %d +0300\ndata 5\nedit\n" % (november_start + step * (n + 1)))
    out.write(b"M 100644 inline %s\ndata %d\n" % (november.encode(), len(text)) + text + b"\n")
EOF
  git -C "$repo" reset -q --hard main
}

printf '%-10s %12s %10s\n' commits "median ms" "peak MB"
for commits in ${SIZES:-625 2500 5000 10000}; do
  repo="$work/$commits"
  [ -d "$repo" ] || make_repo "$repo" "$commits"
  args=(report --plan "$repo/plans" --exports "$repo/exports" --month 2026-11 --today 2026-12-01 --format json)
  printf '%-10s %12s %10s\n' "$commits" "$(median_ms "$bin" "${args[@]}")" "$(peak_mb "$bin" "${args[@]}")"
done
