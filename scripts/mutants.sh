#!/usr/bin/env bash
# Mutation testing of the formulas and parsers with cargo-mutants: each
# mutant (a changed operator, a deleted branch, a function replaced by a
# constant) must make some test fail. The files examined and the mutants
# excluded as equivalent, each with its reason, are in .cargo/mutants.toml.
# A tool for developers, not a CI step: about 8 s a mutant on 2 cores.
#
#   bash scripts/mutants.sh                 # every file in .cargo/mutants.toml
#   bash scripts/mutants.sh src/text/dates.rs src/report/figures.rs
#
# Prints the counts (caught, missed, unviable, timed out, excluded) and the
# missed mutants; exits non-zero when one is missed. Details in mutants.out/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked

only=()
if [ $# -gt 0 ]; then
  files=$(printf '%s|' "$@" | sed 's/[.]/[.]/g; s/|$//')
  only=(--re "^($files):")
fi

# Excluded: what the examined files yield without the exclusions, less what they yield with them.
globs=$(python3 -c 'import tomllib; print(" ".join("-f " + g for g in tomllib.load(open(".cargo/mutants.toml", "rb"))["examine_globs"]))')
set -f # the globs are cargo-mutants', not the shell's
# shellcheck disable=SC2086
all=$(cargo mutants --no-config $globs "${only[@]}" --list | wc -l)
set +f
kept=$(cargo mutants "${only[@]}" --list | wc -l)

start=$(date +%s)
set +e
cargo mutants "${only[@]}" >/dev/null 2>&1
status=$?
set -e
seconds=$(( $(date +%s) - start ))

python3 - "$all" "$kept" "$seconds" <<'PY'
import json, sys
every, kept, seconds = map(int, sys.argv[1:])
outcomes = json.load(open("mutants.out/outcomes.json"))
count = lambda key: sum(1 for o in outcomes["outcomes"] if o["summary"] == key)
print(f"mutants {kept} (of {every}; {every - kept} excluded as equivalent, see .cargo/mutants.toml)")
print(f"caught {count('CaughtMutant')}, missed {count('MissedMutant')}, "
      f"unviable {count('Unviable')}, timed out {count('Timeout')}, "
      f"in {seconds // 60} min {seconds % 60} s")
PY
if [ -s mutants.out/missed.txt ]; then
  echo "missed:"
  sed 's/^/  /' mutants.out/missed.txt
fi
exit "$status"
