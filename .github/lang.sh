#!/usr/bin/env bash
# The language of the Action's messages: LANGUAGE when given, else the
# first of the plan's `languages:` (plan.yaml, flow or block list), else
# English. Reads PLAN and LANGUAGE; prints `ar` or `en`.
set -uo pipefail
lang=${LANGUAGE:-}
if [ -z "$lang" ] && [ -f "$PLAN/plan.yaml" ]; then
  lang=$(sed -n \
    -e 's/^languages:[[:space:]]*\[[[:space:]]*["'\'']\{0,1\}\([a-z][a-z]\).*/\1/p' \
    -e '/^languages:[[:space:]]*\(#.*\)\{0,1\}$/{n;s/^[[:space:]]*-[[:space:]]*["'\'']\{0,1\}\([a-z][a-z]\).*/\1/p;}' \
    "$PLAN/plan.yaml" | head -n 1)
fi
case $lang in
  ar | en) echo "$lang" ;;
  *) echo en ;;
esac
